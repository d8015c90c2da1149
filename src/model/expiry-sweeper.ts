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

export class ExpirySweeper {
  readonly #streams: Map<string, Stream>;
  /** Where the pass in progress is; undefined between passes. */
  #cursor: Iterator<Stream> | undefined;
  #stream: Stream | undefined;
  #shard = 0;
  #nextPassMs = -Infinity;

  /** `streams` is the account's live streams by name. */
  constructor(streams: Map<string, Stream>) {
    this.#streams = streams;
  }

  /** One step of the sweep at engine time `nowMs`: at most one shard's expired segments released. */
  step(nowMs: number): void {
    let stream = this.#stream;
    let restarted = false;
    while (stream === undefined || this.#shard >= stream.shards.length) {
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
}
