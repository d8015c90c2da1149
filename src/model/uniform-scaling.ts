// Uniform scaling: the split-and-merge walk that turns any set of open shards into evenRanges(target).
//
// The walk visits the target ranges from the lowest key up, holding the piece that starts where the
// current target range starts. While the piece ends below the target's end it is merged with the next
// open shard; if it then reaches past the end it is split there, and the upper part is carried on to
// the next target range. Every split adds a target boundary the open shards lack and every merge
// removes a boundary the target lacks, so no sequence of splits and merges reaches the target in fewer
// steps. Working left to right keeps each final shard's lineage a few shards deep (merging everything
// first and splitting afterwards would chain every shard of a misaligned stream into one lineage). The
// same walk runs twice: over plain ranges to size the request (the account limit counts the most shards
// it holds open at once), then over real shards to apply it.

import { evenRanges, type HashRange } from '../keys/hash-key.js';

/** How the walk splits and merges pieces of type T (plain ranges or shards). */
export interface ScalingSteps<T extends HashRange> {
  /** Splits a piece; the upper part starts at `key`. */
  split(piece: T, key: bigint): [T, T];
  /** Merges two adjacent pieces, lower first. */
  merge(lower: T, upper: T): T;
}

/**
 * Reshards `open` (the open pieces, sorted by start, partitioning the key space) into exactly
 * evenRanges(target); returns the final pieces in key order.
 */
export function scaleUniformly<T extends HashRange>(open: readonly T[], target: number, steps: ScalingSteps<T>): T[] {
  const finals: T[] = [];
  let next = 0;
  let carried: T | undefined;
  for (const range of evenRanges(target)) {
    let piece = carried ?? open[next++]!;
    carried = undefined;
    while (piece.end < range.end) piece = steps.merge(piece, open[next++]!);
    if (piece.end > range.end) [piece, carried] = steps.split(piece, range.end + 1n);
    finals.push(piece);
  }
  return finals;
}

/** Whether the ranges (sorted by start) are already exactly evenRanges(target). */
export function isUniform(ranges: readonly HashRange[], target: number): boolean {
  if (ranges.length !== target) return false;
  const even = evenRanges(target);
  return ranges.every((r, i) => r.start === even[i]!.start && r.end === even[i]!.end);
}

/** The size of a uniform scaling, measured on plain ranges. */
export interface ScalingCost {
  /** The most open shards the walk holds at once, above the current count (what the account limit sees). */
  extraOpenShards: number;
  /** Shards the walk creates, intermediate ones included. */
  newShards: number;
}

/** Measures scaleUniformly on plain ranges (sorted by start) without touching any shard. */
export function uniformScalingCost(ranges: readonly HashRange[], target: number): ScalingCost {
  let open = ranges.length;
  let peak = open;
  let newShards = 0;
  scaleUniformly<HashRange>(ranges, target, {
    split(piece, key) {
      open++;
      newShards += 2;
      if (open > peak) peak = open;
      return [{ start: piece.start, end: key - 1n }, { start: key, end: piece.end }];
    },
    merge(lower, upper) {
      open--;
      newShards++;
      return { start: lower.start, end: upper.end };
    },
  });
  return { extraOpenShards: peak - ranges.length, newShards };
}
