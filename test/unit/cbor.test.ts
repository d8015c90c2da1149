// The CBOR codec against RFC 8949 Appendix A, AWS's wire conventions, and every malformation it must refuse cleanly.
import { describe, it, expect } from 'vitest';
import { CBOR_MAX_NESTING, CborError, CborTag, decodeCbor, encodeCbor, type CborValue } from '../../src/encoding/cbor.js';

function bytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
}
function hexOf(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}
function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
function decodeError(hex: string): CborError {
  try {
    decodeCbor(bytes(hex));
  } catch (error) {
    expect(error).toBeInstanceOf(CborError);
    return error as CborError;
  }
  throw new Error(`decoding ${hex} did not throw`);
}

const ONE_TO_25 = Array.from({ length: 25 }, (_, i) => i + 1);

// RFC 8949 Appendix A (https://www.rfc-editor.org/rfc/rfc8949.html#appendix-A): value, encoding, and whether
// the encoding is the one this encoder must produce for that JS value. It is not where JS cannot say which
// form was meant (1.0 is the integer 1), for indefinite lengths (it writes definite ones), and for bignums.
const VECTORS: [CborValue, string, boolean][] = [
  [0, '00', true],
  [1, '01', true],
  [10, '0a', true],
  [23, '17', true],
  [24, '1818', true],
  [25, '1819', true],
  [100, '1864', true],
  [1000, '1903e8', true],
  [1000000, '1a000f4240', true],
  [1000000000000, '1b000000e8d4a51000', true],
  [18446744073709551615n, '1bffffffffffffffff', true],
  [new CborTag(2, bytes('010000000000000000')), 'c249010000000000000000', true],
  [-18446744073709551616n, '3bffffffffffffffff', true],
  [new CborTag(3, bytes('010000000000000000')), 'c349010000000000000000', true],
  [-1, '20', true],
  [-10, '29', true],
  [-100, '3863', true],
  [-1000, '3903e7', true],
  [0, 'f90000', false],
  [-0, 'f98000', true],
  [1, 'f93c00', false],
  [1.1, 'fb3ff199999999999a', true],
  [1.5, 'f93e00', true],
  [65504, 'f97bff', false],
  [100000, 'fa47c35000', false],
  [3.4028234663852886e38, 'fa7f7fffff', true],
  [1.0e300, 'fb7e37e43c8800759c', true],
  [5.960464477539063e-8, 'f90001', true],
  [0.00006103515625, 'f90400', true],
  [-4, 'f9c400', false],
  [-4.1, 'fbc010666666666666', true],
  [Infinity, 'f97c00', true],
  [NaN, 'f97e00', true],
  [-Infinity, 'f9fc00', true],
  [Infinity, 'fa7f800000', false],
  [NaN, 'fa7fc00000', false],
  [-Infinity, 'faff800000', false],
  [Infinity, 'fb7ff0000000000000', false],
  [NaN, 'fb7ff8000000000000', false],
  [-Infinity, 'fbfff0000000000000', false],
  [false, 'f4', true],
  [true, 'f5', true],
  [null, 'f6', true],
  [undefined, 'f7', true],
  [new CborTag(0, '2013-03-21T20:04:00Z'), 'c074323031332d30332d32315432303a30343a30305a', true],
  [new CborTag(1, 1363896240), 'c11a514b67b0', true],
  [new CborTag(1, 1363896240.5), 'c1fb41d452d9ec200000', true],
  [new CborTag(23, bytes('01020304')), 'd74401020304', true],
  [new CborTag(24, bytes('6449455446')), 'd818456449455446', true],
  [new CborTag(32, 'http://www.example.com'), 'd82076687474703a2f2f7777772e6578616d706c652e636f6d', true],
  [new Uint8Array(0), '40', true],
  [bytes('01020304'), '4401020304', true],
  ['', '60', true],
  ['a', '6161', true],
  ['IETF', '6449455446', true],
  ['"\\', '62225c', true],
  ['\u00fc', '62c3bc', true],
  ['\u6c34', '63e6b0b4', true],
  ['\ud800\udd51', '64f0908591', true],
  [[], '80', true],
  [[1, 2, 3], '83010203', true],
  [[1, [2, 3], [4, 5]], '8301820203820405', true],
  [ONE_TO_25, '98190102030405060708090a0b0c0d0e0f101112131415161718181819', true],
  [{}, 'a0', true],
  [{ a: 1, b: [2, 3] }, 'a26161016162820203', true],
  [['a', { b: 'c' }], '826161a161626163', true],
  [{ a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' }, 'a56161614161626142616361436164614461656145', true],
  [bytes('0102030405'), '5f42010243030405ff', false],
  ['streaming', '7f657374726561646d696e67ff', false],
  [[], '9fff', false],
  [[1, [2, 3], [4, 5]], '9f018202039f0405ffff', false],
  [[1, [2, 3], [4, 5]], '9f01820203820405ff', false],
  [[1, [2, 3], [4, 5]], '83018202039f0405ff', false],
  [[1, [2, 3], [4, 5]], '83019f0203ff820405', false],
  [ONE_TO_25, '9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff', false],
  [{ a: 1, b: [2, 3] }, 'bf61610161629f0203ffff', false],
  [['a', { b: 'c' }], '826161bf61626163ff', false],
  [{ Fun: true, Amt: -2 }, 'bf6346756ef563416d7421ff', false],
];

describe('decodeCbor on RFC 8949 Appendix A', () => {
  for (const [value, hex] of VECTORS) {
    it(`decodes ${hex}`, () => {
      expect(decodeCbor(bytes(hex))).toStrictEqual(value);
    });
  }

  it('refuses the appendix items outside the subset: simple values and non-string map keys', () => {
    expect(decodeError('f0').message).toBe('CBOR: unsupported simple value 16 (at byte 0)');
    expect(decodeError('f8ff').message).toBe('CBOR: unsupported simple value 255 (at byte 0)');
    expect(decodeError('a201020304').message).toBe('CBOR: a map key must be a text string, found an unsigned integer (at byte 1)');
  });
});

describe('encodeCbor on RFC 8949 Appendix A', () => {
  for (const [value, hex, canonical] of VECTORS) {
    if (!canonical) continue;
    it(`encodes ${hex}`, () => {
      expect(hexOf(encodeCbor(value))).toBe(hex);
    });
  }

  it('writes integral numbers as integers and keeps -0 as a float', () => {
    expect(hexOf(encodeCbor([0, 1, 65504, 100000, -4]))).toBe('850001' + '19ffe0' + '1a000186a0' + '23');
    expect(Object.is(decodeCbor(encodeCbor(-0)), -0)).toBe(true);
  });

  it('writes an unsafe integer number as the float that holds it', () => {
    expect(hexOf(encodeCbor(2 ** 60))).toBe('fa5d800000');
    expect(hexOf(encodeCbor(2 ** 53 + 2))).toBe('fb4340000000000001');
  });

  it('refuses a bigint beyond CBOR 64-bit arguments (bignum tags are not written)', () => {
    expect(() => encodeCbor(18446744073709551616n)).toThrow(CborError);
    expect(() => encodeCbor(-18446744073709551617n)).toThrow(CborError);
  });
});

describe('AWS conventions', () => {
  it('writes a Date as tag 1 around integer epoch milliseconds, as Kinesis answers the Java SDK', () => {
    expect(hexOf(encodeCbor(new Date(1787036486712)))).toBe('c11b000001a013accc38');
    expect(hexOf(encodeCbor(new Date(-1)))).toBe('c120');
    expect(decodeCbor(encodeCbor({ T: new Date(1603152823565) }))).toStrictEqual({ T: new CborTag(1, 1603152823565) });
  });

  it('leaves out object members that are undefined, as JSON does, but keeps undefined in arrays', () => {
    expect(hexOf(encodeCbor({ a: undefined, b: 1, c: undefined }))).toBe('a1616201');
    expect(hexOf(encodeCbor([undefined, null]))).toBe('82f7f6');
  });

  it('decodes a PutRecord request as the Java SDK v2 writes it (indefinite map, definite strings, Data as bytes)', () => {
    const request = bytes(`bf
      6a 53747265616d4e616d65 68 6d7953747265616d
      64 44617461 45 68656c6c6f
      6c 506172746974696f6e4b6579 6e 706172746974696f6e4b65792d31
      ff`);
    expect(decodeCbor(request)).toStrictEqual({ StreamName: 'myStream', Data: utf8('hello'), PartitionKey: 'partitionKey-1' });
  });

  it('decodes a GetShardIterator request whose Timestamp is tag 1 + uint64 milliseconds', () => {
    const request = bytes(`bf
      6a 53747265616d4e616d65 68 6d7953747265616d
      67 53686172644964 74 73686172644964 2d 303030303030303030303030
      71 5368617264497465726174 6f7254797065 6c 41545f54494d455354414d50
      69 54696d657374616d70 c1 1b 000001a013accc38
      ff`);
    expect(decodeCbor(request)).toStrictEqual({
      StreamName: 'myStream',
      ShardId: 'shardId-000000000000',
      ShardIteratorType: 'AT_TIMESTAMP',
      Timestamp: new CborTag(1, 1787036486712),
    });
  });

  it('gives a map key "__proto__" as data, not as a prototype', () => {
    const decoded = decodeCbor(bytes('a2695f5f70726f746f5f5fa1617801617902')) as Record<string, CborValue>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__', 'y']);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toStrictEqual({ x: 1 });
    expect(hexOf(encodeCbor(decoded))).toBe('a2695f5f70726f746f5f5fa1617801617902');
  });

  it('gives a map key "constructor" as an own data property', () => {
    const decoded = decodeCbor(bytes('a16b636f6e7374727563746f7201')) as Record<string, CborValue>;
    expect(Object.getOwnPropertyDescriptor(decoded, 'constructor')?.value).toBe(1);
  });

  it('decodes thousands of distinct keys of one length correctly, again and again (map keys are cached)', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `k${i.toString(36).padStart(3, '0')}`);
    const document = Object.fromEntries(names.map((name, i) => [name, i]));
    const encoded = encodeCbor(document);
    for (let round = 0; round < 3; round++) {
      expect(Object.entries(decodeCbor(encoded) as Record<string, number>)).toEqual(names.map((name, i) => [name, i]));
    }
  });

  it('keeps the last value of a repeated map key, as JSON.parse does', () => {
    expect(decodeCbor(bytes('a2616101616102'))).toStrictEqual({ a: 2 });
  });

  it('returns integers beyond the safe range as bigints, and safe ones as numbers', () => {
    expect(decodeCbor(bytes('1b001fffffffffffff'))).toBe(Number.MAX_SAFE_INTEGER);
    expect(decodeCbor(bytes('1b0020000000000000'))).toBe(2n ** 53n);
    expect(decodeCbor(bytes('3b001ffffffffffffe'))).toBe(-Number.MAX_SAFE_INTEGER);
    expect(decodeCbor(bytes('3b001fffffffffffff'))).toBe(-(2n ** 53n));
    expect(decodeCbor(encodeCbor(5n))).toBe(5);
  });

  it('copies byte strings out of the input, even from a Buffer', () => {
    const input = Buffer.from('43010203', 'hex');
    const decoded = decodeCbor(input) as Uint8Array;
    input[1] = 9;
    expect(decoded).toStrictEqual(bytes('010203'));
    expect(decoded.buffer.byteLength).toBe(3);
  });

  it('keeps a leading byte-order mark in a text string', () => {
    expect(decodeCbor(bytes('63efbbbf'))).toBe('\ufeff');
  });

  it('writes a lone surrogate as U+FFFD, the only UTF-8 there is for it', () => {
    expect(hexOf(encodeCbor('a\ud800'))).toBe('6461efbfbd');
  });
});

describe('malformed input', () => {
  it('names truncation, with the offset of the item', () => {
    expect(decodeError('').message).toBe('CBOR: no data item: the input is empty (at byte 0)');
    expect(decodeError('82190001').message).toBe('CBOR: truncated input: expected a data item, found the end (at byte 4)');
    expect(decodeError('8301').message).toBe('CBOR: truncated input: an array declares 3 element(s) but only 1 byte(s) remain (at byte 0)');
    expect(decodeError('1a0001').message).toBe('CBOR: truncated input: a 4-byte argument needs 4 byte(s) but only 2 remain (at byte 0)');
    expect(decodeError('9f01').message).toBe('CBOR: truncated input: expected an array element or break, found the end (at byte 2)');
  });

  it('refuses trailing bytes', () => {
    expect(decodeError('0001').message).toBe('CBOR: 1 trailing byte(s) after the data item (at byte 1)');
  });

  it('checks a declared length against the input before allocating anything', () => {
    for (const hex of ['5bffffffffffffffff', '7b00000000ffffffff', '9bffffffffffffffff', '9a7fffffff', 'bb00ffffffffffffff', '5a7fffffff00']) {
      const error = decodeError(hex);
      expect(error.message).toMatch(/^CBOR: truncated input: an? (byte string|text string|array|map) declares \d+ (byte|element)\(s\) but only \d+ byte\(s\) remain \(at byte 0\)$/);
    }
  });

  it('refuses invalid UTF-8 in text, including in a chunk and in a map key', () => {
    for (const hex of ['62c328', '63eda080', '62c0af', '64f4908080', '7f62c328ff', 'a162c32801', '61ff']) {
      expect(decodeError(hex).message).toMatch(/a text string is not valid UTF-8/);
    }
  });

  it('refuses a chunk of another type, or an indefinite chunk, inside an indefinite string', () => {
    expect(decodeError('5f6161ff').message).toMatch(/may only hold definite-length chunks of its own type, found initial byte 0x61/);
    expect(decodeError('7f7f6161ffff').message).toMatch(/found initial byte 0x7f/);
  });

  it('refuses a break outside an indefinite item, indefinite integers and tags, and reserved forms', () => {
    expect(decodeError('ff').message).toBe('CBOR: a break byte (0xff) outside an indefinite-length item (at byte 0)');
    expect(decodeError('8201ff').message).toMatch(/break byte/);
    expect(decodeError('1f').message).toBe('CBOR: an unsigned integer cannot have indefinite length (at byte 0)');
    expect(decodeError('df00').message).toBe('CBOR: a tag cannot have indefinite length (at byte 0)');
    expect(decodeError('1c').message).toBe('CBOR: reserved additional information 28 in initial byte 0x1c (at byte 0)');
    expect(decodeError('fc').message).toBe('CBOR: reserved additional information 28 in initial byte 0xfc (at byte 0)');
  });

  it(`refuses nesting deeper than ${CBOR_MAX_NESTING}, in arrays, maps and tags, without exhausting the stack`, () => {
    expect(decodeCbor(bytes('81'.repeat(CBOR_MAX_NESTING) + '00'))).toBeDefined();
    for (const opener of ['81', '9f', 'a16161', 'c1']) {
      const error = decodeError(opener.repeat(100_000) + '00');
      expect(error.message).toMatch(new RegExp(`nest deeper than ${CBOR_MAX_NESTING} levels`));
    }
  });
});

describe('encodeCbor refusals', () => {
  it('names what it cannot encode', () => {
    expect(() => encodeCbor(() => 1)).toThrow('CBOR: cannot encode a function (at byte 0)');
    expect(() => encodeCbor({ a: Symbol('x') })).toThrow('CBOR: cannot encode a symbol (at byte 3)');
    expect(() => encodeCbor(new Map())).toThrow('CBOR: cannot encode a Map');
    expect(() => encodeCbor(new Uint16Array(2))).toThrow('CBOR: cannot encode a Uint16Array');
    expect(() => encodeCbor(new ArrayBuffer(2))).toThrow('CBOR: cannot encode a ArrayBuffer');
    expect(() => encodeCbor(new Date(NaN))).toThrow('CBOR: cannot encode an invalid Date');
    expect(() => encodeCbor(new CborTag(-1, 0))).toThrow('CBOR: a tag number must be a non-negative integer, got -1');
  });

  it('refuses a cycle or too deep a value with its error, not a stack overflow', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeCbor(cyclic)).toThrow(/nest deeper than 64 levels \(or a value contains itself\)/);
    let deep: unknown = 0;
    for (let i = 0; i < CBOR_MAX_NESTING; i++) deep = [deep];
    expect(decodeCbor(encodeCbor(deep))).toStrictEqual(deep);
    expect(() => encodeCbor([deep])).toThrow(CborError);
  });

  it('still encodes correctly after a refusal left its buffer half written', () => {
    expect(() => encodeCbor({ a: 'x'.repeat(100), b: () => 1 })).toThrow(CborError);
    expect(hexOf(encodeCbor({ a: 1 }))).toBe('a1616101');
  });

  it('encodes from inside a getter that is itself being encoded', () => {
    const value = {
      get inner(): Uint8Array {
        return encodeCbor([1, 2]);
      },
    };
    expect(decodeCbor(encodeCbor(value))).toStrictEqual({ inner: bytes('820102') });
  });

  it('gives every text length its shortest head, whichever path wrote the bytes', () => {
    // The head is sized before the UTF-8 length is known, then closed up: probe each side of each head size.
    const lengths = [0, 23, 24, 25, 85, 86, 255, 256, 21_845, 21_846, 65_535, 65_536];
    for (const n of lengths) {
      for (const s of ['a'.repeat(n), 'é'.repeat(n >> 1) + 'a'.repeat(n & 1), '€'.repeat(Math.floor(n / 3))]) {
        const encoded = encodeCbor(s);
        const utf8Length = utf8(s).length;
        const head = utf8Length < 24 ? 1 : utf8Length < 256 ? 2 : utf8Length < 65_536 ? 3 : 5;
        expect(encoded.length).toBe(head + utf8Length);
        expect(decodeCbor(encoded)).toBe(s);
      }
    }
  });

  it('grows past its initial buffer and returns exactly the bytes written', () => {
    const big = new Uint8Array(300_000).fill(7);
    const encoded = encodeCbor([big, 'é'.repeat(70_000)]);
    expect(encoded.length).toBe(1 + 5 + 300_000 + 5 + 140_000);
    const [bigBack, textBack] = decodeCbor(encoded) as [Uint8Array, string];
    expect(Buffer.from(bigBack).equals(Buffer.from(big))).toBe(true);
    expect(textBack).toBe('é'.repeat(70_000));
  });
});
