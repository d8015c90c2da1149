// JSON 1.1 request bodies -> in-process inputs, driven by the operation's input shape from the service model
// (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
// The type-mismatch texts are AWS's as kinesalite's AWS-verified tests record them [K].
import { SerializationException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import { decodeBase64 } from '../../encoding/base64.js';
import { OPERATIONS, type OperationName } from '../../operations/registry.js';
import { awsInteger, type Shape } from '../../service-model/shapes.js';
import { typeError } from '../../validation/type-errors.js';
import { decodeUtf8 } from '../../encoding/utf8-decode.js';
import { isJsonObject, parseJsonObject, type JsonObject } from '../../encoding/json-object.js';


/**
 * The input of `operation` carried by a request body: blobs become Uint8Array, timestamps (epoch
 * seconds) Date, integers are floored and saturate at int32 like AWS's reader does, members that are
 * null or unknown are dropped. Constraints are left to the validator the Kinesis method runs.
 * @throws SerializationException without a message when the body is empty or not a JSON object [K].
 * @throws SerializationException with AWS's text for a member of the wrong JSON type or bad base64.
 */
export function decodeInput(
  operation: OperationName,
  body: Uint8Array | string | undefined,
  options: JsonInputOptions = {},
): Record<string, unknown> {
  const document = parseBody(body);
  const fast = options.decodeBase64;
  const blob = fast === undefined ? readBlob : (text: string) => fast(text) ?? readBlob(text);
  return readStructure(document, OPERATIONS[operation].input, blob);
}

/** A faster helper a host may lend the decoder (a Node server lends its native base64); it must agree with the portable one. */
export interface JsonInputOptions {
  /** Canonical padded base64 -> bytes; undefined for any other text (the portable decoder then names the problem). */
  readonly decodeBase64?: (text: string) => Uint8Array | undefined;
}

type BlobReader = (text: string) => Uint8Array;

function parseBody(body: Uint8Array | string | undefined): JsonObject {
  const text = typeof body === 'string' ? body : body === undefined ? '' : decodeUtf8(body);
  const document = text === undefined || text.length === 0 ? undefined : parseJsonObject(text);
  if (document === undefined) throw new SerializationException('');
  return document;
}

function readStructure(document: JsonObject, shape: Shape, blob: BlobReader): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of shape.members ?? []) {
    if (!Object.hasOwn(document, member.name)) continue;
    const value = document[member.name];
    // null means absent [K]; the validator then reports a required member as "must not be null".
    if (value !== null) out[member.name] = readValue(value, member.shape, blob);
  }
  return out;
}

/** One JSON value as the in-process value of `shape`; the type-mismatch texts are the validator's. */
function readValue(value: unknown, shape: Shape, blob: BlobReader): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') throw typeError('string', value);
      return value;
    case 'integer':
    case 'long':
      if (typeof value !== 'number') throw typeError(shape.type, value);
      return awsInteger(value, shape.type);
    case 'boolean':
      // [U] kinesalite notes that AWS may accept 'true'/'false' strings; like kinesalite, every string is refused.
      if (typeof value !== 'boolean') throw typeError('boolean', value);
      return value;
    case 'blob':
      if (typeof value !== 'string') throw typeError('blob', value);
      return blob(value);
    case 'timestamp':
      if (typeof value !== 'number') throw typeError('timestamp', value);
      return readTimestamp(value);
    case 'list':
      if (!Array.isArray(value)) throw typeError('list', value);
      return readList(value, shape, blob);
    case 'map':
      if (!isJsonObject(value)) throw typeError('map', value);
      return readMap(value, shape, blob);
    case 'structure':
      if (!isJsonObject(value)) throw typeError('structure', value);
      return readStructure(value, shape, blob);
  }
}

// List elements and map values keep their nulls: the model allows none, and the validator names each
// one (`records.2.member`) the way AWS does.
function readList(list: readonly unknown[], shape: Shape, blob: BlobReader): unknown[] {
  const member = shape.member;
  if (member === undefined) return [...list];
  return list.map((element) => (element === null ? null : readValue(element, member, blob)));
}

function readMap(entries: JsonObject, shape: Shape, blob: BlobReader): Record<string, unknown> {
  const valueShape = shape.value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entries)) {
    const entry = entries[key];
    const value = entry === null || valueShape === undefined ? entry : readValue(entry, valueShape, blob);
    // defineProperty, not assignment: a tag named "__proto__" must stay a tag, not replace the prototype.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function readBlob(text: string): Uint8Array {
  const decoded = decodeBase64(text);
  if (decoded instanceof Uint8Array) return decoded;
  switch (decoded.kind) {
    case 'length':
      throw new SerializationException(msg.base64BadLength(text, decoded.length));
    case 'char':
      throw new SerializationException(msg.base64BadChar(text, decoded.char));
    case 'last-char':
      throw new SerializationException(msg.base64BadLastChar(text));
  }
}

/**
 * Epoch seconds (ms precision, exponent notation allowed: `1.441215410867E9`) as a Date. Rounding to the
 * millisecond undoes binary-fraction noise (1459799926.479 * 1000 is 1459799926478.9998); what AWS does
 * with sub-millisecond digits is [U].
 */
function readTimestamp(epochSeconds: number): Date {
  return new Date(Math.round(epochSeconds * 1000));
}
