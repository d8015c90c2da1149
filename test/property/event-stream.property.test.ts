// Laws of the event stream codec, with the AWS SDK v3's own codec (@smithy/core) as the oracle both ways.
import zlib from 'node:zlib';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventStreamCodec, Int64, type MessageHeaders, type MessageHeaderValue } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import {
  decodeEventMessage,
  encodeEventMessage,
  EventStreamDecoder,
  EventStreamError,
  type EventHeaders,
  type EventHeaderValue,
  type EventMessage,
} from '../../src/encoding/event-stream.js';

const oracle = new EventStreamCodec(toUtf8, fromUtf8);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const headerValue: fc.Arbitrary<EventHeaderValue> = fc.oneof(
  fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
  fc.integer({ min: -128, max: 127 }).map((value) => ({ type: 'byte' as const, value })),
  fc.integer({ min: -32768, max: 32767 }).map((value) => ({ type: 'short' as const, value })),
  fc.integer().map((value) => ({ type: 'integer' as const, value })),
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }).map((value) => ({ type: 'long' as const, value })),
  fc.maxSafeInteger().map((value) => ({ type: 'long' as const, value })),
  fc.uint8Array({ maxLength: 40 }).map((value) => ({ type: 'binary' as const, value })),
  fc.string({ unit: 'binary', maxLength: 40 }).map((value) => ({ type: 'string' as const, value })),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((value) => ({ type: 'timestamp' as const, value })),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((value) => ({ type: 'uuid' as const, value })),
);
// toStrictEqual compares objects' "constructor" properties as their classes, so a header of that name could not be
// compared structurally; the unit tests cover such names ("__proto__").
const headerName = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((name) => name !== 'constructor');
const message: fc.Arbitrary<EventMessage> = fc.record({
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 8 }),
  payload: fc.uint8Array({ maxLength: 300 }),
});

function setData(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** What decoding gives back: a long is always a bigint; everything else as given. */
function expectedBack(m: EventMessage): EventMessage {
  const headers: EventHeaders = {};
  for (const [name, h] of Object.entries(m.headers)) {
    setData(headers, name, h.type === 'long' ? { type: 'long', value: BigInt(h.value) } : h);
  }
  return { headers, payload: m.payload };
}

function uuidText(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function toOracle(h: EventHeaderValue): MessageHeaderValue {
  switch (h.type) {
    case 'long': {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigInt64(0, BigInt(h.value));
      return { type: 'long', value: new Int64(bytes) };
    }
    case 'timestamp':
      return { type: 'timestamp', value: new Date(h.value) };
    case 'uuid':
      return { type: 'uuid', value: uuidText(h.value) };
    default:
      return h as MessageHeaderValue;
  }
}

function fromOracle(h: MessageHeaderValue): EventHeaderValue {
  switch (h.type) {
    case 'long':
      return { type: 'long', value: new DataView(h.value.bytes.buffer, h.value.bytes.byteOffset, 8).getBigInt64(0) };
    case 'timestamp':
      return { type: 'timestamp', value: h.value.getTime() };
    case 'uuid':
      return { type: 'uuid', value: new Uint8Array(Buffer.from(h.value.replace(/-/g, ''), 'hex')) };
    case 'binary':
      return { type: 'binary', value: new Uint8Array(h.value) };
    default:
      return h as EventHeaderValue;
  }
}

function oracleEncode(m: EventMessage): Uint8Array {
  const headers: MessageHeaders = {};
  for (const [name, h] of Object.entries(m.headers)) setData(headers, name, toOracle(h));
  return oracle.encode({ headers, body: m.payload });
}

function oracleDecode(bytes: Uint8Array): EventMessage {
  const decoded = oracle.decode(bytes);
  const headers: EventHeaders = {};
  for (const [name, h] of Object.entries(decoded.headers)) setData(headers, name, fromOracle(h));
  return { headers, payload: new Uint8Array(decoded.body) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** Feeds `bytes` cut at `cuts` (any order, any repeats) and collects what the decoder returns. */
function decodeInPieces(bytes: Uint8Array, cuts: number[]): EventMessage[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const decoder = new EventStreamDecoder();
  const out: EventMessage[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    out.push(...decoder.push(bytes.subarray(from, to)));
    from = to;
  }
  decoder.end();
  return out;
}

function expectOnlyEventStreamError(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof EventStreamError)) throw error;
  }
}

describe('event stream round trip', () => {
  it('decode(encode(m)) gives m back, with every header type', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(decodeEventMessage(encodeEventMessage(m))).toStrictEqual(expectedBack(m));
      }),
    );
  });

  it('any split of a run of messages decodes to the same messages', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), (messages, cuts) => {
        const bytes = concat(messages.map(encodeEventMessage));
        expect(decodeInPieces(bytes, cuts)).toStrictEqual(messages.map(expectedBack));
      }),
    );
  });
});

describe('event stream against the AWS SDK v3 codec (@smithy/core)', () => {
  it('both encode the same message to the same bytes', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(encodeEventMessage(m)).toStrictEqual(oracleEncode(m));
      }),
    );
  });

  it('the SDK decodes what this encoder writes', () => {
    fc.assert(
      fc.property(message, (m) => {
        // The SDK's header parser assigns by name, so a header named "__proto__" never reaches its output.
        fc.pre(!Object.hasOwn(m.headers, '__proto__'));
        expect(oracleDecode(encodeEventMessage(m))).toStrictEqual(expectedBack(m));
      }),
    );
  });

  it('this decoder reads what the SDK writes, in any chunking', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 10 }), (messages, cuts) => {
        const bytes = concat(messages.map(oracleEncode));
        expect(decodeInPieces(bytes, cuts)).toStrictEqual(messages.map(expectedBack));
      }),
    );
  });
});

describe('event stream corruption', () => {
  it('any single changed byte is caught, as an EventStreamError', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 3 }), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.array(fc.nat(), { maxLength: 5 }), (messages, at, delta, cuts) => {
        const bytes = concat(messages.map(encodeEventMessage));
        const i = at % bytes.length;
        bytes[i] = (bytes[i]! + delta) & 0xff;
        expect(() => decodeInPieces(bytes, cuts)).toThrow(EventStreamError);
      }),
    );
  });

  it('a stream cut short anywhere inside a message is an EventStreamError at the end', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 3 }), fc.nat(), (messages, at) => {
        const bytes = concat(messages.map(encodeEventMessage));
        const boundaries = new Set<number>([0]);
        let sum = 0;
        for (const m of messages) boundaries.add((sum += encodeEventMessage(m).length));
        const cut = at % bytes.length;
        if (boundaries.has(cut)) return;
        expect(() => decodeInPieces(bytes.subarray(0, cut), [])).toThrow(/the stream ended inside a message/);
      }),
    );
  });

  it('random bytes give messages or an EventStreamError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.array(fc.nat(), { maxLength: 5 }), (bytes, cuts) => {
        expectOnlyEventStreamError(() => decodeInPieces(bytes, cuts));
      }),
      { numRuns: 1000 },
    );
  });

  it('a valid frame around random header bytes gives a message or an EventStreamError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.uint8Array({ maxLength: 8 }), (headerBytes, payload) => {
        expectOnlyEventStreamError(() => decodeEventMessage(frame(headerBytes, payload)));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Raw header bytes and a payload in a frame whose lengths and CRCs (zlib's) are right. */
function frame(headerBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const total = 16 + headerBytes.length + payload.length;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headerBytes.length);
  view.setUint32(8, zlib.crc32(bytes.subarray(0, 8)));
  bytes.set(headerBytes, 12);
  bytes.set(payload, 12 + headerBytes.length);
  view.setUint32(total - 4, zlib.crc32(bytes.subarray(0, total - 4)));
  return bytes;
}
