// Encryption history: which records of each shard were written under server-side encryption.
//
// Why this shape: encryption changes are rare, writes are hot. Instead of tagging every record on put,
// each change remembers every shard's log length at the moment it took effect; a reader works out the
// type of a run of records from those few change points, once per call.

import type { EncryptionType } from '../service-model/enums.js';

export interface ChangePoint {
  readonly type: EncryptionType;
  /** Log length of the shard at each index when the change took effect; later shards start after it. */
  readonly lengths: readonly number[];
}

/** Where, in one shard's log, a new encryption type starts. */
export interface EncryptionRun {
  readonly firstIndex: number;
  readonly type: EncryptionType;
}

export class EncryptionHistory {
  readonly #points: ChangePoint[] = [];

  /** True while the stream has never changed its encryption (every record is unencrypted). */
  get isEmpty(): boolean {
    return this.#points.length === 0;
  }

  /** The change points in order, for snapshots. */
  get points(): readonly ChangePoint[] {
    return this.#points;
  }

  /** Records that records appended from now on carry `type`; `shardLengths[i]` is shard i's log length. */
  change(type: EncryptionType, shardLengths: readonly number[]): void {
    this.#points.push({ type, lengths: shardLengths });
  }

  /**
   * The runs of shard `shardIndex`'s log in ascending `firstIndex` order: records from a run's
   * `firstIndex` on carry its type until the next run; records before the first run are unencrypted.
   * A shard opened after a change starts under it (first index 0).
   */
  runsFor(shardIndex: number): EncryptionRun[] {
    return this.#points.map((p) => ({ firstIndex: p.lengths[shardIndex] ?? 0, type: p.type }));
  }
}
