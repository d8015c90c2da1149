// MD5 of partition keys and the UTF-8 helpers under it, checked against RFC 1321 and node:crypto.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it, expect, vi } from 'vitest';
import { hashKeyOf, md5, md5Hex, md5Key } from '../../src/keys/md5.js';
import { encodeUtf8Into, utf8ByteLength } from '../../src/encoding/utf8.js';
import { MD5_SOURCE, generatedRegion, renderCompress } from '../generators/md5-steps.js';

/** The words md5Key writes the digest into (big-endian, most significant first). */
const HASH = new Uint32Array(4);

/** `n` bytes from a fixed xorshift32 stream: varied like random bytes, but the same on every run. */
function noiseBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function nodeHex(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}

function hashWordsHex(): string {
  return Array.from(HASH, (w) => w.toString(16).padStart(8, '0')).join('');
}

const RFC_1321_SUITE: ReadonlyArray<readonly [string, string]> = [
  ['', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['a', '0cc175b9c0f1b6a831c399e269772661'],
  ['abc', '900150983cd24fb0d6963f7d28e17f72'],
  ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
  ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
  ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
];

// Byte lengths around the padding edges: 55 is the last one-block message, 56..63 need a second block
// for the length, 119/120 are the same edge one block later.
const BOUNDARY_LENGTHS = [0, 1, 3, 4, 5, 54, 55, 56, 57, 63, 64, 65, 119, 120, 121, 127, 128, 129];

// Strings of exactly `bytes` UTF-8 bytes built from units of 1, 2, 3 or 4 bytes, padded with ASCII.
function ofByteLength(bytes: number, unit: string): string {
  const size = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.floor(bytes / size)) + 'x'.repeat(bytes % size);
}

describe('md5Hex', () => {
  for (const [input, digest] of RFC_1321_SUITE) {
    it(`gives the RFC 1321 digest for ${JSON.stringify(input.length > 20 ? `${input.slice(0, 20)}...` : input)}`, () => {
      expect(md5Hex(input)).toBe(digest);
    });
  }
});

describe('md5Key', () => {
  for (const unit of ['a', 'é', '€', '😀']) {
    for (const bytes of BOUNDARY_LENGTHS) {
      it(`matches node:crypto for a ${bytes}-byte key made of ${JSON.stringify(unit)}`, () => {
        const key = ofByteLength(bytes, unit);
        expect(Buffer.byteLength(key, 'utf8')).toBe(bytes);
        md5Key(key, HASH);
        expect(hashWordsHex()).toBe(nodeHex(key));
      });
    }
  }

  it('matches node:crypto for ASCII keys of every length from 0 to 300 characters', () => {
    let key = '';
    for (let n = 0; n <= 300; n++) {
      md5Key(key, HASH);
      expect(hashWordsHex(), `length ${n}`).toBe(nodeHex(key));
      key += String.fromCharCode(32 + ((n * 7) % 95));
    }
  });

  it('matches node:crypto when the only non-ASCII character sits at each position of a short key', () => {
    // The ASCII fast path must hand over to the general path wherever the non-ASCII unit appears.
    for (let n = 1; n <= 56; n++) {
      for (let at = 0; at < n; at++) {
        const key = 'k'.repeat(at) + 'ß' + 'k'.repeat(n - at - 1);
        md5Key(key, HASH);
        expect(hashWordsHex(), `length ${n}, position ${at}`).toBe(nodeHex(key));
      }
    }
  });

  it('matches node:crypto for a maximum-length key of 256 ü (512 bytes)', () => {
    const key = 'ü'.repeat(256);
    md5Key(key, HASH);
    expect(hashWordsHex()).toBe(nodeHex(key));
  });

  it('matches node:crypto for 128 emoji (256 UTF-16 units, 512 bytes)', () => {
    const key = '😀'.repeat(128);
    md5Key(key, HASH);
    expect(hashWordsHex()).toBe(nodeHex(key));
  });

  it('matches node:crypto for 256 three-byte characters (768 bytes, the largest partition key)', () => {
    const key = '€'.repeat(256);
    md5Key(key, HASH);
    expect(hashWordsHex()).toBe(nodeHex(key));
  });

  it('matches node:crypto for keys far longer than a partition key, growing its buffer', () => {
    for (const key of ['z'.repeat(5000), '€'.repeat(3000), '😀'.repeat(2000)]) {
      md5Key(key, HASH);
      expect(hashWordsHex()).toBe(nodeHex(key));
    }
    // And short keys still hash correctly once the buffer has grown.
    md5Key('ü', HASH);
    expect(hashWordsHex()).toBe(nodeHex('ü'));
  });

  it('hashes lone high and low surrogates as U+FFFD, like node:crypto', () => {
    const cases = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b', '\ude00\ud83d', '\ud83d\ud83d\ude00', 'x'.repeat(60) + '\ud800'];
    for (const key of cases) {
      md5Key(key, HASH);
      expect(hashWordsHex(), JSON.stringify(key)).toBe(nodeHex(key));
      expect(md5Hex(key)).toBe(md5Hex(key.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')));
    }
  });

  it('puts the most significant 32 bits of the hash key in HASH[0]', () => {
    md5Key('a', HASH);
    expect(Array.from(HASH)).toEqual([0x0cc175b9, 0xc0f1b6a8, 0x31c399e2, 0x69772661]);
  });
});

describe('hashKeyOf', () => {
  it('gives the hash keys Kinesis reports for partition keys a, b, e and f', () => {
    expect(hashKeyOf('a')).toBe(16955237001963240173058271559858726497n);
    expect(hashKeyOf('b')).toBe(195289424170611159128911017612795795343n);
    expect(hashKeyOf('e')).toBe(299611584147932843547128611849858313266n);
    expect(hashKeyOf('f')).toBe(190917122200326810055233066464581373159n);
  });

  it('equals the node:crypto digest read as an unsigned big-endian integer', () => {
    for (const key of ['', 'partition-1', 'ü', '😀'.repeat(40), '\ud800']) {
      expect(hashKeyOf(key)).toBe(BigInt(`0x${nodeHex(key)}`));
    }
  });

  it('gives the largest hash keys without a sign', () => {
    // MD5("") starts with 0xd4, so a signed reading would be negative.
    expect(hashKeyOf('')).toBe(0xd41d8cd98f00b204e9800998ecf8427en);
    expect(hashKeyOf('') > 0n).toBe(true);
  });
});

describe('md5', () => {
  it('matches node:crypto for varied byte arrays of 0 to 300 bytes', () => {
    for (let n = 0; n <= 300; n++) {
      const input = noiseBytes(n, n + 1);
      expect(Buffer.from(md5(input)).toString('hex'), `length ${n}`).toBe(createHash('md5').update(input).digest('hex'));
    }
  });

  it('matches node:crypto for a 1 MiB array', () => {
    const input = noiseBytes(1 << 20, 0x9e3779b9);
    expect(Buffer.from(md5(input)).toString('hex')).toBe(createHash('md5').update(input).digest('hex'));
  });

  it('hashes only the viewed bytes of a subarray', () => {
    const whole = noiseBytes(200, 7);
    const view = whole.subarray(37, 150);
    expect(Buffer.from(md5(view)).toString('hex')).toBe(createHash('md5').update(view).digest('hex'));
  });

  it('returns a fresh 16-byte array each call and leaves HASH alone', () => {
    md5Key('a', HASH);
    const before = Array.from(HASH);
    const first = md5(new Uint8Array([1, 2, 3]));
    const second = md5(new Uint8Array([1, 2, 3]));
    expect(first).toHaveLength(16);
    expect(first).not.toBe(second);
    expect(first).toEqual(second);
    expect(Array.from(HASH)).toEqual(before);
  });
});

describe('utf8ByteLength and encodeUtf8Into', () => {
  const samples = [
    '',
    'plain ascii',
    'x'.repeat(200),
    'é€😀',
    'ü'.repeat(256),
    '😀'.repeat(128),
    '\ud800',
    '\udc00',
    'a\ud800b\udc00c',
    '\udbff\udfff',
    '\udc00\udc00',
    '\ud800\ud800\udc00',
    '\udc00\ud800',
    '\ud83d'.repeat(40),
    '\u007f\u0080\u07ff\u0800\uffff',
    'mixed ' + '€'.repeat(30) + ' \ud800 ' + '😀'.repeat(10),
  ];

  it('agree with Buffer on byte length and bytes, including lone surrogates', () => {
    for (const s of samples) {
      const expected = Buffer.from(s, 'utf8');
      expect(utf8ByteLength(s), JSON.stringify(s)).toBe(expected.length);
      const out = new Uint8Array(3 * s.length);
      const written = encodeUtf8Into(s, out, 0);
      expect(written).toBe(expected.length);
      expect(Buffer.from(out.subarray(0, written)).equals(expected), JSON.stringify(s)).toBe(true);
    }
  });

  it('encodeUtf8Into writes at the offset and leaves the bytes around it untouched', () => {
    for (const s of samples) {
      const expected = Buffer.from(s, 'utf8');
      const out = new Uint8Array(3 * s.length + 10).fill(0xaa);
      const written = encodeUtf8Into(s, out, 5);
      expect(written).toBe(expected.length);
      expect(Buffer.from(out.subarray(5, 5 + written)).equals(expected)).toBe(true);
      expect(Array.from(out.subarray(0, 5))).toEqual([0xaa, 0xaa, 0xaa, 0xaa, 0xaa]);
      expect(out.subarray(5 + written).every((b) => b === 0xaa)).toBe(true);
    }
  });
});

describe('UTF-8 helpers on a runtime without TextEncoder', () => {
  it('encode long strings, lone surrogates included, with the JS encoder alone', async () => {
    vi.stubGlobal('TextEncoder', undefined);
    vi.resetModules();
    try {
      const fresh = await import('../../src/encoding/utf8.js');
      for (const s of ['x'.repeat(300), '€'.repeat(100) + '\ud800', '\udc00\ud800'.repeat(50), '😀'.repeat(128)]) {
        const out = new Uint8Array(3 * s.length);
        const written = fresh.encodeUtf8Into(s, out, 0);
        expect(Buffer.from(out.subarray(0, written)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});

describe('the generated compression function', () => {
  it('is exactly what test/generators/md5-steps.ts renders', () => {
    const region = generatedRegion(readFileSync(MD5_SOURCE, 'utf8'));
    expect(region).toBe(renderCompress());
  });
});
