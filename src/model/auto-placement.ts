// AUTO record distribution: where a stream puts a record when the service, not the producer, chooses the shard
// (https://docs.aws.amazon.com/streams/latest/dev/service-managed-record-distribution.html).
//
// [U] AWS's "service-managed algorithms" are not public. kinesim picks uniformly at random among the open shards
// with a seeded generator per stream incarnation (xoshiro128**), so each shard's share is binomial(n, 1/k) and
// the same engine seed, stream and calls give the same shards. Placement is load-blind: per-shard limits
// still apply after the pick.

import { md5 } from '../keys/md5.js';

/**
 * The generator state of one stream: four unsigned 32-bit words, plain data (a snapshot copies it as it is).
 * Never all zero.
 */
export type AutoPlacementState = [number, number, number, number];

/** The initial state for a stream incarnation, derived from the engine's seed option and the stream's identity. */
export function autoPlacementState(seed: number, streamArn: string, incarnation: number): AutoPlacementState {
  const digest = md5(asciiOf(`kinesim-auto-placement/${seed}/${streamArn}/${incarnation}`));
  const word = (i: number) => (digest[i]! | (digest[i + 1]! << 8) | (digest[i + 2]! << 16) | (digest[i + 3]! << 24)) >>> 0;
  const state: AutoPlacementState = [word(0), word(4), word(8), word(12)];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

/** The next unsigned 32-bit value of xoshiro128** (Blackman and Vigna), advancing `s` in place. */
export function nextUint32(s: AutoPlacementState): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  s[0] >>>= 0;
  s[1] >>>= 0;
  s[2] >>>= 0;
  s[3] >>>= 0;
  return result;
}

/** A uniform index in [0, count), by multiply-shift (bias below count / 2^32). */
export function pickIndex(s: AutoPlacementState, count: number): number {
  return Math.floor((nextUint32(s) * count) / 4294967296);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function asciiOf(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
