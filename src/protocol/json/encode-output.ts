// In-process outputs -> JSON 1.1 response bodies (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
import { encodeBase64 } from '../../encoding/base64.js';
import { isBlob, isDate } from '../../service-model/value-kinds.js';

/**
 * The JSON text of an operation's output: Uint8Array as base64, Date as epoch seconds with millisecond
 * precision (a JSON number), absent members omitted. An output without members is the empty string:
 * AWS answers no-output operations with an empty body [K]; it may send `{}` for an output-bearing
 * operation whose members are all absent [U], which clients read the same way.
 */
export function encodeOutput(output: unknown): string {
  const text = JSON.stringify(output, toWire);
  return text === '{}' || text === undefined ? '' : text;
}

/** The JSON text of a structure with the same conventions, `{}` kept: an event-stream payload. */
export function encodeStructure(structure: object): string {
  return JSON.stringify(structure, toWire);
}

// JSON.stringify hands the replacer what toJSON made of a value (an ISO string for a Date, {type, data}
// for a Node byte buffer), so the original is read from the holder.
function toWire(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  if (isBlob(original)) return encodeBase64(original);
  if (isDate(original)) return original.getTime() / 1000;
  return value;
}
