// AWS CBOR 1.1 request bodies -> in-process inputs, driven by the operation's input shape, as the AWS SDK for
// Java v2 writes them (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html describes the same
// data model): the document is a CBOR map with JSON's member names, blobs are byte strings, timestamps are
// tag 1 around integer epoch MILLISECONDS (not RFC 8949's seconds).
import { SerializationException } from '../../errors/kinesis-error.js';
import { CborError, CborTag, decodeCbor, type CborValue } from '../../encoding/cbor.js';
import { OPERATIONS, type OperationName } from '../../operations/registry.js';
import { awsInteger, type Shape } from '../../service-model/shapes.js';
import { isBlob, isPlainObject } from '../../service-model/value-kinds.js';
import { typeError } from '../../validation/type-errors.js';

type CborMap = { readonly [key: string]: CborValue };

/** The tag AWS puts around timestamps (with epoch milliseconds inside). */
const TIMESTAMP_TAG = 1;
// [U] Coral's CBOR reader's words are not public. A byte string where a scalar is expected is named the way its
// JSON reader names a value of the wrong Java class, with the class a byte string becomes in Java.
const BYTE_BUFFER_CLASS = 'class java.nio.HeapByteBuffer';

/**
 * The input of `operation` a CBOR body carries: byte strings stay bytes, timestamps become Dates (tag 1 with
 * integer or fractional epoch milliseconds, tagged or not), integers are floored and saturate at int32 like
 * JSON's, members that are null, undefined or unknown are dropped. Constraints are left to the validator.
 * @throws SerializationException without a message when the body is empty, is not CBOR or is not a map.
 * @throws SerializationException with AWS's JSON-protocol text (adapted, see BYTE_BUFFER_CLASS) for a member of the wrong type.
 */
export function decodeInput(operation: OperationName, body: Uint8Array | string | undefined): Record<string, unknown> {
  const document = parseBody(body);
  if (document === undefined) throw new SerializationException('');
  return readStructure(document, OPERATIONS[operation].input);
}

/** The map a body holds, or undefined when it is empty, malformed or not a map. */
export function parseBody(body: Uint8Array | string | undefined): CborMap | undefined {
  if (body === undefined || typeof body === 'string' || body.byteLength === 0) return undefined;
  let value: CborValue;
  try {
    value = decodeCbor(body);
  } catch (error) {
    if (error instanceof CborError) return undefined;
    throw error;
  }
  return isMap(value) ? value : undefined;
}

function isMap(value: CborValue): value is CborMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isBlob(value) && isPlainObject(value);
}

function readStructure(document: CborMap, shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of shape.members ?? []) {
    if (!Object.hasOwn(document, member.name)) continue;
    const value = document[member.name];
    if (value !== null && value !== undefined) out[member.name] = readValue(value, member.shape);
  }
  return out;
}

function readValue(value: CborValue, shape: Shape): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') throw wrongType('string', value);
      return value;
    case 'integer':
    case 'long':
      return readInteger(value, shape.type);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('boolean', value);
      return value;
    case 'blob':
      if (!isBlob(value)) throw wrongType('blob', value);
      return value;
    case 'timestamp':
      return readTimestamp(value);
    case 'list':
      if (!Array.isArray(value)) throw wrongType('list', value);
      return readList(value, shape);
    case 'map':
      if (!isMap(value)) throw wrongType('map', value);
      return readMap(value, shape);
    case 'structure':
      if (!isMap(value)) throw wrongType('structure', value);
      return readStructure(value, shape);
  }
}

function readInteger(value: CborValue, type: 'integer' | 'long'): number {
  // Integers past 2^53 arrive as bigints; like JSON's beyond int32 they saturate (a long at the safe range).
  if (typeof value === 'bigint') {
    const limit = type === 'integer' ? 2147483647 : Number.MAX_SAFE_INTEGER;
    return value > 0n ? limit : -limit - (type === 'integer' ? 1 : 0);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(type, value);
  return awsInteger(value, type);
}

/** Tag 1 around epoch milliseconds, or the bare number: both are what the Java SDK's writers produce. */
function readTimestamp(value: CborValue): Date {
  const inner = value instanceof CborTag && value.tag === TIMESTAMP_TAG ? value.value : value;
  const epochMs = typeof inner === 'bigint' ? Number(inner) : inner;
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs)) throw wrongType('timestamp', inner);
  // [U] Fractions of a millisecond are rounded, as the JSON codec rounds its seconds to the millisecond.
  return new Date(Math.round(epochMs));
}

// List elements and map values keep their nulls for the validator to name (`records.2.member`), as in JSON.
function readList(list: readonly CborValue[], shape: Shape): unknown[] {
  const member = shape.member;
  if (member === undefined) return [...list];
  return list.map((element) => (element === null || element === undefined ? null : readValue(element, member)));
}

function readMap(entries: CborMap, shape: Shape): Record<string, unknown> {
  const valueShape = shape.value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entries)) {
    const entry = entries[key]!;
    const value = entry === null || entry === undefined || valueShape === undefined ? (entry ?? null) : readValue(entry, valueShape);
    // defineProperty, not assignment: a tag named "__proto__" must stay a tag, not replace the prototype.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The JSON protocol's text for the nearest JSON value, with byte strings and tags named for what they are. */
function wrongType(expected: Parameters<typeof typeError>[0], value: CborValue): SerializationException {
  if (isBlob(value) && expected !== 'list' && expected !== 'map' && expected !== 'structure') {
    const target = expected === 'timestamp' ? 'milliseconds since epoch' : expected === 'string' ? 'an String' : expected === 'blob' ? 'a Blob' : `an ${capitalised(expected)}`;
    return new SerializationException(`${BYTE_BUFFER_CLASS} can not be converted to ${target}`);
  }
  // A tag other than a timestamp's is a structure where a value was expected [U]; bigints and non-finite
  // floats read as the JSON numbers they would be.
  if (value instanceof CborTag) return typeError(expected, {});
  return typeError(expected, typeof value === 'bigint' ? Number(value) : value);
}

function capitalised(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
