import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/encoding/base64.js';
import { evenRanges, keyOfWords, MAX_HASH_KEY, parseHashKey, wordsOf } from '../../src/keys/hash-key.js';
import { encodeNextToken } from '../../src/tokens/next-token.js';
import { nextTokenState } from '../../src/actions/_internals/next-token-state.js';
import { asciiBytes, TokenSealer } from '../../src/tokens/sealed-token.js';
import {
  decodeSequence,
  END_COUNTER,
  SEQUENCE_DIGITS,
  SequenceFormatter,
  shardSequenceBase,
} from '../../src/keys/sequence-number.js';
import { decodeIterator, encodeIterator, type IteratorState } from '../../src/tokens/shard-iterator.js';

function compareBig(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('sequence numbers', () => {
  it('lays out marker, incarnation, shard index and counter in 56 decimal digits', () => {
    const numbers = new SequenceFormatter(7, 3);
    expect(numbers.format(0)).toBe('4' + '0000000007' + '0000000003' + '0'.repeat(25) + '1000000000');
    expect(numbers.format(42)).toBe('4' + '0000000007' + '0000000003' + '0'.repeat(25) + '1000000042');
    expect(numbers.format(3_000_000_005)).toBe('4' + '0000000007' + '0000000003' + '0'.repeat(24) + '3' + '1000000005');
    expect(shardSequenceBase(7, 3)).toBe('400000000070000000003');
    expect(SEQUENCE_DIGITS).toBe(56);
  });

  it('always has 56 digits and a non-zero first digit, matching the model pattern', () => {
    const numbers = new SequenceFormatter(4_294_967_295, 2_147_483_647);
    for (const counter of [0, 1, 999_999_999, 1_000_000_000, 123_456_789_012, Number.MAX_SAFE_INTEGER - 1, END_COUNTER]) {
      const text = numbers.format(counter);
      expect(text).toHaveLength(56);
      expect(text).toMatch(/^[1-9]\d{0,128}$/);
    }
  });

  it('decodes back to the incarnation, shard index and counter it was made from', () => {
    for (const [incarnation, shardIndex] of [[1, 0], [2, 5], [999_999_999, 2_147_483_647]] as const) {
      const numbers = new SequenceFormatter(incarnation, shardIndex);
      for (const counter of [0, 1, 999_999_999, 1_000_000_000, 1_000_000_001, 5_123_456_789, Number.MAX_SAFE_INTEGER - 1]) {
        expect(decodeSequence(numbers.format(counter))).toEqual({ incarnation, shardIndex, counter });
      }
    }
  });

  it('refuses numbers whose incarnation digits start with anything but 0 (every AWS number does)', () => {
    const ours = new SequenceFormatter(1, 0).format(1);
    expect(decodeSequence(ours)).toBeDefined();
    expect(decodeSequence('41' + ours.slice(2))).toBeUndefined();
    expect(decodeSequence('49' + ours.slice(2))).toBeUndefined();
  });

  it('decodes the EndingSequenceNumber counter as END_COUNTER, above every record number', () => {
    const numbers = new SequenceFormatter(1, 0);
    const end = numbers.format(END_COUNTER);
    expect(decodeSequence(end)).toEqual({ incarnation: 1, shardIndex: 0, counter: END_COUNTER });
    expect(compareBig(end, numbers.format(Number.MAX_SAFE_INTEGER - 1))).toBe(1);
  });

  it('orders numbers of one shard by counter, and string order agrees with BigInt order', () => {
    const numbers = new SequenceFormatter(3, 9);
    // Formatted out of order, so the formatter's cached prefix moves back and forth.
    const counters = [5, 1_000_000_000, 0, 999_999_999, 2_000_000_001, 1, END_COUNTER, 1_999_999_999];
    const texts = counters.map((c) => numbers.format(c));
    const byCounter = [...counters].sort((a, b) => a - b).map((c) => new SequenceFormatter(3, 9).format(c));
    expect([...texts].sort(compareText)).toEqual(byCounter);
    expect([...texts].sort(compareBig)).toEqual(byCounter);
  });

  it('puts every number of a child shard above every number of its parent (higher shard index)', () => {
    const parentEnd = new SequenceFormatter(1, 0).format(END_COUNTER);
    const childStart = new SequenceFormatter(1, 1).format(0);
    expect(compareBig(childStart, parentEnd)).toBe(1);
    expect(compareText(childStart, parentEnd)).toBe(1);
  });

  it('rejects numbers that are not of this layout', () => {
    const good = new SequenceFormatter(1, 0).format(1);
    const bad = [
      '0',
      '12345',
      good.slice(1),
      good + '0',
      '5' + good.slice(1), // marker digit
      good.slice(0, 46) + '2' + good.slice(47), // the constant '1' before the low nine digits
      good.slice(0, 30) + 'x' + good.slice(31),
      '49570154343577991434159135485979649237735405726566711298', // a real AWS number
    ];
    for (const text of bad) expect(decodeSequence(text)).toBeUndefined();
  });
});

describe('base64', () => {
  it('encodes exactly like Buffer for every length 0..32', () => {
    for (let n = 0; n <= 32; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('decodes what Buffer encodes, including all 256 byte values', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= all.length; n += 17) {
      const bytes = all.subarray(0, n);
      expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(new Uint8Array(bytes));
    }
  });

  it('reports a length that is not a multiple of 4', () => {
    expect(decodeBase64('23456')).toEqual({ kind: 'length', length: 5 });
    expect(decodeBase64('A')).toEqual({ kind: 'length', length: 1 });
  });

  it('reports the first character outside the alphabet, padding out of place included', () => {
    expect(decodeBase64('=+/=')).toEqual({ kind: 'char', char: '=' });
    expect(decodeBase64('AA=A')).toEqual({ kind: 'char', char: '=' });
    expect(decodeBase64('A===')).toEqual({ kind: 'char', char: '=' });
    expect(decodeBase64('AA==AAAA')).toEqual({ kind: 'char', char: '=' });
    expect(decodeBase64('AB-_')).toEqual({ kind: 'char', char: '-' });
    expect(decodeBase64('ABé=')).toEqual({ kind: 'char', char: 'é' });
  });

  it('reports a last character whose unused bits are not zero', () => {
    expect(decodeBase64('+/+=')).toEqual({ kind: 'last-char' });
    expect(decodeBase64('AB==')).toEqual({ kind: 'last-char' });
    expect(decodeBase64('AQ==')).toEqual(new Uint8Array([1]));
  });

  it('decodes the empty string to no bytes', () => {
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});

describe('sealed tokens', () => {
  const sealer = new TokenSealer('secret');
  const payload = asciiBytes('{"k":"ListShards","t":1,"s":{"after":"shardId-000000000001"}}');

  it("opens what it sealed and starts like AWS's tokens", () => {
    const token = sealer.seal(payload);
    expect(token).toMatch(/^AAAAAAAAAAE/);
    expect(sealer.open(token)).toEqual(payload);
  });

  it('is deterministic and leaves the payload untouched', () => {
    const copy = payload.slice();
    expect(sealer.seal(payload)).toBe(sealer.seal(payload));
    expect(payload).toEqual(copy);
  });

  it('hides the payload text', () => {
    expect(Buffer.from(sealer.seal(payload), 'base64').toString('latin1')).not.toContain('shardId');
  });

  it('rejects the token after any single-bit flip', () => {
    const bytes = Buffer.from(sealer.seal(payload), 'base64');
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = Buffer.from(bytes);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      expect(sealer.open(flipped.toString('base64'))).toBeUndefined();
    }
  });

  it('rejects tokens of another secret, truncated tokens and non-base64 text', () => {
    const token = sealer.seal(payload);
    expect(new TokenSealer('other').open(token)).toBeUndefined();
    const bytes = Buffer.from(token, 'base64');
    expect(sealer.open(bytes.subarray(0, bytes.length - 1).toString('base64'))).toBeUndefined();
    expect(sealer.open(bytes.subarray(0, 20).toString('base64'))).toBeUndefined();
    expect(sealer.open('not base64!')).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
  });
});

describe('shard-iterator tokens', () => {
  const sealer = new TokenSealer('secret');
  const state: IteratorState = {
    createdAtMs: 1_700_000_000_123,
    streamName: 'orders.v2_x-y',
    streamCreatedAtMs: 1_600_000_000_000,
    incarnation: 4_294_967_295,
    shardIndex: 2_147_483_647,
    position: 9_007_199_254_740_991,
  };

  it('round-trips every field', () => {
    expect(decodeIterator(sealer, encodeIterator(sealer, state))).toEqual(state);
  });

  it('does not accept a NextToken sealed with the same secret', () => {
    const token = encodeNextToken(sealer, 'ListShards', { after: 'x' }, 0);
    expect(decodeIterator(sealer, token)).toBeUndefined();
  });
});

describe('NextTokens', () => {
  const sealer = new TokenSealer('secret');

  it('round-trips the state of its own operation within 300 s', () => {
    const token = encodeNextToken(sealer, 'ListStreams', { after: 'b' }, 1_000);
    expect(nextTokenState(sealer, 'ListStreams', token, 301_000)).toEqual({ after: 'b' });
  });

  it('expires 300 s after it was issued', () => {
    const token = encodeNextToken(sealer, 'ListStreams', { after: 'b' }, 1_000);
    expect(() => nextTokenState(sealer, 'ListStreams', token, 301_001)).toThrow(
      expect.objectContaining({ name: 'ExpiredNextTokenException' }),
    );
  });

  it("refuses another operation's token and an iterator", () => {
    const token = encodeNextToken(sealer, 'ListShards', { after: 'b' }, 1_000);
    expect(() => nextTokenState(sealer, 'ListStreams', token, 1_000)).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentException', message: 'Invalid NextToken.' }),
    );
    const iterator = encodeIterator(sealer, {
      createdAtMs: 0,
      streamName: 's',
      streamCreatedAtMs: 0,
      incarnation: 1,
      shardIndex: 0,
      position: 0,
    });
    expect(() => nextTokenState(sealer, 'ListStreams', iterator, 0)).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentException', message: 'Invalid NextToken.' }),
    );
  });
});

describe('hash keys', () => {
  it('divides the whole key space evenly among N shards, last shard absorbing the remainder', () => {
    for (let n = 1; n <= 70; n++) {
      const ranges = evenRanges(n);
      const step = (1n << 128n) / BigInt(n);
      expect(ranges).toHaveLength(n);
      expect(ranges[0]!.start).toBe(0n);
      expect(ranges[n - 1]!.end).toBe(MAX_HASH_KEY);
      ranges.forEach((range, i) => {
        expect(range.start).toBe(BigInt(i) * step);
        if (i + 1 < n) expect(range.end).toBe(ranges[i + 1]!.start - 1n);
      });
    }
  });

  it("matches AWS's 3-shard boundaries", () => {
    expect(evenRanges(3).map((r) => r.start.toString())).toEqual([
      '0',
      '113427455640312821154458202477256070485',
      '226854911280625642308916404954512140970',
    ]);
  });

  it('divides a sub-range the same way', () => {
    expect(evenRanges(2, 10n, 20n)).toEqual([
      { start: 10n, end: 14n },
      { start: 15n, end: 20n },
    ]);
  });

  it('splits keys into four big-endian words and joins them back', () => {
    const key = 0x0123456789abcdeffedcba9876543210n;
    expect(wordsOf(key)).toEqual([0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210]);
    expect(keyOfWords(...wordsOf(key))).toBe(key);
    expect(keyOfWords(...wordsOf(MAX_HASH_KEY))).toBe(MAX_HASH_KEY);
    expect(keyOfWords(-1, -1, -1, -1)).toBe(MAX_HASH_KEY);
    expect(wordsOf(0n)).toEqual([0, 0, 0, 0]);
  });

  it('parses canonical decimals only', () => {
    expect(parseHashKey('0')).toBe(0n);
    expect(parseHashKey(MAX_HASH_KEY.toString())).toBe(MAX_HASH_KEY);
    for (const text of ['', '01', '-1', '1e3', ' 1', '1'.repeat(40)]) expect(parseHashKey(text)).toBeUndefined();
  });
});
