// The event stream codec on AWS's shared test vectors, its size limits, and every corruption it must name.
import zlib from 'node:zlib';
import { describe, it, expect } from 'vitest';
import {
  decodeEventMessage,
  encodeEventMessage,
  EVENT_STREAM_MAX_HEADERS_BYTES,
  EVENT_STREAM_MAX_PAYLOAD_BYTES,
  EventStreamDecoder,
  EventStreamError,
  type EventHeaders,
  type EventMessage,
} from '../../src/encoding/event-stream.js';
import { crc32 } from '../../src/encoding/crc32.js';

const hexBytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const FOO_BAR = utf8("{'foo':'bar'}");

// The interoperability vectors AWS's event stream implementations share (aws-c-event-stream's test data,
// also in smithy-typescript's eventstream-codec), as hex.
const VECTORS: Record<string, { hex: string; message: EventMessage }> = {
  all_headers: {
    hex:
      '000000cc000000af0fae64ca0a6576656e742d74797065040000a00c0c636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e' +
      '0a626f6f6c2066616c73650109626f6f6c207472756500046279746502cf08627974652062756606001449276d2061206c6974746c652074656170' +
      '6f74210974696d657374616d70080000000000845fed05696e74313603002a05696e7436340500000000028757b20475756964090102030405060708' +
      '090a0b0c0d0e0f107b27666f6f273a27626172277daba5f10c',
    message: {
      headers: {
        'event-type': { type: 'integer', value: 40972 },
        'content-type': { type: 'string', value: 'application/json' },
        'bool false': { type: 'boolean', value: false },
        'bool true': { type: 'boolean', value: true },
        byte: { type: 'byte', value: -49 },
        'byte buf': { type: 'binary', value: utf8("I'm a little teapot!") },
        timestamp: { type: 'timestamp', value: 8675309 },
        int16: { type: 'short', value: 42 },
        int64: { type: 'long', value: 42424242n },
        uuid: { type: 'uuid', value: Uint8Array.from({ length: 16 }, (_, i) => i + 1) },
      },
      payload: FOO_BAR,
    },
  },
  empty_message: { hex: '000000100000000005c248eb7d98c8ff', message: { headers: {}, payload: new Uint8Array(0) } },
  int32_header: {
    hex: '0000002d0000001041c424b80a6576656e742d74797065040000a00c7b27666f6f273a27626172277d36f480a0',
    message: { headers: { 'event-type': { type: 'integer', value: 40972 } }, payload: FOO_BAR },
  },
  payload_no_headers: {
    hex: '0000001d00000000fd528c5a7b27666f6f273a27626172277dc3653936',
    message: { headers: {}, payload: FOO_BAR },
  },
  payload_one_str_header: {
    hex: '0000003d0000002007fd83960c636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e7b27666f6f273a27626172277d8d9c08b1',
    message: { headers: { 'content-type': { type: 'string', value: 'application/json' } }, payload: FOO_BAR },
  },
};

/** A frame around raw header bytes with correct CRCs (zlib's), to reach the header checks behind them. */
function frame(headers: Uint8Array, payload = new Uint8Array(0)): Uint8Array {
  const total = 16 + headers.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, zlib.crc32(out.subarray(0, 8)));
  out.set(headers, 12);
  out.set(payload, 12 + headers.length);
  view.setUint32(total - 4, zlib.crc32(out.subarray(0, total - 4)));
  return out;
}

function decodeFailure(bytes: Uint8Array): EventStreamError {
  const decoder = new EventStreamDecoder();
  try {
    decoder.push(bytes);
    decoder.end();
  } catch (error) {
    expect(error).toBeInstanceOf(EventStreamError);
    return error as EventStreamError;
  }
  throw new Error('decoding did not fail');
}

function withByte(hex: string, at: number, byte: number): Uint8Array {
  const bytes = hexBytes(hex);
  bytes[at] = byte;
  return bytes;
}

describe('the shared test vectors', () => {
  for (const [name, { hex, message }] of Object.entries(VECTORS)) {
    it(`decodes ${name}`, () => {
      expect(decodeEventMessage(hexBytes(hex))).toStrictEqual(message);
    });
    it(`encodes ${name} to the same bytes`, () => {
      expect(hexOf(encodeEventMessage(message))).toBe(hex);
    });
  }

  it('rejects the corrupted variants, naming the check that failed', () => {
    const oneHeader = VECTORS.payload_one_str_header!.hex;
    const noHeaders = VECTORS.payload_no_headers!.hex;
    expect(decodeFailure(withByte(oneHeader, 45, 97)).message).toBe(
      'Event stream: message CRC mismatch: the message says 0x8d9c08b1, its bytes give 0x' +
        crc32(withByte(oneHeader, 45, 97).subarray(0, 57)).toString(16).padStart(8, '0') +
        ' (at byte 57)',
    );
    expect(decodeFailure(withByte(oneHeader, 7, 33)).message).toMatch(/^Event stream: prelude CRC mismatch: the message says 0x07fd8396, its first 8 bytes give 0x[0-9a-f]{8} \(at byte 0\)$/);
    expect(decodeFailure(withByte(oneHeader, 3, 62)).message).toMatch(/^Event stream: prelude CRC mismatch/);
    expect(decodeFailure(withByte(noHeaders, 12, 91)).message).toMatch(/^Event stream: message CRC mismatch: the message says 0xc3653936/);
  });
});

describe('EventStreamDecoder', () => {
  const all = hexBytes(Object.values(VECTORS).map((v) => v.hex).join(''));
  const messages = Object.values(VECTORS).map((v) => v.message);

  it('returns every message of one chunk, in order, and nothing stays buffered', () => {
    const decoder = new EventStreamDecoder();
    expect(decoder.push(all)).toStrictEqual(messages);
    expect(decoder.bufferedBytes).toBe(0);
    decoder.end();
  });

  it('assembles messages fed one byte at a time', () => {
    const decoder = new EventStreamDecoder();
    const out: EventMessage[] = [];
    for (let i = 0; i < all.length; i++) out.push(...decoder.push(all.subarray(i, i + 1)));
    expect(out).toStrictEqual(messages);
    decoder.end();
  });

  it('checks the prelude CRC as soon as 12 bytes are in, before waiting for the declared length', () => {
    const prelude = new Uint8Array(12);
    new DataView(prelude.buffer).setUint32(0, 0xffffff00);
    const decoder = new EventStreamDecoder({ validateSizeLimits: false });
    expect(decoder.push(prelude.subarray(0, 11))).toEqual([]);
    expect(() => decoder.push(prelude.subarray(11))).toThrow(/prelude CRC mismatch/);
  });

  it('refuses impossible lengths behind a valid prelude CRC', () => {
    const prelude = (total: number, headers: number): Uint8Array => {
      const bytes = new Uint8Array(12);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, total);
      view.setUint32(4, headers);
      view.setUint32(8, zlib.crc32(bytes.subarray(0, 8)));
      return bytes;
    };
    expect(() => new EventStreamDecoder().push(prelude(15, 0))).toThrow('Event stream: total length 15 is below the 16-byte minimum (at byte 0)');
    expect(() => new EventStreamDecoder().push(prelude(20, 5))).toThrow('Event stream: headers length 5 does not fit in a message of total length 20 (at byte 0)');
    expect(() => new EventStreamDecoder().push(prelude(16 + 131_073, 131_073))).toThrow('Event stream: headers length 131073 exceeds the limit of 131072 bytes (at byte 0)');
    expect(() => new EventStreamDecoder().push(prelude(16 + 25_165_825, 0))).toThrow('Event stream: payload length 25165825 exceeds the limit of 25165824 bytes (at byte 0)');
    // A client must not apply the limits: it waits for the bytes instead (and allocates nothing meanwhile).
    const lenient = new EventStreamDecoder({ validateSizeLimits: false });
    expect(lenient.push(prelude(16 + 25_165_825, 0))).toEqual([]);
    expect(lenient.bufferedBytes).toBe(12);
  });

  it('reports the stream offset of a bad message after good ones', () => {
    const good = hexBytes(VECTORS.int32_header!.hex);
    const bad = withByte(VECTORS.payload_no_headers!.hex, 12, 91);
    const error = decodeFailure(new Uint8Array([...good, ...good, ...bad]));
    expect(error.offset).toBe(2 * good.length + bad.length - 4);
  });

  it('stays failed once it has failed, as the stream must be terminated', () => {
    const decoder = new EventStreamDecoder();
    const bad = withByte(VECTORS.payload_no_headers!.hex, 12, 91);
    expect(() => decoder.push(bad)).toThrow(EventStreamError);
    expect(() => decoder.push(hexBytes(VECTORS.empty_message!.hex))).toThrow(/message CRC mismatch/);
    expect(() => decoder.end()).toThrow(/message CRC mismatch/);
  });

  it('says how much of which message was missing when the stream ends inside one', () => {
    const decoder = new EventStreamDecoder();
    decoder.push(hexBytes(VECTORS.int32_header!.hex).subarray(0, 20));
    expect(() => decoder.end()).toThrow('Event stream: the stream ended inside a message: 20 byte(s) received of 45 (at byte 0)');
    const early = new EventStreamDecoder();
    early.push(new Uint8Array(5));
    expect(() => early.end()).toThrow('Event stream: the stream ended inside a message: 5 byte(s) received of a prelude needing 12 (at byte 0)');
  });

  it('hands out payloads and header bytes that do not alias the pushed chunk', () => {
    const chunk = hexBytes(VECTORS.all_headers!.hex);
    const [message] = new EventStreamDecoder().push(chunk);
    chunk.fill(0);
    expect(message).toStrictEqual(VECTORS.all_headers!.message);
  });

  it('reads a Buffer chunk that sits inside a larger pooled allocation', () => {
    const pooled = Buffer.from(VECTORS.int32_header!.hex, 'hex');
    expect(pooled.byteOffset === 0 && pooled.buffer.byteLength === pooled.length).toBe(false);
    expect(new EventStreamDecoder().push(pooled)).toStrictEqual([VECTORS.int32_header!.message]);
  });
});

describe('headers on the wire', () => {
  const header = (name: string, type: number, value: number[]): number[] => [name.length, ...utf8(name), type, ...value];

  it('refuses malformed header sections behind valid CRCs', () => {
    const cases: [number[], RegExp][] = [
      [[0, 0], /a header name is empty \(at byte 12\)$/],
      [[5, 0x61, 0x62], /a header runs past the end of the headers section/],
      [[2, 0xc3, 0x28, 0], /a header name is not valid UTF-8/],
      [header('x', 10, []), /header "x" has unknown type 10/],
      [header('x', 4, [0, 0]), /header "x" runs past the end of the headers section/],
      [header('x', 7, [0, 5, 0x61]), /header "x" runs past the end of the headers section/],
      [header('x', 7, [0]), /header "x" runs past the end of the headers section/],
      [header('x', 7, [0, 2, 0xc3, 0x28]), /string header "x" is not valid UTF-8/],
      [[...header('x', 0, []), ...header('x', 1, [])], /header "x" appears twice \(at byte 15\)$/],
      [header('t', 8, [0x7f, 0, 0, 0, 0, 0, 0, 0]), /timestamp header "t" \(9151314442816847872 ms\) is beyond the safe integers/],
    ];
    for (const [headers, expected] of cases) {
      expect(decodeFailure(frame(new Uint8Array(headers))).message).toMatch(expected);
    }
  });

  it('keeps a header named "__proto__" as data', () => {
    const message = decodeEventMessage(frame(new Uint8Array(header('__proto__', 0, []))));
    expect(Object.getPrototypeOf(message.headers)).toBe(Object.prototype);
    expect(Object.keys(message.headers)).toEqual(['__proto__']);
    expect(encodeEventMessage(message)).toStrictEqual(frame(new Uint8Array(header('__proto__', 0, []))));
  });

  it('accepts a long from a safe integer or a 64-bit bigint, and reads it back as a bigint', () => {
    const headers: EventHeaders = {
      a: { type: 'long', value: -(2 ** 53) + 1 },
      b: { type: 'long', value: -(2n ** 63n) },
      c: { type: 'long', value: 2n ** 63n - 1n },
      t: { type: 'timestamp', value: -1 },
    };
    expect(decodeEventMessage(encodeEventMessage({ headers, payload: new Uint8Array(0) })).headers).toStrictEqual({
      a: { type: 'long', value: -(2n ** 53n) + 1n },
      b: { type: 'long', value: -(2n ** 63n) },
      c: { type: 'long', value: 2n ** 63n - 1n },
      t: { type: 'timestamp', value: -1 },
    });
  });

  it('refuses, by name, a header the format cannot carry', () => {
    const encode = (headers: EventHeaders): Uint8Array => encodeEventMessage({ headers, payload: new Uint8Array(0) });
    expect(() => encode({ '': { type: 'boolean', value: true } })).toThrow('Event stream: header "": a header name must not be empty (at byte 0)');
    expect(() => encode({ ['é'.repeat(128)]: { type: 'boolean', value: true } })).toThrow(/the name takes 256 UTF-8 bytes; the limit is 255/);
    expect(() => encode({ s: { type: 'string', value: 'x'.repeat(32_768) } })).toThrow('Event stream: header "s": the string value takes 32768 bytes; the limit is 32767 (at byte 0)');
    expect(() => encode({ b: { type: 'binary', value: new Uint8Array(32_768) } })).toThrow(/the binary value takes 32768 bytes/);
    expect(() => encode({ b: { type: 'byte', value: 128 } })).toThrow('Event stream: header "b": a byte header must be an integer in [-128, 127], got 128 (at byte 0)');
    expect(() => encode({ s: { type: 'short', value: 1.5 } })).toThrow(/a short header must be an integer in \[-32768, 32767\], got 1.5/);
    expect(() => encode({ i: { type: 'integer', value: 2 ** 31 } })).toThrow(/an? integer header must be an integer/);
    expect(() => encode({ l: { type: 'long', value: 2n ** 63n } })).toThrow(/a long header must be a safe integer or a 64-bit bigint, got 9223372036854775808/);
    expect(() => encode({ l: { type: 'long', value: 2 ** 53 } })).toThrow(/a long header must be a safe integer/);
    expect(() => encode({ t: { type: 'timestamp', value: 0.5 } })).toThrow(/a timestamp header must be a safe integer \(epoch milliseconds\), got 0.5/);
    expect(() => encode({ u: { type: 'uuid', value: new Uint8Array(15) } })).toThrow(/a uuid header must be 16 bytes/);
    expect(() => encode({ a: { type: 'boolean', value: true }, z: { type: 'nope' } as never })).toThrow(/header "z": unknown header type "nope" \(at byte 3\)/);
  });

  it('encodes values at the format limits exactly', () => {
    const headers: EventHeaders = {
      ['n'.repeat(255)]: { type: 'string', value: 'v'.repeat(32_767) },
      b: { type: 'binary', value: new Uint8Array(32_767).fill(1) },
      lo: { type: 'byte', value: -128 },
      hi: { type: 'short', value: 32_767 },
      i: { type: 'integer', value: -(2 ** 31) },
    };
    const message = { headers, payload: new Uint8Array(3) };
    const back = decodeEventMessage(encodeEventMessage(message));
    expect(back).toStrictEqual(message);
  });
});

describe('message size limits', () => {
  it(`refuses headers over ${EVENT_STREAM_MAX_HEADERS_BYTES} bytes and a payload over ${EVENT_STREAM_MAX_PAYLOAD_BYTES}`, () => {
    const headers: EventHeaders = {};
    for (let i = 0; i < 5; i++) headers[`h${i}`] = { type: 'binary', value: new Uint8Array(32_767) };
    expect(() => encodeEventMessage({ headers, payload: new Uint8Array(0) })).toThrow('Event stream: the headers take 163865 bytes; the limit is 131072 (at byte 12)');
    expect(() => encodeEventMessage({ headers: {}, payload: new Uint8Array(EVENT_STREAM_MAX_PAYLOAD_BYTES + 1) })).toThrow('Event stream: the payload takes 25165825 bytes; the limit is 25165824 (at byte 12)');
  });

  it('sends and reads a payload of exactly the limit', () => {
    const payload = new Uint8Array(EVENT_STREAM_MAX_PAYLOAD_BYTES);
    payload[payload.length - 1] = 7;
    const [message] = new EventStreamDecoder().push(encodeEventMessage({ headers: {}, payload }));
    expect(message!.payload.length).toBe(EVENT_STREAM_MAX_PAYLOAD_BYTES);
    expect(message!.payload[payload.length - 1]).toBe(7);
  });
});

describe('decodeEventMessage', () => {
  it('wants exactly one complete message', () => {
    const one = hexBytes(VECTORS.empty_message!.hex);
    expect(() => decodeEventMessage(one.subarray(0, 15))).toThrow('Event stream: no complete message in the 15 byte(s) given (at byte 0)');
    expect(() => decodeEventMessage(new Uint8Array([...one, ...one]))).toThrow('Event stream: bytes after the first message in the 32 byte(s) given (at byte 0)');
    expect(() => decodeEventMessage(new Uint8Array([...one, 0]))).toThrow(/bytes after the first message/);
  });
});
