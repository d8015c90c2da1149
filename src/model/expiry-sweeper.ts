// ExpirySweeper: memory bounded by retention for every stream, whichever streams are called.
//
// Retention runs on no timer: a shard releases its expired segments when it is written or read. A stream
// nobody calls would keep its expired records forever (147 MiB for 1M records), so every call also lends
// the sweeper one step: it visits the account's shards round robin, one shard per call, releasing that
// shard's whole segments past retention (O(1) when there is nothing to release). A pass starts once the
// engine's time has moved on since the last one began, so a busy engine whose clock stands still pays one
// comparison per call, and a pass over S shards costs S calls.

import type { Stream } from './stream.js';

/** Time between the starts of two passes: records expire with the clock, so a pass per second suffices. */
const PASS_INTERVAL_MS = 1000;

/**
 * Where a sweep is, as plain data (snapshots carry it, so a restored engine releases memory exactly when the
 * original would): the incarnation of the stream in progress (undefined between passes), the next shard index
 * in it, and when the next pass may start. Map order is creation order, so an incarnation names a position.
 */
export interface SweepState {
  readonly incarnation: number | undefined;
  readonly shard: number;
  readonly nextPassMs: number;
}

export class ExpirySweeper {
  readonly #streams: Map<string, Stream>;
  /** Where the pass in progress is; undefined between passes. */
  #cursor: Iterator<Stream> | undefined;
  #stream: Stream | undefined;
  #shard = 0;
  #nextPassMs = -Infinity;
  /** A restored position, applied at the next step (the streams are restored after the timeline). */
  #resume: SweepState | undefined;

  /** `streams` is the account's live streams by name. */
  constructor(streams: Map<string, Stream>) {
    this.#streams = streams;
  }

  /** One step of the sweep at engine time `nowMs`: at most one shard's expired segments released. */
  step(nowMs: number): void {
    if (this.#resume !== undefined) this.#applyResume();
    let stream = this.#stream;
    let restarted = false;
    // A stream gone since the pass reached it (removed from the account) is passed over at once.
    while (stream === undefined || this.#shard >= stream.shards.length || isGone(stream, nowMs)) {
      const next = this.#cursor?.next();
      if (next === undefined || next.done === true) {
        // Between passes; a new one starts at once when due (a pass may end long after it began).
        this.#cursor = undefined;
        this.#stream = undefined;
        if (restarted || nowMs < this.#nextPassMs) return;
        this.#nextPassMs = nowMs + PASS_INTERVAL_MS;
        this.#cursor = this.#streams.values();
        restarted = true;
        continue;
      }
      stream = this.#stream = next.value;
      this.#shard = 0;
    }
    stream.releaseExpired(stream.shards[this.#shard++]!, nowMs);
  }

  /** Where the sweep is, for snapshots. */
  exportState(): SweepState {
    if (this.#resume !== undefined) return this.#resume;
    const inPass = this.#cursor !== undefined && this.#stream !== undefined;
    return { incarnation: inPass ? this.#stream!.incarnation : undefined, shard: this.#shard, nextPassMs: this.#nextPassMs };
  }

  /** Continues from a snapshot's sweep (see exportState). */
  restoreState(state: SweepState): void {
    this.#resume = state;
  }

  #applyResume(): void {
    const { incarnation, shard, nextPassMs } = this.#resume!;
    this.#resume = undefined;
    this.#nextPassMs = nextPassMs;
    this.#shard = shard;
    this.#cursor = undefined;
    this.#stream = undefined;
    if (incarnation === undefined) return;
    // The first stream at or after the saved one in creation order; a stream gone since is passed over.
    const cursor = this.#streams.values();
    for (let next = cursor.next(); next.done !== true; next = cursor.next()) {
      if (next.value.incarnation < incarnation) continue;
      this.#cursor = cursor;
      this.#stream = next.value;
      if (next.value.incarnation !== incarnation) this.#shard = 0;
      return;
    }
    // Every stream from there on is gone: the pass is over (the next step moves on as the original's would).
    this.#cursor = cursor;
  }
}

function isGone(stream: Stream, nowMs: number): boolean {
  return stream.goneAtMs !== undefined && stream.goneAtMs <= nowMs;
}
