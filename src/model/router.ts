// Router: finds the open shard whose hash-key range holds a 128-bit key, in a few ns, with no BigInt.
//
// A table indexed by the top bits of a key maps each bucket to the last open shard starting at or below it;
// a short scan over the shards' top 32 bits (binary search when a bucket holds many shards) and an exact
// 128-bit tie check finish the job. The table has about 16 buckets per shard (16 to 65536 of them), so it
// stays in the L1 cache for a few shards: a 65536-entry table for 4 shards cost a cache miss per record.
// The stream rebuilds the router whenever its open shards change.

import { wordsOf } from '../keys/hash-key.js';
import { md5Key } from '../keys/md5.js';
import type { Shard } from './shard.js';

const MIN_BUCKET_BITS = 4;
const MAX_BUCKET_BITS = 16;
const SCAN_LIMIT = 8;

// The digest of the key being routed: one scratch array for every router, as routing never re-enters itself.
const KEY_WORDS = new Uint32Array(4);

export class Router {
  readonly shards: readonly Shard[];
  readonly #top: Uint32Array;
  readonly #words: Uint32Array;
  readonly #table: Uint32Array;
  /** Bits of a key's top word below the bucket index: bucket = w0 >>> shift. */
  readonly #shift: number;

  /** `open` must be the open shards; their ranges must partition the key space. */
  constructor(open: readonly Shard[]) {
    const shards = [...open].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.shards = shards;
    this.#top = new Uint32Array(shards.length);
    this.#words = new Uint32Array(shards.length * 4);
    shards.forEach((shard, i) => {
      const w = wordsOf(shard.start);
      this.#words.set(w, i * 4);
      this.#top[i] = w[0];
    });
    const bits = Math.min(MAX_BUCKET_BITS, Math.max(MIN_BUCKET_BITS, Math.ceil(Math.log2(Math.max(shards.length, 1))) + 4));
    const buckets = 2 ** bits;
    this.#shift = 32 - bits;
    this.#table = new Uint32Array(buckets);
    let i = 0;
    for (let b = 0; b < buckets; b++) {
      const bucketStart = b * 2 ** this.#shift;
      while (i + 1 < shards.length && this.#top[i + 1]! <= bucketStart) i++;
      this.#table[b] = i;
    }
  }

  /** The shard a partition key routes to: the one holding MD5 of its UTF-8 bytes. */
  routeKey(partitionKey: string): Shard {
    md5Key(partitionKey, KEY_WORDS);
    return this.route(KEY_WORDS[0]!, KEY_WORDS[1]!, KEY_WORDS[2]!, KEY_WORDS[3]!);
  }

  /** The shard holding a hash key (an ExplicitHashKey, already checked to be in [0, 2^128 - 1]). */
  routeHashKey(hashKey: bigint): Shard {
    const w = wordsOf(hashKey);
    return this.route(w[0], w[1], w[2], w[3]);
  }

  /** The shard holding the key with big-endian words w0..w3 (unsigned 32-bit values). */
  route(w0: number, w1: number, w2: number, w3: number): Shard {
    const top = this.#top;
    const table = this.#table;
    const b = w0 >>> this.#shift;
    let i = table[b]!;
    const limit = b + 1 < table.length ? table[b + 1]! : top.length - 1;
    if (limit - i > SCAN_LIMIT) {
      let hi = limit;
      while (i < hi) {
        const mid = (i + hi + 1) >>> 1;
        if (top[mid]! <= w0) i = mid;
        else hi = mid - 1;
      }
    } else {
      while (i < limit && top[i + 1]! <= w0) i++;
    }
    while (i > 0 && top[i] === w0 && this.#startAbove(i, w0, w1, w2, w3)) i--;
    return this.shards[i]!;
  }

  #startAbove(i: number, w0: number, w1: number, w2: number, w3: number): boolean {
    const s = this.#words;
    const o = i * 4;
    if (s[o] !== w0) return s[o]! > w0;
    if (s[o + 1] !== w1) return s[o + 1]! > w1;
    if (s[o + 2] !== w2) return s[o + 2]! > w2;
    return s[o + 3]! > w3;
  }
}
