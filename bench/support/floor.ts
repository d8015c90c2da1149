// The floor: the least any engine must do per record (the same md5Key, a shard lookup, an append to
// arrays; a plain read back), so the engine can be measured as a multiple of it in the same run.

import { md5Key } from '../../src/keys/md5.js';
import type { PutRecordsRequestEntry } from '../../src/index.js';

export interface FloorRecord {
  SequenceNumber: string;
  ApproximateArrivalTimestamp: Date;
  Data: Uint8Array;
  PartitionKey: string;
}

const PREFIX = '4' + '0'.repeat(45);
const HASH = new Uint32Array(4);

// A constructor, not an object literal, as in the engine's GetRecords: V8 may pretenure a literal site whose
// objects it has seen survive, which makes a read-and-drop loop several times slower (see get-records.ts).
const Record = function (this: FloorRecord, seq: string, at: Date, data: Uint8Array, key: string) {
  this.SequenceNumber = seq;
  this.ApproximateArrivalTimestamp = at;
  this.Data = data;
  this.PartitionKey = key;
} as unknown as new (seq: string, at: Date, data: Uint8Array, key: string) => FloorRecord;
Record.prototype = Object.prototype;

export class FloorStore {
  readonly keys: string[][] = [];
  readonly data: Uint8Array[][] = [];
  readonly arrivals: number[][] = [];
  readonly #tops: Uint32Array;

  constructor(shards: number) {
    this.#tops = new Uint32Array(shards);
    for (let i = 0; i < shards; i++) {
      this.#tops[i] = Math.floor((i * 2 ** 32) / shards);
      this.keys.push([]);
      this.data.push([]);
      this.arrivals.push([]);
    }
  }

  /** Hashes, routes (top 32 bits, binary search) and appends each entry; returns the records stored so far. */
  put(entries: readonly PutRecordsRequestEntry[], arrivalMs: number): number {
    const tops = this.#tops;
    let stored = 0;
    for (let r = 0; r < entries.length; r++) {
      const entry = entries[r]!;
      md5Key(entry.PartitionKey!, HASH);
      const h = HASH[0]!;
      let lo = 0;
      let hi = tops.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (tops[mid]! <= h) lo = mid;
        else hi = mid - 1;
      }
      this.keys[lo]!.push(entry.PartitionKey!);
      this.data[lo]!.push(entry.Data);
      stored = this.arrivals[lo]!.push(arrivalMs);
    }
    return stored;
  }

  /** Records [from, from + limit) of a shard as response objects. */
  read(shard: number, from: number, limit: number): FloorRecord[] {
    const keys = this.keys[shard]!;
    const data = this.data[shard]!;
    const arrivals = this.arrivals[shard]!;
    const end = Math.min(keys.length, from + limit);
    const out: FloorRecord[] = [];
    for (let i = from; i < end; i++) {
      out.push(new Record(PREFIX + (1e9 + i), new Date(arrivals[i]!), data[i]!, keys[i]!));
    }
    return out;
  }

  /** Reads every shard in batches of `limit`; returns the records read. */
  drain(limit = 10_000): number {
    let total = 0;
    for (let s = 0; s < this.keys.length; s++) {
      for (let from = 0; ; from += limit) {
        const n = this.read(s, from, limit).length;
        if (n === 0) break;
        total += n;
      }
    }
    return total;
  }
}
