// The router against a plain binary search over the ranges, for any layout of open shards: a few or thousands,
// boundaries clustered in one table bucket or sharing their top 32 bits, keys on and around every boundary.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HASH_KEY, wordsOf } from '../../src/keys/hash-key.js';
import { Router } from '../../src/model/router.js';
import { Shard } from '../../src/model/shard.js';

/** Shards covering the key space, split at the given (sorted, distinct, non-zero) starts. */
function layout(starts: readonly bigint[]): Shard[] {
  const bounds = [0n, ...starts];
  return bounds.map((start, i) => new Shard(i, start, i + 1 < bounds.length ? bounds[i + 1]! - 1n : MAX_HASH_KEY, 0, 1));
}

function reference(shards: readonly Shard[], key: bigint): number {
  let lo = 0;
  let hi = shards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shards[mid]!.start <= key) lo = mid;
    else hi = mid - 1;
  }
  return shards[lo]!.index;
}

const route = (router: Router, key: bigint) => router.route(...wordsOf(key)).index;

// Starts drawn three ways: anywhere, crowded into one narrow region (one bucket of the table, many shards),
// and sharing the top 32 bits with a neighbour (the exact 128-bit tie check).
const start = fc.oneof(
  fc.bigInt({ min: 1n, max: MAX_HASH_KEY }),
  fc.bigInt({ min: 1n, max: 1n << 100n }).map((k) => (7n << 120n) + k),
  fc.bigInt({ min: 1n, max: (1n << 96n) - 1n }).map((k) => (0x12345678n << 96n) + k),
);
const starts = fc.uniqueArray(start, { maxLength: 600 }).map((xs) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

describe('Router', () => {
  it('routes every key to the shard whose range holds it, whatever the layout', () => {
    fc.assert(
      fc.property(starts, fc.array(fc.bigInt({ min: 0n, max: MAX_HASH_KEY }), { maxLength: 50 }), (splits, keys) => {
        const shards = layout(splits);
        const router = new Router([...shards].reverse());
        const probes = [0n, MAX_HASH_KEY, ...keys, ...splits.flatMap((s) => [s - 1n, s, s + 1n].filter((k) => k <= MAX_HASH_KEY))];
        for (const key of probes) expect(route(router, key)).toBe(reference(shards, key));
      }),
      { numRuns: 200 },
    );
  });

  it('routes the even layouts of 1 to 20,000 shards', () => {
    for (const count of [1, 2, 3, 4, 15, 16, 17, 1000, 4096, 20_000]) {
      const step = (MAX_HASH_KEY + 1n) / BigInt(count);
      const shards = layout(Array.from({ length: count - 1 }, (_, i) => step * BigInt(i + 1)));
      const router = new Router(shards);
      for (let i = 0; i < count; i += Math.max(1, Math.floor(count / 300))) {
        for (const key of [shards[i]!.start, shards[i]!.end]) expect(route(router, key)).toBe(i);
      }
    }
  });
});
