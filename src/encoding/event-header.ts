/** Event stream message headers: typed name/value pairs (https://smithy.io/2.0/aws/amazon-eventstream.html#headers-format). */
import { EventStreamError } from './event-stream-error.js';
import { EVENT_STREAM_MAX_HEADER_NAME_BYTES, EVENT_STREAM_MAX_HEADER_VALUE_BYTES } from './event-stream-limits.js';
import { decodeUtf8Strict, encodeTextInto } from './native-text.js';
import { concatBytes } from './concat-bytes.js';

/**
 * One header value with its wire type. `long` is written from a bigint or a safe integer and always read
 * back as a bigint; `timestamp` is epoch milliseconds; `uuid` is the 16 raw bytes.
 */
export type EventHeaderValue =
  | { type: 'boolean'; value: boolean }
  | { type: 'byte'; value: number }
  | { type: 'short'; value: number }
  | { type: 'integer'; value: number }
  | { type: 'long'; value: bigint | number }
  | { type: 'binary'; value: Uint8Array }
  | { type: 'string'; value: string }
  | { type: 'timestamp'; value: number }
  | { type: 'uuid'; value: Uint8Array };

/** A message's headers by name; the format allows each name once and gives their order no meaning. */
export type EventHeaders = Record<string, EventHeaderValue>;

const TYPE_TRUE = 0;
const TYPE_FALSE = 1;
const TYPE_CODES = { byte: 2, short: 3, integer: 4, long: 5, binary: 6, string: 7, timestamp: 8, uuid: 9 } as const;
const FIXED_SIZES = [0, 0, 1, 2, 4, 8, -1, -1, 8, 16]; // value bytes after the type, by type code; -1: length-prefixed
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The encoded headers section for `headers`, in their own-key order.
 * @throws EventStreamError for a name or value the format cannot carry
 */
export function encodeEventHeaders(headers: EventHeaders): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const name of Object.keys(headers)) {
    const part = encodeHeader(name, headers[name]!, total);
    parts.push(part);
    total += part.length;
  }
  return concatBytes(parts);
}

function utf8(s: string): Uint8Array {
  const room = new Uint8Array(3 * s.length);
  return room.subarray(0, encodeTextInto(s, room));
}

function encodeHeader(name: string, header: EventHeaderValue, offset: number): Uint8Array {
  const nameBytes = utf8(name);
  const fail = (problem: string): never => {
    throw new EventStreamError(offset, `header ${JSON.stringify(name)}: ${problem}`);
  };
  if (nameBytes.length === 0) fail('a header name must not be empty');
  if (nameBytes.length > EVENT_STREAM_MAX_HEADER_NAME_BYTES) {
    fail(`the name takes ${nameBytes.length} UTF-8 bytes; the limit is ${EVENT_STREAM_MAX_HEADER_NAME_BYTES}`);
  }
  const valueBytes = header.type === 'string' ? utf8(header.value) : header.type === 'binary' ? header.value : undefined;
  const typeCode = header.type === 'boolean' ? (header.value ? TYPE_TRUE : TYPE_FALSE) : TYPE_CODES[header.type];
  if (typeCode === undefined) fail(`unknown header type ${JSON.stringify((header as { type: unknown }).type)}`);
  const fixed = FIXED_SIZES[typeCode]!;
  const size = 1 + nameBytes.length + 1 + (valueBytes === undefined ? fixed : 2 + valueBytes.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = nameBytes.length;
  out.set(nameBytes, 1);
  let at = 1 + nameBytes.length;
  out[at++] = typeCode;
  const integer = (min: number, max: number): number => {
    const v = header.value;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      fail(`a ${header.type} header must be an integer in [${min}, ${max}], got ${String(v)}`);
    }
    return v as number;
  };
  switch (header.type) {
    case 'boolean':
      break;
    case 'byte':
      view.setInt8(at, integer(-0x80, 0x7f));
      break;
    case 'short':
      view.setInt16(at, integer(-0x8000, 0x7fff));
      break;
    case 'integer':
      view.setInt32(at, integer(-0x80000000, 0x7fffffff));
      break;
    case 'long':
    case 'timestamp':
      view.setBigInt64(at, int64(header.value, header.type, fail));
      break;
    case 'uuid':
      if (!(header.value instanceof Uint8Array) || header.value.length !== 16) fail('a uuid header must be 16 bytes');
      out.set(header.value, at);
      break;
    default: {
      const bytes = valueBytes!;
      if (bytes.length > EVENT_STREAM_MAX_HEADER_VALUE_BYTES) {
        fail(`the ${header.type} value takes ${bytes.length} bytes; the limit is ${EVENT_STREAM_MAX_HEADER_VALUE_BYTES}`);
      }
      view.setUint16(at, bytes.length);
      out.set(bytes, at + 2);
    }
  }
  return out;
}

function int64(value: unknown, type: string, fail: (problem: string) => never): bigint {
  if (typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  const expected = type === 'long' ? 'a safe integer or a 64-bit bigint' : 'a safe integer (epoch milliseconds)';
  return fail(`a ${type} header must be ${expected}, got ${String(value)}`);
}

/**
 * Reads the headers section `bytes[start, end)`; `streamOffset` is where `bytes[0]` sits in the stream, for errors.
 * Values are copies, never views of `bytes`.
 * @throws EventStreamError for an empty, repeated or non-UTF-8 name, an unknown type, invalid UTF-8 in a
 * string value, a timestamp beyond the safe integers, or a value running past the section's end
 */
export function decodeEventHeaders(bytes: Uint8Array, start: number, end: number, streamOffset: number): EventHeaders {
  const headers: EventHeaders = {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  while (at < end) {
    const headerStart = at;
    const fail = (problem: string): never => {
      throw new EventStreamError(streamOffset + headerStart, problem);
    };
    const nameLength = bytes[at++]!;
    if (nameLength === 0) fail('a header name is empty');
    if (at + nameLength + 1 > end) fail('a header runs past the end of the headers section');
    const name = decodeUtf8Strict(bytes, at, at + nameLength) ?? fail('a header name is not valid UTF-8');
    if (Object.hasOwn(headers, name)) fail(`header ${JSON.stringify(name)} appears twice`);
    at += nameLength;
    const typeCode = bytes[at++]!;
    const fixed = FIXED_SIZES[typeCode] ?? fail(`header ${JSON.stringify(name)} has unknown type ${typeCode}`);
    const length = fixed >= 0 ? fixed : at + 2 <= end ? view.getUint16(at) : 0;
    const valueAt = fixed >= 0 ? at : at + 2;
    if (valueAt + length > end) fail(`header ${JSON.stringify(name)} runs past the end of the headers section`);
    at = valueAt + length;
    const value = readValue(typeCode, bytes, view, valueAt, length, name, fail);
    // Object.defineProperty keeps a header named "__proto__" as data rather than a prototype change.
    Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return headers;
}

function readValue(
  typeCode: number,
  bytes: Uint8Array,
  view: DataView,
  at: number,
  length: number,
  name: string,
  fail: (problem: string) => never,
): EventHeaderValue {
  switch (typeCode) {
    case TYPE_TRUE:
      return { type: 'boolean', value: true };
    case TYPE_FALSE:
      return { type: 'boolean', value: false };
    case TYPE_CODES.byte:
      return { type: 'byte', value: view.getInt8(at) };
    case TYPE_CODES.short:
      return { type: 'short', value: view.getInt16(at) };
    case TYPE_CODES.integer:
      return { type: 'integer', value: view.getInt32(at) };
    case TYPE_CODES.long:
      return { type: 'long', value: view.getBigInt64(at) };
    case TYPE_CODES.timestamp: {
      const ms = view.getBigInt64(at);
      if (ms < -BigInt(Number.MAX_SAFE_INTEGER) || ms > BigInt(Number.MAX_SAFE_INTEGER)) {
        fail(`timestamp header ${JSON.stringify(name)} (${ms} ms) is beyond the safe integers`);
      }
      return { type: 'timestamp', value: Number(ms) };
    }
    case TYPE_CODES.uuid:
      return { type: 'uuid', value: bytes.slice(at, at + 16) };
    case TYPE_CODES.binary:
      return { type: 'binary', value: bytes.slice(at, at + length) };
    default: {
      const text = decodeUtf8Strict(bytes, at, at + length);
      return { type: 'string', value: text ?? fail(`string header ${JSON.stringify(name)} is not valid UTF-8`) };
    }
  }
}
