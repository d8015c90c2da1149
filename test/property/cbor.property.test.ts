// Laws of the CBOR codec over arbitrary JSON-like values, with cbor2 (an independent RFC 8949 codec) as the oracle.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decode as oracleDecode, encode as oracleEncode, Tag as OracleTag } from 'cbor2';
import { CborError, CborTag, decodeCbor, encodeCbor, type CborValue } from '../../src/encoding/cbor.js';

const MAX_UINT64 = 2n ** 64n - 1n;

// toStrictEqual compares objects' "constructor" properties as their classes, so that one key is left to the unit tests.
const key = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).filter((k) => k !== 'constructor') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'toString', 'hasOwnProperty', 'valueOf', '') },
);
const tagNumber = fc.oneof(fc.nat({ max: 1000 }), fc.bigInt({ min: 0n, max: MAX_UINT64 }));
const leaf = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', minLength: 20, maxLength: 80 }),
  fc.integer({ min: -(2 ** 32) - 5, max: 2 ** 32 + 5 }),
  fc.maxSafeInteger(),
  fc.double(),
  fc.float().map(Math.fround),
  fc.bigInt({ min: -1n - MAX_UINT64, max: MAX_UINT64 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.uint8Array({ maxLength: 40 }),
  fc.date({ noInvalidDate: true }),
);
const { value: anyValue } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown>; tag: CborTag }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object'), tie('tag')),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  tag: fc.tuple(tagNumber, tie('value')).map(([tag, value]) => new CborTag(tag, value as CborValue)),
}));

function setData(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** What decoding gives back for `v`: safe bigints become numbers, Dates become tag 1 + ms, undefined members go. */
function expectedBack(v: unknown, keepUndefinedMembers = false): unknown {
  if (typeof v === 'bigint') return v >= -BigInt(Number.MAX_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (v instanceof Date) return new CborTag(1, v.getTime());
  if (v instanceof Uint8Array || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((e) => expectedBack(e, keepUndefinedMembers));
  if (v instanceof CborTag) return new CborTag(expectedBack(v.tag) as number | bigint, expectedBack(v.value, keepUndefinedMembers) as CborValue);
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(v)) {
    if (member !== undefined || keepUndefinedMembers) setData(out, name, expectedBack(member, keepUndefinedMembers));
  }
  return out;
}

/** The same value in cbor2's vocabulary: its Tag class in place of CborTag and Date. */
function toOracle(v: unknown): unknown {
  if (v instanceof Date) return new OracleTag(1, v.getTime());
  if (v instanceof CborTag) return new OracleTag(v.tag, toOracle(v.value));
  if (v instanceof Uint8Array || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toOracle);
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(v)) setData(out, name, toOracle(member));
  return out;
}

/** A cbor2 result in this codec's vocabulary. */
function fromOracle(v: unknown): unknown {
  if (v instanceof OracleTag) return new CborTag(v.tag as number | bigint, fromOracle(v.contents) as CborValue);
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fromOracle);
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(v)) setData(out, name, fromOracle(member));
  return out;
}

function decodeOrCborError(bytes: Uint8Array): void {
  try {
    decodeCbor(bytes);
  } catch (error) {
    if (!(error instanceof CborError)) throw error;
  }
}

describe('CBOR round trip', () => {
  it('decode(encode(v)) gives v back, up to what the wire cannot tell apart', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        expect(decodeCbor(encodeCbor(v))).toStrictEqual(expectedBack(v));
      }),
    );
  });

  it('encode(decode(bytes)) reproduces bytes this encoder wrote', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        const bytes = encodeCbor(v);
        expect(encodeCbor(decodeCbor(bytes))).toStrictEqual(bytes);
      }),
    );
  });

  it('keeps every number exactly, -0 and NaN included, in the shortest form', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const bytes = encodeCbor(x);
        expect(Object.is(decodeCbor(bytes), x)).toBe(true);
        expect(bytes).toStrictEqual(new Uint8Array(oracleEncode(x)));
      }),
    );
  });
});

describe('CBOR against cbor2', () => {
  it('cbor2 decodes what this encoder writes to the same value', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        const decoded = oracleDecode(encodeCbor(v), { ignoreGlobalTags: true });
        expect(fromOracle(decoded)).toStrictEqual(expectedBack(v));
      }),
    );
  });

  it('this decoder reads what cbor2 writes as the same value', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        const bytes = oracleEncode(toOracle(v));
        expect(decodeCbor(bytes)).toStrictEqual(expectedBack(v, true));
      }),
    );
  });

  it('both write the same bytes once undefined members are gone (preferred serialization, insertion order)', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        const plain = expectedBack(v);
        expect(encodeCbor(plain)).toStrictEqual(new Uint8Array(oracleEncode(toOracle(plain))));
      }),
    );
  });

  it('this decoder reads cbor2 indefinite-length strings, arrays and maps', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 10 }), { maxLength: 5 }), fc.array(fc.uint8Array({ maxLength: 10 }), { maxLength: 5 }), (texts, blobs) => {
        // RFC 8949 section 3.2.3: chunks of an indefinite string, each a definite string of the same type.
        const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
        const text = '7f' + texts.map((t) => hexOf(oracleEncode(t))).join('') + 'ff';
        const blob = '5f' + blobs.map((b) => hexOf(oracleEncode(b))).join('') + 'ff';
        const items = [...texts.map((t) => hexOf(oracleEncode(t))), ...blobs.map((b) => hexOf(oracleEncode(b)))];
        const array = '9f' + items.join('') + 'ff';
        const map = 'bf' + texts.map((t, i) => hexOf(oracleEncode(t)) + hexOf(oracleEncode(i))).join('') + 'ff';
        const bytes = new Uint8Array(Buffer.from('84' + text + blob + array + map, 'hex'));
        const expectedMap: Record<string, number> = {};
        texts.forEach((t, i) => setData(expectedMap, t, i));
        const joined = new Uint8Array(Buffer.concat(blobs));
        expect(decodeCbor(bytes)).toStrictEqual([texts.join(''), joined, [...texts, ...blobs], expectedMap]);
      }),
    );
  });
});

describe('CBOR malformed input', () => {
  it('every strict prefix of an encoding throws CborError', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        const bytes = encodeCbor(v);
        for (let cut = 0; cut < bytes.length; cut++) {
          expect(() => decodeCbor(bytes.subarray(0, cut))).toThrow(CborError);
        }
      }),
    );
  });

  it('random bytes decode or throw CborError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        decodeOrCborError(bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('a valid encoding with bytes overwritten decodes or throws CborError, nothing else', () => {
    fc.assert(
      fc.property(anyValue, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (v, edits) => {
        const bytes = encodeCbor(v);
        for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
        decodeOrCborError(bytes);
      }),
    );
  });

  it('a huge declared length throws CborError without allocating for it', () => {
    fc.assert(
      fc.property(fc.constantFrom(0x5b, 0x7b, 0x9b, 0xbb), fc.bigInt({ min: 2n ** 20n, max: MAX_UINT64 }), fc.uint8Array({ maxLength: 16 }), (initial, length, rest) => {
        const head = new Uint8Array(9);
        head[0] = initial;
        new DataView(head.buffer).setBigUint64(1, length);
        expect(() => decodeCbor(new Uint8Array([...head, ...rest]))).toThrow(/truncated input: an? (byte string|text string|array|map) declares/);
      }),
    );
  });
});
