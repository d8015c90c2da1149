// The record section of a snapshot: each stored segment of a shard log as raw bytes, copied in bulk, then the
// byte arrays of channel deliveries (bodies, record data) back to back, their lengths in the document.
//
// Per segment, in this order (little-endian, no padding):
//   ends       count x u32    payload end offsets
//   arrivals   count x f64    arrival times (epoch ms)
//   key refs   count x u16    (u32 when the segment's key table has more than 65536 keys) index into the key table
//   payload    used bytes     the records' data, back to back (a size-only log: count x 8 bytes, each record's
//                             kept prefix, zero-padded; `used` is then the sum of the records' sizes)
//   key table  tableBytes     UTF-8 JSON array of the segment's distinct partition keys, in first-use order
//                             (null for a record stored without one)
// The segment's descriptor in the document gives count, used, the array capacities and tableBytes.
// Partition keys go through JSON because it round-trips every UTF-16 string (lone surrogates included) and
// the runtime's parser builds strings faster than a JavaScript loop; deduplicating per segment keeps a
// snapshot of a few hot keys small without a table the size of the whole log.

import { decodeUtf8 } from '../encoding/utf8-decode.js';
import { encodeUtf8Into, utf8ByteLength } from '../encoding/utf8.js';
import { PREFIX_BYTES, type RecordPayloads, type SegmentState, type ShardLogState } from '../model/shard-log.js';
import { SnapshotError } from './snapshot-error.js';

/**
 * A segment's descriptor in the document: [first, count, used, recordCapacity, keysLength, bytesCapacity,
 * refBytes, tableBytes]. The capacities are kept so the restored log starts its next segment where the
 * original would.
 */
export type SegmentDescriptor = [number, number, number, number, number, number, number, number];

// Far above what a shard log makes (8192 records; a slab holds at most one 10 MiB record or 1 MiB of small ones):
// a descriptor beyond them is malformed, and is refused before anything that size is allocated.
const MAX_SEGMENT_RECORDS = 1 << 20;
const MAX_SEGMENT_BYTES = 1 << 26;

/** A segment ready to write: its state, its key refs, the size of its key table and of its payload bytes. */
export interface SegmentPlan {
  readonly segment: SegmentState;
  readonly refs: Uint16Array | Uint32Array;
  readonly tableBytes: number;
  /** Bytes of payload written: `used`, or count x PREFIX_BYTES for a size-only log. */
  readonly payloadBytes: number;
}

/** The payload bytes a segment of `count` records and `used` bytes of data keeps, by its log's mode. */
function keptBytes(payloads: RecordPayloads, count: number, used: number): number {
  return payloads === 'size-only' ? count * PREFIX_BYTES : used;
}

/** Assigns each record of `segment` its key's place in the segment's table of distinct keys. */
export function planSegment(segment: SegmentState, payloads: RecordPayloads = 'copy'): SegmentPlan {
  const { count, keys } = segment;
  const refs = count <= 65536 ? new Uint16Array(count) : new Uint32Array(count);
  const index = new Map<string | undefined, number>();
  const distinct: (string | undefined)[] = [];
  // No key equals this, not even the undefined of a record stored without one.
  let lastKey: unknown = index;
  let lastRef = 0;
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    if (key !== lastKey) {
      let ref = index.get(key);
      if (ref === undefined) {
        ref = distinct.length;
        index.set(key, ref);
        distinct.push(key);
      }
      lastKey = key;
      lastRef = ref;
    }
    refs[i] = lastRef;
  }
  return { segment, refs, tableBytes: utf8ByteLength(JSON.stringify(distinct)), payloadBytes: keptBytes(payloads, count, segment.used) };
}

/** The descriptor of a planned segment. */
export function describeSegment(plan: SegmentPlan): SegmentDescriptor {
  const s = plan.segment;
  return [s.first, s.count, s.used, s.ends.length, s.keys.length, s.bytes.length, plan.refs.BYTES_PER_ELEMENT, plan.tableBytes];
}

/** Bytes a planned segment takes in the record section. */
export function segmentBytes(plan: SegmentPlan): number {
  const count = plan.segment.count;
  return count * 12 + count * plan.refs.BYTES_PER_ELEMENT + plan.payloadBytes + plan.tableBytes;
}

/** Writes a planned segment at `offset` of `out`; returns the offset after it. */
export function writeSegment(out: Uint8Array, offset: number, plan: SegmentPlan): number {
  const { segment, refs } = plan;
  const count = segment.count;
  let p = offset;
  out.set(new Uint8Array(segment.ends.buffer, segment.ends.byteOffset, count * 4), p);
  p += count * 4;
  out.set(new Uint8Array(segment.arrivals.buffer, segment.arrivals.byteOffset, count * 8), p);
  p += count * 8;
  out.set(new Uint8Array(refs.buffer, refs.byteOffset, refs.byteLength), p);
  p += refs.byteLength;
  out.set(segment.bytes.subarray(0, plan.payloadBytes), p);
  p += plan.payloadBytes;
  // Refs were given in first-use order, so the distinct keys come back in table order in one pass.
  const distinct: (string | undefined)[] = [];
  for (let i = 0; i < count; i++) if (refs[i] === distinct.length) distinct.push(segment.keys[i]);
  const written = encodeUtf8Into(JSON.stringify(distinct), out, p);
  if (written !== plan.tableBytes) throw new SnapshotError(`key table of ${written} bytes, ${plan.tableBytes} planned`);
  return p + written;
}

/** Reads segments in order from the record section. */
export class SegmentReader {
  #offset: number;

  constructor(readonly bytes: Uint8Array, offset: number, readonly end: number) {
    this.#offset = offset;
  }

  get offset(): number {
    return this.#offset;
  }

  /** The segment `descriptor` describes (of a log in mode `payloads`), its arrays allocated at their original capacities. */
  read(descriptor: SegmentDescriptor, where: string, payloads: RecordPayloads = 'copy'): SegmentState {
    const [first, count, used, recordCapacity, keysLength, bytesCapacity, refBytes, tableBytes] = descriptor;
    const kept = keptBytes(payloads, count, used);
    const sane = recordCapacity <= MAX_SEGMENT_RECORDS && keysLength <= MAX_SEGMENT_RECORDS && bytesCapacity <= MAX_SEGMENT_BYTES;
    if (!sane || count > recordCapacity || count > keysLength || kept > bytesCapacity || (refBytes !== 2 && refBytes !== 4)) {
      throw new SnapshotError(`malformed snapshot: ${where} has inconsistent sizes`);
    }
    const ends = new Uint32Array(recordCapacity);
    new Uint8Array(ends.buffer).set(this.#take(count * 4, where));
    const arrivals = new Float64Array(recordCapacity);
    new Uint8Array(arrivals.buffer).set(this.#take(count * 8, where));
    const refs = refBytes === 2 ? new Uint16Array(count) : new Uint32Array(count);
    new Uint8Array(refs.buffer).set(this.#take(count * refBytes, where));
    const bytes = new Uint8Array(bytesCapacity);
    bytes.set(this.#take(kept, where));
    const table = parseKeyTable(this.#take(tableBytes, where), where);
    const keys = new Array<string>(keysLength);
    for (let i = 0; i < count; i++) {
      const ref = refs[i]!;
      if (ref >= table.length) throw new SnapshotError(`malformed snapshot: ${where} refers to a key it does not have`);
      keys[i] = table[ref]!;
    }
    if (count > 0 && ends[count - 1] !== used) throw new SnapshotError(`malformed snapshot: ${where} payload offsets do not add up`);
    return { first, count, used, keys, ends, arrivals, bytes };
  }

  /** The next `length` bytes of the section, as an array of their own. */
  blob(length: number, where: string): Uint8Array {
    if (!Number.isSafeInteger(length) || length < 0) throw new SnapshotError(`malformed snapshot: ${where} has no valid length`);
    return this.#take(length, where).slice();
  }

  #take(n: number, where: string): Uint8Array {
    const start = this.#offset;
    if (start + n > this.end) throw new SnapshotError(`malformed snapshot: ${where} runs past the record section`);
    this.#offset = start + n;
    return this.bytes.subarray(start, start + n);
  }
}

function parseKeyTable(bytes: Uint8Array, where: string): string[] {
  const text = decodeUtf8(bytes);
  let table: unknown;
  try {
    table = text === undefined ? undefined : JSON.parse(text);
  } catch {
    table = undefined;
  }
  if (!Array.isArray(table) || !table.every((k) => typeof k === 'string' || k === null)) {
    throw new SnapshotError(`malformed snapshot: ${where} has no valid key table`);
  }
  // A record without a partition key (AUTO distribution) is stored with an undefined key, written as null.
  return table.map((k: string | null) => k ?? undefined) as string[];
}

/** The plans of every segment a log stores, oldest first. */
export function planLog(log: ShardLogState): SegmentPlan[] {
  return log.segments.map((segment) => planSegment(segment, log.payloads));
}
