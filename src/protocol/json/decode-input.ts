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
export function decodeInput(operation: OperationName, body: Uint8Array | string | undefined): Record<string, unknown> {
  const document = parseBody(body);
  return readStructure(document, OPERATIONS[operation].input);
}

function parseBody(body: Uint8Array | string | undefined): JsonObject {
  const text = typeof body === 'string' ? body : body === undefined ? '' : decodeUtf8(body);
  const document = text === undefined || text.length === 0 ? undefined : parseJsonObject(text);
  if (document === undefined) throw new SerializationException('');
  return document;
}

function readStructure(document: JsonObject, shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of shape.members ?? []) {
    if (!Object.hasOwn(document, member.name)) continue;
    const value = document[member.name];
    // null means absent [K]; the validator then reports a required member as "must not be null".
    if (value !== null) out[member.name] = readValue(value, member.shape);
  }
  return out;
}

/** One JSON value as the in-process value of `shape`; the type-mismatch texts are the validator's. */
function readValue(value: unknown, shape: Shape): unknown {
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
      return readBlob(value);
    case 'timestamp':
      if (typeof value !== 'number') throw typeError('timestamp', value);
      return readTimestamp(value);
    case 'list':
      if (!Array.isArray(value)) throw typeError('list', value);
      return readList(value, shape);
    case 'map':
      if (!isJsonObject(value)) throw typeError('map', value);
      return readMap(value, shape);
    case 'structure':
      if (!isJsonObject(value)) throw typeError('structure', value);
      return readStructure(value, shape);
  }
}

// List elements and map values keep their nulls: the model allows none, and the validator names each
// one (`records.2.member`) the way AWS does.
function readList(list: readonly unknown[], shape: Shape): unknown[] {
  const member = shape.member;
  if (member === undefined) return [...list];
  return list.map((element) => (element === null ? null : readValue(element, member)));
}

function readMap(entries: JsonObject, shape: Shape): Record<string, unknown> {
  const valueShape = shape.value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entries)) {
    const entry = entries[key];
    const value = entry === null || valueShape === undefined ? entry : readValue(entry, valueShape);
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
