// One shard's acknowledged user records, in the order the shard stored them, until every consumer has
// read past them. Consumers check what GetRecords returns against this list, by sequence number, so a
// record lost, repeated or reordered by the engine (or by a consumer) is counted, not assumed away.

export class PendingRecords {
  /**
   * Sequence number of the Kinesis record that carries each entry; left empty when the run identifies records by
   * ticket alone (SimContext.keepSequenceNumbers false), which spares a pointer store and its array's growth per record.
   */
  seq: string[] = [];
  /** Position inside a KPL aggregate (0 for a plain record). */
  sub = new Int32Array(1024);
  /** Key identity (per producer and key) for the per-key order check. */
  key = new Int32Array(1024);
  /** Creation order of the user record across the run. */
  serial = new Float64Array(1024);
  /** When the record was created (run ms): latency starts here. */
  createdMs = new Float64Array(1024);
  /** Index of seq[0] in the shard's whole history (entries before it were dropped by compaction). */
  base = 0;
  length = 0;

  /** Appends an entry; `seq` undefined when the run keeps no sequence numbers (then it must be so for every entry). */
  push(seq: string | undefined, sub: number, key: number, serial: number, createdMs: number): void {
    const i = this.length;
    if (i === this.sub.length) this.#grow();
    if (seq !== undefined) this.seq[i] = seq;
    this.sub[i] = sub;
    this.key[i] = key;
    this.serial[i] = serial;
    this.createdMs[i] = createdMs;
    this.length = i + 1;
  }

  /** Drops the entries before absolute position `upTo` (all consumers are past them), when worth it. */
  compact(upTo: number): void {
    const drop = upTo - this.base;
    if (drop < 4096 || drop * 2 < this.length) return;
    const keep = this.length - drop;
    if (this.seq.length > 0) {
      this.seq.copyWithin(0, drop, this.length);
      this.seq.length = keep;
    }
    this.sub.copyWithin(0, drop, this.length);
    this.key.copyWithin(0, drop, this.length);
    this.serial.copyWithin(0, drop, this.length);
    this.createdMs.copyWithin(0, drop, this.length);
    this.length = keep;
    this.base = upTo;
  }

  #grow(): void {
    const n = this.sub.length * 2;
    this.sub = grown(this.sub, new Int32Array(n));
    this.key = grown(this.key, new Int32Array(n));
    this.serial = grown(this.serial, new Float64Array(n));
    this.createdMs = grown(this.createdMs, new Float64Array(n));
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/** Orders two (sequence number, sub-sequence) positions in one shard: negative, 0 or positive. */
export function comparePositions(seqA: string, subA: number, seqB: string, subB: number): number {
  if (seqA !== seqB) {
    if (seqA.length !== seqB.length) return seqA.length - seqB.length;
    return seqA < seqB ? -1 : 1;
  }
  return subA - subB;
}
