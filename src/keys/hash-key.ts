// 128-bit hash keys: the bigint form used at the API edge and the 4-word form used on the hot path.

/** 2^128 - 1, the largest hash key. */
export const MAX_HASH_KEY = (1n << 128n) - 1n;
export const HASH_KEY_SPACE = 1n << 128n;

const HASH_KEY_PATTERN = /^(0|[1-9]\d{0,38})$/;

/** The four big-endian 32-bit words of a hash key (word 0 is the most significant). */
export function wordsOf(key: bigint): [number, number, number, number] {
  return [
    Number((key >> 96n) & 0xffffffffn),
    Number((key >> 64n) & 0xffffffffn),
    Number((key >> 32n) & 0xffffffffn),
    Number(key & 0xffffffffn),
  ];
}

/** The bigint of four big-endian 32-bit words. */
export function keyOfWords(w0: number, w1: number, w2: number, w3: number): bigint {
  return (BigInt(w0 >>> 0) << 96n) | (BigInt(w1 >>> 0) << 64n) | (BigInt(w2 >>> 0) << 32n) | BigInt(w3 >>> 0);
}

/** Parses a decimal hash-key string as the model's pattern allows it; undefined when it does not match. */
export function parseHashKey(text: string): bigint | undefined {
  return HASH_KEY_PATTERN.test(text) ? BigInt(text) : undefined;
}

/** An inclusive range of hash keys. */
export interface HashRange {
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * AWS's division of the key space among N new shards: step = floor(2^128 / N), shard i starts at i*step,
 * and the last shard ends at 2^128 - 1, absorbing the remainder.
 */
export function evenRanges(count: number, from = 0n, to = MAX_HASH_KEY): HashRange[] {
  const width = to - from + 1n;
  const step = width / BigInt(count);
  const ranges: HashRange[] = [];
  for (let i = 0; i < count; i++) {
    const start = from + BigInt(i) * step;
    const end = i === count - 1 ? to : from + BigInt(i + 1) * step - 1n;
    ranges.push({ start, end });
  }
  return ranges;
}
