// The simulation's agenda: callbacks due at simulated times, run in time order (ties in the order they
// were scheduled), so a run is the same sequence of engine calls every time.

interface Entry {
  atMs: number;
  order: number;
  run: (atMs: number) => void;
}

/** A binary min-heap of timed callbacks. */
export class EventQueue {
  readonly #heap: Entry[] = [];
  #order = 0;

  get size(): number {
    return this.#heap.length;
  }

  /** Schedules `run` at `atMs` (run time, ms from the start), rounded up to a whole ms as the engine's clock keeps it. */
  at(atMs: number, run: (atMs: number) => void): void {
    const heap = this.#heap;
    const entry: Entry = { atMs: Math.ceil(atMs), order: this.#order++, run };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The time of the next callback, Infinity when none. */
  peekMs(): number {
    return this.#heap[0]?.atMs ?? Infinity;
  }

  /** Removes and returns the next callback. */
  pop(): Entry | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.order < b.order);
}
