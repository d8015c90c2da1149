// Shard log: append-only record storage of one shard, in segments of struct-of-arrays with payload slabs.
//
// Why this shape: a live JS object per record costs ~200-370 ns in the GC and ~1.8 KB of RSS in peers;
// here a record is a partition-key reference, a 4-byte end offset and an 8-byte arrival time, with its
// payload copied into its segment's byte slab. Records keep absolute indexes (0 = first record ever
// written) so iterators and sequence numbers stay valid when old segments are dropped by retention:
// trimming releases whole segments and never copies what it keeps.
//
// In size-only mode (KinesisOptions.recordPayloads) a segment keeps each record's size (its end offset) and only
// its first PREFIX_BYTES bytes, at a fixed stride in the slab; reads hand out zero-filled buffers of the right
// length with the kept prefix written in, so sizes count against every limit while the bytes cost nothing.

import { assert } from '../errors/kinesis-error.js';

/** What a shard log keeps of each record's payload: all of its bytes, or its size and first PREFIX_BYTES bytes. */
export type RecordPayloads = 'copy' | 'size-only';

/** Bytes of each payload a size-only log keeps (a simulation's record ticket fits in them). */
export const PREFIX_BYTES = 8;

const FIRST_SEGMENT_RECORDS = 16;
const FIRST_SEGMENT_BYTES = 1024;
const SEGMENT_RECORDS = 8192;
const SEGMENT_BYTES = 1 << 20;
const MIN_SLAB_BYTES = 4096;
/**
 * A size-only segment's records may add up to this many bytes (their end offsets are 32-bit): far more than any
 * slab holds, so a size-only segment ends on its record count for every record size but the largest.
 */
const SIZE_ONLY_SEGMENT_BYTES = 2 ** 30;

class Segment {
  count = 0;
  used = 0;
  // Sized up front: growing by push reallocates and copies the array ~15 times on the way to 8192.
  /** Partition keys; undefined for a record put without one (AUTO streams). */
  keys: (string | undefined)[];
  ends: Uint32Array;
  arrivals: Float64Array;
  bytes: Uint8Array<ArrayBuffer>;

  constructor(readonly first: number, records: number, bytes: number) {
    this.keys = new Array<string | undefined>(records);
    this.ends = new Uint32Array(records);
    this.arrivals = new Float64Array(records);
    this.bytes = new Uint8Array(bytes);
  }

  get last(): number {
    return this.first + this.count;
  }

  /** Whether one more record of `size` bytes fits, growing the arrays up to the segment caps. */
  tryReserve(size: number): boolean {
    if (this.count === this.ends.length) {
      if (this.count >= SEGMENT_RECORDS) return false;
      const ends = new Uint32Array(Math.min(SEGMENT_RECORDS, this.count * 2));
      ends.set(this.ends);
      const arrivals = new Float64Array(ends.length);
      arrivals.set(this.arrivals);
      this.ends = ends;
      this.arrivals = arrivals;
    }
    const need = this.used + size;
    if (need > this.bytes.length) {
      if (this.count > 0 && need > SEGMENT_BYTES) return false;
      let capacity = Math.max(this.bytes.length, 1);
      while (capacity < need) capacity *= 2;
      const bytes = new Uint8Array(this.count === 0 ? Math.max(need, capacity) : Math.min(capacity, SEGMENT_BYTES));
      bytes.set(this.bytes.subarray(0, this.used));
      this.bytes = bytes;
    }
    return true;
  }

  /**
   * tryReserve for a size-only segment: one more record of `size` bytes fits while the record count and the
   * 32-bit end offsets allow; its slab holds PREFIX_BYTES per record and grows with the record arrays.
   */
  tryReservePrefix(size: number): boolean {
    if (this.count > 0 && this.used + size > SIZE_ONLY_SEGMENT_BYTES) return false;
    if (this.count === this.ends.length) {
      if (this.count >= SEGMENT_RECORDS) return false;
      const records = Math.min(SEGMENT_RECORDS, this.count * 2);
      const ends = new Uint32Array(records);
      ends.set(this.ends);
      const arrivals = new Float64Array(records);
      arrivals.set(this.arrivals);
      this.ends = ends;
      this.arrivals = arrivals;
    }
    if (this.bytes.length < this.ends.length * PREFIX_BYTES) {
      const bytes = new Uint8Array(this.ends.length * PREFIX_BYTES);
      bytes.set(this.bytes.subarray(0, this.count * PREFIX_BYTES));
      this.bytes = bytes;
    }
    return true;
  }

  /**
   * The slab size for the segment after this one: room for a full segment of records as large as this
   * one's on average, so small records do not leave most of a 1 MiB slab empty (it grows if they get larger).
   */
  nextSlabBytes(): number {
    const estimate = Math.ceil((this.used / Math.max(this.count, 1)) * SEGMENT_RECORDS * 1.0625);
    return Math.min(SEGMENT_BYTES, Math.max(MIN_SLAB_BYTES, estimate));
  }
}

/**
 * Receives one record read back. `data` is a copy: callers cannot change what is stored. The records of
 * one read share one copied buffer (each `data` views only its own bytes), as the AWS SDK's decoded
 * records share Node's buffer pool.
 */
export type RecordVisitor = (index: number, partitionKey: string | undefined, data: Uint8Array, arrivalMs: number) => void;

/**
 * Records of one segment read back together. The columns are the segment's own (read them, never write):
 * the run's records sit at [at, at + count) in them. Their payloads were copied into `bytes`, one buffer per
 * run; the record in column j spans [ends[j - 1] - base, ends[j] - base) of it (from 0 for the first).
 */
export interface ReadRun {
  /** Absolute index of the run's first record. */
  readonly first: number;
  readonly count: number;
  /** Partition keys; undefined for a record put without one (AUTO streams). */
  readonly keys: readonly (string | undefined)[];
  readonly arrivals: Float64Array;
  readonly ends: Uint32Array;
  readonly at: number;
  readonly bytes: ArrayBuffer;
  readonly base: number;
}

/**
 * One stored segment as snapshots see it: `count` records from absolute index `first`, their partition keys,
 * payload end offsets, arrival times and payload bytes (`bytes[0, used)`; in a size-only log, each record's kept
 * prefix at `bytes[j * PREFIX_BYTES, ...)`, so `bytes[0, count * PREFIX_BYTES)`). The arrays may be longer than
 * `count` (their capacity is part of the state: it decides when the next segment starts).
 */
export interface SegmentState {
  readonly first: number;
  readonly count: number;
  readonly used: number;
  readonly keys: (string | undefined)[];
  readonly ends: Uint32Array;
  readonly arrivals: Float64Array;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Everything a ShardLog holds, for snapshots: its mode, its stored segments (oldest first) and its two counters. */
export interface ShardLogState {
  readonly payloads: RecordPayloads;
  /** Records ever appended. */
  readonly length: number;
  /** The slab size of the next segment when retention dropped the tail. */
  readonly nextSlabBytes: number;
  readonly segments: readonly SegmentState[];
}

/** Append-only, segmented record storage of one shard. */
export class ShardLog {
  #segments: Segment[] = [];
  /** The segment appends go to: the last one, while it is stored. */
  #tail: Segment | undefined;
  /** Slab size for the next segment when retention dropped the tail (its record sizes are still the best guess). */
  #nextSlabBytes = SEGMENT_BYTES;
  #length = 0;
  #payloadBytes = 0;
  /** Keeps sizes and prefixes instead of payloads (KinesisOptions.recordPayloads 'size-only'). */
  readonly #sizeOnly: boolean;

  constructor(payloads: RecordPayloads = 'copy') {
    this.#sizeOnly = payloads === 'size-only';
  }

  /** What the log keeps of each payload. */
  get payloads(): RecordPayloads {
    return this.#sizeOnly ? 'size-only' : 'copy';
  }

  /** Records ever appended; the next record's absolute index. */
  get length(): number {
    return this.#length;
  }

  /** Absolute index of the oldest record still stored (== length when none is). */
  get firstIndex(): number {
    return this.#segments[0]?.first ?? this.#length;
  }

  /** Payload bytes of the records currently stored (their sizes, whether or not their bytes are kept). */
  get payloadBytes(): number {
    return this.#payloadBytes;
  }

  /** Bytes allocated for payload slabs and metadata arrays (excludes partition-key strings). */
  get allocatedBytes(): number {
    let total = 0;
    for (const s of this.#segments) total += s.bytes.byteLength + s.ends.byteLength + s.arrivals.byteLength + s.keys.length * 8;
    return total;
  }

  /**
   * Appends a record (payload copied) and returns its absolute index. Arrival times must not decrease.
   * When a new segment is needed, segments holding only records that arrived at or before `expiredAtOrBeforeMs`
   * are released first: memory grows only at segment boundaries, so that is where retention is enforced.
   */
  append(partitionKey: string | undefined, data: Uint8Array, arrivalMs: number, expiredAtOrBeforeMs = -Infinity): number {
    if (this.#sizeOnly) return this.#appendPrefix(partitionKey, data, arrivalMs, expiredAtOrBeforeMs);
    const size = data.length;
    let seg = this.#tail;
    // The fast path (room in the tail segment) stays small enough for V8 to inline into the put loops.
    if (seg === undefined || seg.count === seg.ends.length || seg.used + size > seg.bytes.length) {
      seg = this.#reserve(size, expiredAtOrBeforeMs);
    }
    const i = seg.count;
    const at = seg.used;
    seg.bytes.set(data, at);
    seg.used = at + size;
    seg.ends[i] = at + size;
    seg.arrivals[i] = arrivalMs;
    seg.keys[i] = partitionKey;
    seg.count = i + 1;
    this.#payloadBytes += size;
    return this.#length++;
  }

  /** append in size-only mode: the record's size (its end offset) and its first PREFIX_BYTES bytes. */
  #appendPrefix(partitionKey: string | undefined, data: Uint8Array, arrivalMs: number, expiredAtOrBeforeMs: number): number {
    const size = data.length;
    let seg = this.#tail;
    if (seg === undefined || seg.count === seg.ends.length || seg.used + size > SIZE_ONLY_SEGMENT_BYTES) {
      seg = this.#reserve(size, expiredAtOrBeforeMs);
    }
    const i = seg.count;
    const bytes = seg.bytes;
    const at = i * PREFIX_BYTES;
    const kept = size < PREFIX_BYTES ? size : PREFIX_BYTES;
    for (let k = 0; k < kept; k++) bytes[at + k] = data[k]!;
    seg.used += size;
    seg.ends[i] = seg.used;
    seg.arrivals[i] = arrivalMs;
    seg.keys[i] = partitionKey;
    seg.count = i + 1;
    this.#payloadBytes += size;
    return this.#length++;
  }

  /** The segment the next record of `size` bytes goes to: the tail grown, or a new one. */
  #reserve(size: number, expiredAtOrBeforeMs: number): Segment {
    const tail = this.#tail;
    if (tail !== undefined && (this.#sizeOnly ? tail.tryReservePrefix(size) : tail.tryReserve(size))) return tail;
    this.dropBefore(this.firstAfter(expiredAtOrBeforeMs));
    const busy = this.#length > 0;
    const records = busy ? SEGMENT_RECORDS : FIRST_SEGMENT_RECORDS;
    const slabBytes = this.#sizeOnly
      ? records * PREFIX_BYTES
      : Math.max(size, tail !== undefined ? tail.nextSlabBytes() : busy ? this.#nextSlabBytes : FIRST_SEGMENT_BYTES);
    const seg = new Segment(this.#length, records, slabBytes);
    this.#segments.push(seg);
    this.#tail = seg;
    return seg;
  }

  /** Arrival time of a stored record. */
  arrivalAt(index: number): number {
    const seg = this.#segmentOf(index);
    return seg === undefined ? Number.NaN : seg.arrivals[index - seg.first]!;
  }

  /** Payload bytes of a stored record. */
  sizeAt(index: number): number {
    const seg = this.#segmentOf(index);
    if (seg === undefined) return Number.NaN;
    const i = index - seg.first;
    return seg.ends[i]! - (i === 0 ? 0 : seg.ends[i - 1]!);
  }

  /** Absolute index of the first stored record with arrival >= `ms` (length when none). */
  firstAtOrAfter(ms: number): number {
    return this.#firstWhere(ms, false);
  }

  /** Absolute index of the first stored record with arrival > `ms` (length when none). */
  firstAfter(ms: number): number {
    return this.#firstWhere(ms, true);
  }

    /**
   * Reads records [from, ...) until `limit` records or `maxBytes` of payload (at least one record is
   * returned when any is available). `visit` gets each record; returns the index after the last one read.
   * (A convenience over readRuns for callers that do not need its speed.)
   */
  read(from: number, limit: number, maxBytes: number, visit: RecordVisitor): number {
    const runs: ReadRun[] = [];
    const next = this.readRuns(from, limit, maxBytes, runs);
    for (const run of runs) {
      let start = 0;
      for (let i = 0; i < run.count; i++) {
        const end = run.ends[run.at + i]! - run.base;
        visit(run.first + i, run.keys[run.at + i], new Uint8Array(run.bytes, start, end - start), run.arrivals[run.at + i]!);
        start = end;
      }
    }
    return next;
  }

  /**
   * Reads records [from, ...) as `read` does, appending one ReadRun per segment touched to `runs` (the
   * hot path: the caller builds its records in one tight loop). Returns the index after the last record.
   */
  readRuns(from: number, limit: number, maxBytes: number, runs: ReadRun[]): number {
    let index = Math.max(from, this.firstIndex);
    let budget = maxBytes;
    let left = limit;
    const segments = this.#segments;
    for (let s = this.#segmentPosition(index); left > 0 && s < segments.length; s++) {
      const seg = segments[s]!;
      const ends = seg.ends;
      const begin = index - seg.first;
      if (begin >= seg.count) continue;
      const base = begin === 0 ? 0 : ends[begin - 1]!;
      // Find how far this segment's run goes, then copy its payloads in one piece: one allocation per
      // run instead of one per record (a fresh 100-byte ArrayBuffer costs ~0.8 us; a view ~30 ns).
      const stop = Math.min(seg.count, begin + left);
      let end = stop;
      let at = ends[stop - 1]!;
      if (at - base > budget) {
        // Over the byte budget: find the last record that fits (at least one when nothing was read yet).
        end = begin;
        at = base;
        while (end < stop) {
          const next = ends[end]!;
          if (next - at > budget && (left < limit || end > begin)) break;
          budget -= next - at;
          at = next;
          end++;
        }
      } else {
        budget -= at - base;
      }
      runs.push({
        first: index,
        count: end - begin,
        keys: seg.keys,
        arrivals: seg.arrivals,
        ends,
        at: begin,
        // Copied from the slab's buffer: no intermediate view, nor its species lookup.
        bytes: this.#sizeOnly
          ? prefixedBuffer(seg, begin, end, base, at)
          : seg.bytes.buffer.slice(seg.bytes.byteOffset + base, seg.bytes.byteOffset + at),
        base,
      });
      index += end - begin;
      left -= end - begin;
      if (end < stop) break;
    }
    return index;
  }

  /**
   * Whether the oldest stored segment holds only records that arrived at or before `ms`, so dropping the
   * records up to `ms` would release memory. O(1): readers ask before searching.
   */
  hasWholeSegmentThrough(ms: number): boolean {
    const oldest = this.#segments[0];
    return oldest !== undefined && oldest.count > 0 && oldest.arrivals[oldest.count - 1]! <= ms;
  }

  /** Releases every whole segment that lies entirely before `index`; never copies retained records. */
  dropBefore(index: number): void {
    let n = 0;
    while (n < this.#segments.length && this.#segments[n]!.last <= index) {
      this.#payloadBytes -= this.#segments[n]!.used;
      n++;
    }
    if (n === 0) return;
    if (n === this.#segments.length && this.#tail !== undefined) {
      this.#nextSlabBytes = this.#tail.nextSlabBytes();
      this.#tail = undefined;
    }
    this.#segments.splice(0, n);
  }

  /** The log's whole state, for snapshots. The segments are the log's own: read them, never change them. */
  exportState(): ShardLogState {
    return { payloads: this.payloads, length: this.#length, nextSlabBytes: this.#nextSlabBytes, segments: this.#segments };
  }

  /** Makes an empty log hold `state` (from exportState, rebuilt by a snapshot reader); the log owns its arrays from then on. */
  restoreState(state: ShardLogState): void {
    assert(this.#length === 0 && this.#segments.length === 0, 'restoreState on a log that holds records');
    assert(state.payloads === this.payloads, `restoreState of a ${state.payloads} log into a ${this.payloads} one`);
    let payloadBytes = 0;
    for (const s of state.segments) {
      const seg = new Segment(s.first, 0, 0);
      seg.count = s.count;
      seg.used = s.used;
      seg.keys = s.keys;
      seg.ends = s.ends;
      seg.arrivals = s.arrivals;
      seg.bytes = s.bytes;
      this.#segments.push(seg);
      payloadBytes += s.used;
    }
    this.#tail = this.#segments[this.#segments.length - 1];
    this.#length = state.length;
    this.#nextSlabBytes = state.nextSlabBytes;
    this.#payloadBytes = payloadBytes;
  }

  #segmentPosition(index: number): number {
    const segs = this.#segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.first <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  #segmentOf(index: number): Segment | undefined {
    const seg = this.#segments[this.#segmentPosition(index)];
    return seg !== undefined && index >= seg.first && index < seg.last ? seg : undefined;
  }

  #firstWhere(ms: number, strictly: boolean): number {
    const segs = this.#segments;
    const past = (t: number) => (strictly ? t > ms : t >= ms);
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const seg = segs[mid]!;
      if (past(seg.arrivals[seg.count - 1]!)) hi = mid;
      else lo = mid + 1;
    }
    const seg = segs[lo];
    if (seg === undefined) return this.#length;
    let a = 0;
    let b = seg.count - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (past(seg.arrivals[mid]!)) b = mid;
      else a = mid + 1;
    }
    return seg.first + a;
  }
}

/**
 * The payloads of a size-only segment's records [begin, end) for one read: a new zero-filled buffer of their real
 * sizes (offsets base..at of the segment's end offsets), each record's kept prefix written at its start.
 */
function prefixedBuffer(seg: Segment, begin: number, end: number, base: number, at: number): ArrayBuffer {
  const buffer = new ArrayBuffer(at - base);
  const out = new Uint8Array(buffer);
  const prefixes = seg.bytes;
  const ends = seg.ends;
  let start = 0;
  for (let j = begin; j < end; j++) {
    const stop = ends[j]! - base;
    const kept = stop - start < PREFIX_BYTES ? stop - start : PREFIX_BYTES;
    const from = j * PREFIX_BYTES;
    for (let k = 0; k < kept; k++) out[start + k] = prefixes[from + k]!;
    start = stop;
  }
  return buffer;
}
