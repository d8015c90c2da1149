// Properties of partition-key MD5 and UTF-8 encoding over arbitrary strings, with node:crypto and Buffer as oracles.
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hashKeyOf, md5, md5Key } from '../../src/keys/md5.js';
import { encodeUtf8Into, utf8ByteLength } from '../../src/encoding/utf8.js';

/** The words md5Key writes the digest into (big-endian, most significant first). */
const HASH = new Uint32Array(4);

function nodeWords(s: string): number[] {
  const digest = createHash('md5').update(s, 'utf8').digest();
  return [0, 4, 8, 12].map((offset) => digest.readUInt32BE(offset));
}

// Any UTF-16 code unit, so lone and mis-ordered surrogates are as likely as anything else.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
// Mostly ASCII with some surrogate halves mixed in, to reach the fast path's hand-over to the general path.
const mostlyAsciiUnit = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
// Surrogate halves in every order, short enough to stay on the JS encoder rather than TextEncoder.
const surrogateHeavyUnit = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('a', 'ß', '€', '😀'),
);

const STRING_KINDS = [
  ['binary strings', fc.string({ unit: 'binary', maxLength: 300 })],
  ['grapheme strings', fc.string({ unit: 'grapheme', maxLength: 300 })],
  ['strings of arbitrary UTF-16 code units, lone surrogates included', fc.string({ unit: codeUnit, maxLength: 300 })],
  ['mostly-ASCII strings with stray non-ASCII units', fc.string({ unit: mostlyAsciiUnit, maxLength: 300 })],
  ['ASCII strings', fc.string({ unit: 'binary-ascii', maxLength: 300 })],
  ['short strings dense in surrogate halves', fc.string({ unit: surrogateHeavyUnit, maxLength: 40 })],
] as const;

describe('md5Key', () => {
  for (const [kind, strings] of STRING_KINDS) {
    it(`matches node:crypto read as four big-endian words for ${kind}`, () => {
      fc.assert(
        fc.property(strings, (s) => {
          md5Key(s, HASH);
          expect(Array.from(HASH)).toEqual(nodeWords(s));
        }),
      );
    });
  }

  it('does not depend on which keys were hashed before', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: codeUnit, maxLength: 300 }), { minLength: 1, maxLength: 8 }), (keys) => {
        const last = keys[keys.length - 1]!;
        for (const key of keys) md5Key(key, HASH);
        expect(Array.from(HASH)).toEqual(nodeWords(last));
      }),
    );
  });
});

describe('hashKeyOf', () => {
  for (const [kind, strings] of STRING_KINDS) {
    it(`equals the node:crypto digest as an unsigned 128-bit big-endian integer for ${kind}`, () => {
      fc.assert(
        fc.property(strings, (s) => {
          const hex = createHash('md5').update(s, 'utf8').digest('hex');
          expect(hashKeyOf(s)).toBe(BigInt(`0x${hex}`));
        }),
      );
    });
  }
});

describe('md5', () => {
  it('matches node:crypto for arbitrary byte arrays', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        expect(Buffer.from(md5(bytes)).toString('hex')).toBe(createHash('md5').update(bytes).digest('hex'));
      }),
    );
  });
});

describe('UTF-8 helpers', () => {
  for (const [kind, strings] of STRING_KINDS) {
    it(`utf8ByteLength equals Buffer.byteLength for ${kind}`, () => {
      fc.assert(
        fc.property(strings, (s) => {
          expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
        }),
      );
    });

    it(`encodeUtf8Into writes the bytes of Buffer.from(s, 'utf8') at any offset for ${kind}`, () => {
      fc.assert(
        fc.property(strings, fc.nat({ max: 16 }), (s, offset) => {
          const out = new Uint8Array(offset + 3 * s.length);
          const written = encodeUtf8Into(s, out, offset);
          const expected = Buffer.from(s, 'utf8');
          expect(written).toBe(expected.length);
          expect(Buffer.from(out.subarray(offset, offset + written)).equals(expected)).toBe(true);
        }),
      );
    });
  }
});
