// The proto2 wire format of KPL's three messages (AggregatedRecord, Record, Tag), with no protobuf library.
// Decoding follows protobuf-java, the parser KCL runs: what it rejects, this rejects.

import { encodeUtf8Into, utf8ByteLength } from '../encoding/utf8.js';
import { decodeUtf8Lenient } from '../encoding/utf8-decode.js';

/** `message Tag { required string key = 1; optional string value = 2; }` */
export interface TagMessage {
  key: string;
  value?: string;
}

/** `message Record { required uint64 partition_key_index = 1; optional uint64 explicit_hash_key_index = 2; required bytes data = 3; repeated Tag tags = 4; }` */
export interface RecordMessage {
  partitionKeyIndex: bigint;
  explicitHashKeyIndex?: bigint;
  data: Uint8Array;
  tags: TagMessage[];
}

/** `message AggregatedRecord { repeated string partition_key_table = 1; repeated string explicit_hash_key_table = 2; repeated Record records = 3; }` */
export interface AggregatedRecordMessage {
  partitionKeyTable: string[];
  explicitHashKeyTable: string[];
  records: RecordMessage[];
}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const START_GROUP = 3;
const END_GROUP = 4;
const FIXED32 = 5;

// protobuf-java's default recursion limit; it also keeps hostile nesting from overflowing the stack.
const MAX_DEPTH = 100;

// ---------------------------------------------------------------------------------------------- encoding

/** The bytes of `value` as a protobuf varint. */
export function varintSize(value: number | bigint): number {
  let size = 1;
  if (typeof value === 'number') {
    for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) size++;
    return size;
  }
  for (let v = value; v >= 0x80n; v >>= 7n) size++;
  return size;
}

/** The bytes of a string field: key, length varint, UTF-8 bytes. */
export function stringFieldSize(s: string): number {
  const n = utf8ByteLength(s);
  return 1 + varintSize(n) + n;
}

function tagSize(tag: TagMessage): number {
  return stringFieldSize(tag.key) + (tag.value === undefined ? 0 : stringFieldSize(tag.value));
}

function recordSize(record: RecordMessage): number {
  let size = 1 + varintSize(record.partitionKeyIndex);
  if (record.explicitHashKeyIndex !== undefined) size += 1 + varintSize(record.explicitHashKeyIndex);
  size += 1 + varintSize(record.data.length) + record.data.length;
  for (const tag of record.tags) {
    const n = tagSize(tag);
    size += 1 + varintSize(n) + n;
  }
  return size;
}

/** The encoded size of `message` in bytes. */
export function aggregatedRecordSize(message: AggregatedRecordMessage): number {
  let size = 0;
  for (const key of message.partitionKeyTable) size += stringFieldSize(key);
  for (const key of message.explicitHashKeyTable) size += stringFieldSize(key);
  for (const record of message.records) {
    const n = recordSize(record);
    size += 1 + varintSize(n) + n;
  }
  return size;
}

class Writer {
  constructor(
    readonly out: Uint8Array,
    public pos: number,
  ) {}

  varint(value: number | bigint): void {
    if (typeof value === 'number') {
      let v = value;
      for (; v >= 0x80; v = Math.floor(v / 0x80)) this.out[this.pos++] = (v % 0x80) | 0x80;
      this.out[this.pos++] = v;
      return;
    }
    let v = value;
    for (; v >= 0x80n; v >>= 7n) this.out[this.pos++] = Number(v & 0x7fn) | 0x80;
    this.out[this.pos++] = Number(v);
  }

  key(field: number, wireType: number): void {
    this.varint((field << 3) | wireType);
  }

  string(field: number, s: string): void {
    this.key(field, LENGTH_DELIMITED);
    this.varint(utf8ByteLength(s));
    this.pos += encodeUtf8Into(s, this.out, this.pos);
  }

  bytes(field: number, b: Uint8Array): void {
    this.key(field, LENGTH_DELIMITED);
    this.varint(b.length);
    this.out.set(b, this.pos);
    this.pos += b.length;
  }
}

function writeRecord(w: Writer, record: RecordMessage): void {
  w.key(1, VARINT);
  w.varint(record.partitionKeyIndex);
  if (record.explicitHashKeyIndex !== undefined) {
    w.key(2, VARINT);
    w.varint(record.explicitHashKeyIndex);
  }
  w.bytes(3, record.data);
  for (const tag of record.tags) {
    w.key(4, LENGTH_DELIMITED);
    w.varint(tagSize(tag));
    w.string(1, tag.key);
    if (tag.value !== undefined) w.string(2, tag.value);
  }
}

/**
 * Writes `message` into `out` at `offset` (room for `aggregatedRecordSize(message)` bytes) in field-number
 * order, as protobuf serializers do, and returns the offset after it.
 */
export function writeAggregatedRecord(message: AggregatedRecordMessage, out: Uint8Array, offset: number): number {
  const w = new Writer(out, offset);
  for (const key of message.partitionKeyTable) w.string(1, key);
  for (const key of message.explicitHashKeyTable) w.string(2, key);
  for (const record of message.records) {
    w.key(3, LENGTH_DELIMITED);
    w.varint(recordSize(record));
    writeRecord(w, record);
  }
  return w.pos;
}

/** The proto2 encoding of `message`. */
export function encodeAggregatedRecord(message: AggregatedRecordMessage): Uint8Array {
  const out = new Uint8Array(aggregatedRecordSize(message));
  writeAggregatedRecord(message, out, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------- decoding

/** Thrown inside the decoder for input protobuf-java would reject; never escapes this module. */
class Malformed extends Error {}

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    public limit: number,
  ) {}

  done(): boolean {
    return this.pos >= this.limit;
  }

  /** A uint64 varint; protobuf-java accepts at most 10 bytes and drops bits past the 64th. */
  varint64(): bigint {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.limit) throw new Malformed('truncated varint');
      const b = this.bytes[this.pos++]!;
      value |= BigInt(b & 0x7f) << BigInt(7 * i);
      if (b < 0x80) return BigInt.asUintN(64, value);
    }
    throw new Malformed('malformed varint');
  }

  /** protobuf-java's readRawVarint32: any varint, cut to its low 32 bits as a signed int. */
  int32(): number {
    // One to four bytes (values below 2^28) are the whole story for tags and lengths in practice.
    let value = 0;
    for (let i = 0; i < 4 && this.pos + i < this.limit; i++) {
      const b = this.bytes[this.pos + i]!;
      value |= (b & 0x7f) << (7 * i);
      if (b < 0x80) {
        this.pos += i + 1;
        return value;
      }
    }
    return Number(BigInt.asIntN(32, this.varint64()));
  }

  /** A length prefix followed by that many bytes, returned as [start, end). */
  span(): [number, number] {
    const length = this.int32();
    if (length < 0) throw new Malformed('negative size');
    if (length > this.limit - this.pos) throw new Malformed('truncated message');
    const start = this.pos;
    this.pos += length;
    return [start, this.pos];
  }

  skip(count: number): void {
    if (count > this.limit - this.pos) throw new Malformed('truncated message');
    this.pos += count;
  }

  /** The next field key as [field number, wire type]. */
  key(): [number, number] {
    const tag = this.int32();
    if (tag >>> 3 === 0) throw new Malformed('invalid tag');
    return [tag >>> 3, tag & 7];
  }

  /** Skips one unknown field; an END_GROUP key here means the message ended early, which is an error. */
  skipField(field: number, wireType: number, depth: number): void {
    switch (wireType) {
      case VARINT:
        this.varint64();
        return;
      case FIXED64:
        this.skip(8);
        return;
      case LENGTH_DELIMITED:
        this.span();
        return;
      case START_GROUP:
        this.skipGroup(field, depth + 1);
        return;
      case FIXED32:
        this.skip(4);
        return;
      default:
        throw new Malformed(wireType === END_GROUP ? 'unexpected end group' : 'invalid wire type');
    }
  }

  private skipGroup(field: number, depth: number): void {
    if (depth > MAX_DEPTH) throw new Malformed('nested too deeply');
    for (;;) {
      if (this.done()) throw new Malformed('truncated group');
      const [inner, wireType] = this.key();
      if (wireType === END_GROUP) {
        if (inner !== field) throw new Malformed('mismatched end group');
        return;
      }
      this.skipField(inner, wireType, depth);
    }
  }

  string(): string {
    const [start, end] = this.span();
    return decodeUtf8Lenient(this.bytes.subarray(start, end));
  }

  /** A sub-reader over an embedded message, positioned after it. */
  message(): Reader {
    const [start, end] = this.span();
    return new Reader(this.bytes, start, end);
  }
}

function readTag(r: Reader): TagMessage {
  let key: string | undefined;
  let value: string | undefined;
  while (!r.done()) {
    const [field, wireType] = r.key();
    // A known field number with an unexpected wire type is an unknown field to protobuf-java.
    if (field === 1 && wireType === LENGTH_DELIMITED) key = r.string();
    else if (field === 2 && wireType === LENGTH_DELIMITED) value = r.string();
    else r.skipField(field, wireType, 0);
  }
  if (key === undefined) throw new Malformed('Tag.key missing');
  return value === undefined ? { key } : { key, value };
}

function readRecord(r: Reader): RecordMessage {
  let partitionKeyIndex: bigint | undefined;
  let explicitHashKeyIndex: bigint | undefined;
  let data: Uint8Array | undefined;
  const tags: TagMessage[] = [];
  while (!r.done()) {
    const [field, wireType] = r.key();
    if (field === 1 && wireType === VARINT) partitionKeyIndex = r.varint64();
    else if (field === 2 && wireType === VARINT) explicitHashKeyIndex = r.varint64();
    else if (field === 3 && wireType === LENGTH_DELIMITED) {
      const [start, end] = r.span();
      data = r.bytes.slice(start, end);
    } else if (field === 4 && wireType === LENGTH_DELIMITED) tags.push(readTag(r.message()));
    else r.skipField(field, wireType, 0);
  }
  // proto2 `required`: protobuf-java refuses a message that lacks one.
  if (partitionKeyIndex === undefined) throw new Malformed('Record.partition_key_index missing');
  if (data === undefined) throw new Malformed('Record.data missing');
  const record: RecordMessage = { partitionKeyIndex, data, tags };
  if (explicitHashKeyIndex !== undefined) record.explicitHashKeyIndex = explicitHashKeyIndex;
  return record;
}

/**
 * Parses an AggregatedRecord, skipping unknown fields; undefined where protobuf-java would throw
 * InvalidProtocolBufferException (truncation, bad varint or wire type, a missing required field).
 * Strings decode leniently (malformed UTF-8 becomes U+FFFD), as proto2 strings do in Java.
 */
export function decodeAggregatedRecord(bytes: Uint8Array): AggregatedRecordMessage | undefined {
  const r = new Reader(bytes, 0, bytes.length);
  const message: AggregatedRecordMessage = { partitionKeyTable: [], explicitHashKeyTable: [], records: [] };
  try {
    while (!r.done()) {
      const [field, wireType] = r.key();
      if (field === 1 && wireType === LENGTH_DELIMITED) message.partitionKeyTable.push(r.string());
      else if (field === 2 && wireType === LENGTH_DELIMITED) message.explicitHashKeyTable.push(r.string());
      else if (field === 3 && wireType === LENGTH_DELIMITED) message.records.push(readRecord(r.message()));
      else r.skipField(field, wireType, 0);
    }
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
  return message;
}
