// CRC-32 against node:zlib's crc32 (an independent C implementation) on arbitrary bytes, one-shot and incremental.
import zlib from 'node:zlib';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { crc32 } from '../../src/encoding/crc32.js';

// zlib.crc32 arrived in Node 20.15 and 22.2; the project's floor is Node 20, so an older 20.x skips with a reason.
const oracle = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

describe('crc32 properties', () => {
  it.skipIf(oracle === undefined)('equals node:zlib crc32 on arbitrary bytes (needs Node >= 20.15)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(), (bytes, previous) => {
        expect(crc32(bytes)).toBe(oracle!(bytes));
        expect(crc32(bytes, previous >>> 0)).toBe(oracle!(bytes, previous >>> 0));
      }),
    );
  });

  it.skipIf(oracle === undefined)('equals node:zlib crc32 at every alignment, across the word path and its edges', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 200, maxLength: 3000 }), fc.nat({ max: 7 }), (bytes, offset) => {
        const padded = new Uint8Array(offset + bytes.length);
        padded.set(bytes, offset);
        expect(crc32(padded.subarray(offset))).toBe(oracle!(bytes));
      }),
    );
  });

  it('incremental over any split equals one shot', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let crc = 0;
        let from = 0;
        for (const to of [...points, bytes.length]) {
          crc = crc32(bytes.subarray(from, to), crc);
          from = to;
        }
        expect(crc).toBe(crc32(bytes));
      }),
    );
  });

  it('is independent of where the bytes sit in their buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat({ max: 15 }), (bytes, offset) => {
        const padded = new Uint8Array(offset + bytes.length);
        padded.set(bytes, offset);
        expect(crc32(padded.subarray(offset))).toBe(crc32(bytes));
      }),
    );
  });
});
