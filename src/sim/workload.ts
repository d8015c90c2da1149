// One producer's workload: which records arrive when, with which key and size (rate shape or trace replay).

import { createKeySampler, type KeySampler } from './key-sampler.js';
import type { Prng } from './prng.js';
import { ArrivalCounter, rateAt } from './rate-shape.js';
import { createSizeSampler, type SizeSampler } from './record-size.js';
import type { ResolvedProducer } from './scenario.js';
import type { KeyCounts } from './key-counts.js';
import type { RecordQueue } from './record-queue.js';
import type { TraceEvent } from './trace.js';

/** Receives one arriving record: its key index, size and creation time (run ms). */
export type Emit = (key: number, bytes: number, createdMs: number) => void;

export class Workload {
  readonly keys: KeySampler;
  readonly #sizes: SizeSampler;
  readonly #counter: ArrivalCounter | undefined;
  readonly #events: readonly TraceEvent[] | undefined;
  readonly #eventKeys: Int32Array | undefined;
  readonly #startMs: number;
  #nextEvent = 0;

  constructor(spec: ResolvedProducer, prng: Prng, durationSeconds: number, events: readonly TraceEvent[] | undefined) {
    this.#sizes = createSizeSampler(spec.recordBytes, prng);
    this.#startMs = spec.startSecond * 1000;
    if (spec.rate.shape === 'trace') {
      const trace = events ?? [];
      const index = new Map<string, number>();
      const names: string[] = [];
      this.#eventKeys = new Int32Array(trace.length);
      trace.forEach((e, i) => {
        let k = index.get(e.key);
        if (k === undefined) {
          k = names.length;
          names.push(e.key);
          index.set(e.key, k);
        }
        this.#eventKeys![i] = k;
      });
      this.#events = trace;
      this.keys = { count: Math.max(1, names.length), name: (i) => names[i]!, next: () => 0 };
      this.#counter = undefined;
    } else {
      this.keys = createKeySampler(spec.keys, prng);
      this.#counter = new ArrivalCounter(rateAt(spec.rate, durationSeconds));
      this.#events = undefined;
      this.#eventKeys = undefined;
    }
  }

  /**
   * Appends every record arriving in [fromMs, toMs) to `queue` (serials from `nextSerial`, counted per key in
   * `keyRecords`); returns how many. The producer's hot path: no callback per record.
   */
  arrivalsInto(fromMs: number, toMs: number, queue: RecordQueue, keyRecords: KeyCounts, nextSerial: () => number): number {
    if (this.#events !== undefined) {
      const before = queue.length;
      this.arrivals(fromMs, toMs, (key, bytes, createdMs) => {
        keyRecords.add(key);
        queue.push(key, bytes, nextSerial(), createdMs, 0);
      });
      return queue.length - before;
    }
    if (toMs <= this.#startMs) return 0;
    if (fromMs < this.#startMs) fromMs = this.#startMs;
    const n = this.#counter!.between(fromMs - this.#startMs, toMs - this.#startMs);
    const gap = (toMs - fromMs) / n;
    const keys = this.keys;
    const sizes = this.#sizes;
    for (let i = 0; i < n; i++) {
      const key = keys.next();
      keyRecords.add(key);
      queue.push(key, sizes(), nextSerial(), fromMs + (i + 0.5) * gap, 0);
    }
    return n;
  }

  /** Emits every record arriving in [fromMs, toMs) of the run, in order. */
  arrivals(fromMs: number, toMs: number, emit: Emit): void {
    if (toMs <= this.#startMs) return;
    if (fromMs < this.#startMs) fromMs = this.#startMs;
    const events = this.#events;
    if (events !== undefined) {
      const keys = this.#eventKeys!;
      while (this.#nextEvent < events.length && events[this.#nextEvent]!.t < toMs) {
        const e = events[this.#nextEvent]!;
        emit(keys[this.#nextEvent]!, e.bytes ?? this.#sizes(), Math.max(fromMs, e.t));
        this.#nextEvent++;
      }
      return;
    }
    const n = this.#counter!.between(fromMs - this.#startMs, toMs - this.#startMs);
    const gap = (toMs - fromMs) / n;
    for (let i = 0; i < n; i++) emit(this.keys.next(), this.#sizes(), fromMs + (i + 0.5) * gap);
  }
}
