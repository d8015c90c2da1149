// Records waiting in a producer (a batch filling up, or a retry waiting out its backoff), as parallel arrays.

export class RecordQueue {
  key: Int32Array;
  bytes: Int32Array;
  serial: Float64Array;
  createdMs: Float64Array;
  /** Attempts already made for each record. */
  attempts: Int32Array;
  head = 0;
  tail = 0;

  constructor(capacity = 1024) {
    this.key = new Int32Array(capacity);
    this.bytes = new Int32Array(capacity);
    this.serial = new Float64Array(capacity);
    this.createdMs = new Float64Array(capacity);
    this.attempts = new Int32Array(capacity);
  }

  get length(): number {
    return this.tail - this.head;
  }

  push(key: number, bytes: number, serial: number, createdMs: number, attempts: number): void {
    if (this.tail === this.key.length) this.#makeRoom();
    const i = this.tail++;
    this.key[i] = key;
    this.bytes[i] = bytes;
    this.serial[i] = serial;
    this.createdMs[i] = createdMs;
    this.attempts[i] = attempts;
  }

  /** Copies record `i` of `from` to the end of this queue with `attempts`. */
  pushFrom(from: RecordQueue, i: number, attempts: number): void {
    this.push(from.key[i]!, from.bytes[i]!, from.serial[i]!, from.createdMs[i]!, attempts);
  }

  /** Forgets the first `n` records. */
  shift(n: number): void {
    this.head += n;
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  #makeRoom(): void {
    const live = this.tail - this.head;
    if (this.head > 0 && live * 2 <= this.key.length) {
      for (const a of [this.key, this.bytes, this.serial, this.createdMs, this.attempts]) a.copyWithin(0, this.head, this.tail);
    } else {
      const n = this.key.length * 2;
      this.key = moved(this.key, new Int32Array(n), this.head, this.tail);
      this.bytes = moved(this.bytes, new Int32Array(n), this.head, this.tail);
      this.serial = moved(this.serial, new Float64Array(n), this.head, this.tail);
      this.createdMs = moved(this.createdMs, new Float64Array(n), this.head, this.tail);
      this.attempts = moved(this.attempts, new Int32Array(n), this.head, this.tail);
    }
    this.head = 0;
    this.tail = live;
  }
}

function moved<T extends Int32Array | Float64Array>(from: T, to: T, head: number, tail: number): T {
  to.set(from.subarray(head, tail) as never);
  return to;
}
