// JSON objects read from text: request bodies, coral's edge checks and resource policies share one parser.

/** A parsed JSON object (never an array or null). */
export type JsonObject = { readonly [key: string]: unknown };

/** Whether a parsed JSON value is an object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object `text` holds, or undefined when it is not JSON or its top level is not an object. */
export function parseJsonObject(text: string): JsonObject | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isJsonObject(value) ? value : undefined;
}
