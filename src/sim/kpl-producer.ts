// A producer that behaves like the Kinesis Producer Library: user records are aggregated per predicted
// shard (KPL's own shard map, from ListShards) into KPL aggregated records of at most aggregationMaxBytes,
// flushed after RecordMaxBufferedTime (lingerMs), collected into PutRecords calls, retried when throttled
// and expired after RecordTtl. An aggregate is routed by its first record's hash key, so after a reshard
// its other records may belong to another shard: KPL sends those again and counts the rest delivered (its
// Retrier), but KCL discards such an aggregate whole, so the summary counts the rest lost at the consumer.
//
// KPL concepts and defaults: https://docs.aws.amazon.com/streams/latest/dev/kinesis-kpl-concepts.html and
// KinesisProducerConfiguration (AggregationMaxSize 51200, CollectionMaxCount 500, CollectionMaxSize 5 MiB,
// RecordMaxBufferedTime 100 ms, RecordTtl 30000 ms).

import { KinesisError, aggregateRecords, hashKeyOf, type PutRecordsOutput, type PutRecordsRequestEntry } from '../index.js';
import { KeyCounts } from './key-counts.js';
import { Prng } from './prng.js';
import { RecordQueue } from './record-queue.js';
import type { ResolvedProducer } from './scenario.js';
import { PayloadWriter } from './payload.js';
import { COLLECTION_MAX_BYTES, shardIdInMessage } from './sdk-producer.js';
import { ShardMap } from './shard-map.js';
import { DROPPED, PRODUCED, RETRIES, THROTTLED, type SimContext } from './sim-context.js';
import type { TraceEvent } from './trace.js';
import { Workload } from './workload.js';

/** KPL's framing around the protobuf: 4 magic bytes and a 16-byte MD5. */
const AGGREGATE_FRAMING_BYTES = 20;
/** Protobuf overhead of one user record in the aggregate: tags, lengths, the key index (an upper bound). */
const PER_RECORD_OVERHEAD_BYTES = 12;

interface Aggregate {
  entry: PutRecordsRequestEntry;
  users: RecordQueue;
  predictedShardId: string;
  attempts: number;
  dueMs: number;
}

/** User records gathering for one predicted shard. */
interface Gathering {
  users: RecordQueue;
  sizeBytes: number;
  keys: Set<number>;
}

export class KplProducer {
  readonly workload: Workload;
  readonly keyRecords: KeyCounts;
  readonly #map: ShardMap;
  /** Predicted shard (index in the map) per key; -1 until computed for the current map. */
  readonly #keySlot: Int32Array;
  #gathering: Gathering[] = [];
  readonly #outbox: Aggregate[] = [];
  readonly #retries: Aggregate[] = [];
  readonly #prng: Prng;
  readonly #payloads = new PayloadWriter();
  readonly #emit: (key: number, bytes: number, createdMs: number) => void;
  #made = 0;

  constructor(
    private readonly ctx: SimContext,
    readonly spec: ResolvedProducer,
    readonly keyOffset: number,
    index: number,
    events: readonly TraceEvent[] | undefined,
  ) {
    this.workload = new Workload(spec, new Prng(ctx.scenario.seed, 100 + index), ctx.scenario.durationSeconds, events);
    this.#prng = new Prng(ctx.scenario.seed, 200 + index);
    this.keyRecords = new KeyCounts(this.workload.keys.count);
    this.#keySlot = new Int32Array(this.workload.keys.count);
    this.#map = new ShardMap(ctx.kinesis, ctx.streamName);
    this.#refresh();
    this.#emit = (key, bytes, createdMs) => {
      this.keyRecords.add(key);
      this.#made++;
      this.#add(key, bytes, ctx.nextSerial(), createdMs);
    };
  }

  /** User records gathering, in the outbox or waiting to retry. */
  get unsent(): number {
    let n = 0;
    for (const g of this.#gathering) n += g.users.length;
    for (const a of this.#outbox) n += a.users.length;
    for (const a of this.#retries) n += a.users.length;
    return n;
  }

  get idle(): boolean {
    return this.#outbox.length === 0 && this.#retries.length === 0 && this.#gathering.every((g) => g.users.length === 0);
  }

  step(fromMs: number, toMs: number, nowMs: number, draining: boolean): void {
    const ctx = this.ctx;
    if (fromMs < toMs) {
      this.#made = 0;
      this.workload.arrivals(fromMs, toMs, this.#emit);
      ctx.totals.recordsProduced += this.#made;
      if (this.#made > 0) ctx.count(PRODUCED, this.#made);
    }
    const lingerMs = this.spec.batch.lingerMs;
    for (let slot = 0; slot < this.#gathering.length; slot++) {
      const g = this.#gathering[slot]!;
      if (g.users.length > 0 && (draining || nowMs - g.users.createdMs[g.users.head]! >= lingerMs)) this.#close(slot);
    }
    while (this.#retries.length > 0 && this.#retries[0]!.dueMs <= nowMs) {
      const a = this.#retries.shift()!;
      ctx.totals.retries += a.users.length;
      ctx.count(RETRIES, a.users.length);
      this.#outbox.push(a);
    }
    this.#sendOutbox(nowMs);
  }

  #refresh(): void {
    this.#map.refresh();
    this.#keySlot.fill(-1);
    const old = this.#gathering;
    this.#gathering = this.#map.shards.map(() => ({ users: new RecordQueue(64), sizeBytes: AGGREGATE_FRAMING_BYTES, keys: new Set<number>() }));
    // Records gathered under the old map are regathered under the new one.
    for (const g of old) for (let i = g.users.head; i < g.users.tail; i++) {
      this.#add(g.users.key[i]!, g.users.bytes[i]!, g.users.serial[i]!, g.users.createdMs[i]!);
    }
  }

  #slotOf(key: number): number {
    let slot = this.#keySlot[key]!;
    if (slot < 0) {
      slot = this.#map.indexOf(hashKeyOf(this.workload.keys.name(key)));
      this.#keySlot[key] = slot;
    }
    return slot;
  }

  #add(key: number, bytes: number, serial: number, createdMs: number): void {
    const slot = this.#slotOf(key);
    let g = this.#gathering[slot]!;
    const { aggregationMaxBytes, aggregationMaxCount } = this.spec.kpl;
    if (g.users.length > 0 && (g.sizeBytes + this.#growth(g, key, bytes) > aggregationMaxBytes || g.users.length >= aggregationMaxCount)) {
      this.#close(slot);
      g = this.#gathering[slot]!;
    }
    g.sizeBytes += this.#growth(g, key, bytes);
    g.users.push(key, bytes, serial, createdMs, 0);
    g.keys.add(key);
  }

  /** How much one more record grows an aggregate: its data and framing, and its key the first time. */
  #growth(g: Gathering, key: number, bytes: number): number {
    return bytes + PER_RECORD_OVERHEAD_BYTES + (g.keys.has(key) ? 0 : this.workload.keys.name(key).length + 3);
  }

  /** Turns the records gathered for `slot` into one Kinesis record in the outbox. */
  #close(slot: number): void {
    const g = this.#gathering[slot]!;
    const users = g.users;
    const names = this.workload.keys;
    const payloads = this.#payloads;
    payloads.begin();
    let entry: PutRecordsRequestEntry;
    if (users.length === 1) {
      // KPL sends a lone user record as a plain Kinesis record (copied: the scratch buffer is reused).
      entry = { PartitionKey: names.name(users.key[users.head]!), Data: payloads.next(users.bytes[users.head]!, users.serial[users.head]!).slice() };
    } else {
      const inner = [];
      for (let i = users.head; i < users.tail; i++) inner.push({ PartitionKey: names.name(users.key[i]!), Data: payloads.next(users.bytes[i]!, users.serial[i]!) });
      entry = aggregateRecords(inner);
    }
    this.#outbox.push({ entry, users, predictedShardId: this.#map.shards[slot]!.shardId, attempts: 0, dueMs: 0 });
    this.#gathering[slot] = { users: new RecordQueue(64), sizeBytes: AGGREGATE_FRAMING_BYTES, keys: new Set<number>() };
  }

  #sendOutbox(nowMs: number): void {
    const ttlMs = this.spec.kpl.recordTtlMs;
    const outbox = this.#outbox.splice(0).filter((a) => {
      if (nowMs - a.users.createdMs[a.users.head]! <= ttlMs) return true;
      this.#drop(a.users.length);
      return false;
    });
    const max = this.spec.batch.maxRecords;
    let at = 0;
    while (at < outbox.length) {
      const call: Aggregate[] = [];
      let bytes = 0;
      while (at < outbox.length && call.length < max) {
        const size = outbox[at]!.entry.Data.length;
        if (call.length > 0 && bytes + size > COLLECTION_MAX_BYTES) break;
        bytes += size;
        call.push(outbox[at++]!);
      }
      this.#put(call, nowMs);
    }
  }

  #put(call: Aggregate[], nowMs: number): void {
    const ctx = this.ctx;
    ctx.totals.putRecordsCalls++;
    let out: PutRecordsOutput;
    try {
      out = ctx.kinesis.putRecords({ StreamName: ctx.streamName, Records: call.map((a) => a.entry) });
    } catch (e) {
      if (!(e instanceof KinesisError)) throw e;
      ctx.error(e.name);
      for (const a of call) this.#drop(a.users.length);
      return;
    }
    let refreshed = false;
    out.Records.forEach((r, j) => {
      const a = call[j]!;
      if (r.SequenceNumber === undefined) {
        this.#throttled(a, this.ctx.countShardThrottles ? shardIdInMessage(r.ErrorMessage) : undefined, nowMs);
        return;
      }
      if (r.ShardId === a.predictedShardId || a.users.length === 1) {
        this.#stored(a, r.ShardId!, r.SequenceNumber, undefined);
        if (r.ShardId !== a.predictedShardId && !refreshed) refreshed = this.#refreshed();
        return;
      }
      // "Wrong shard": the stream was resharded since the aggregate was made. Like KPL, fetch the map again
      // and send again the user records the landing shard does not own (KCL discards those copies).
      if (!refreshed) refreshed = this.#refreshed();
      const landed = this.#map.shards.find((x) => x.shardId === r.ShardId);
      const owns = (key: number) => {
        const h = hashKeyOf(this.workload.keys.name(key));
        return landed !== undefined && h >= landed.start && h <= landed.end;
      };
      this.#stored(a, r.ShardId!, r.SequenceNumber, owns);
    });
  }

  #refreshed(): true {
    this.#refresh();
    return true;
  }

  /** Books an aggregate stored in `shardId`; user records `owns` rejects are sent again instead. */
  #stored(a: Aggregate, shardId: string, seq: string, owns: ((key: number) => boolean) | undefined): void {
    const ctx = this.ctx;
    const s = ctx.shard(shardId);
    const users = a.users;
    const aggregated = users.length > 1;
    const track = ctx.scenario.consumers.length > 0;
    let resent = 0;
    for (let i = users.head, sub = 0; i < users.tail; i++, sub++) {
      if (owns !== undefined && !owns(users.key[i]!)) {
        this.#add(users.key[i]!, users.bytes[i]!, users.serial[i]!, users.createdMs[i]!);
        resent++;
        continue;
      }
      if (track) s.pending.push(seq, aggregated ? sub : 0, this.keyOffset + users.key[i]!, users.serial[i]!, users.createdMs[i]!);
    }
    ctx.stored(s, a.entry.Data.length);
    if (ctx.rememberKeys) s.remember(`=${a.entry.ExplicitHashKey ?? hashKeyOf(a.entry.PartitionKey!).toString()}`);
    ctx.totals.recordsAcknowledged += users.length - resent;
    if (resent > 0) {
      ctx.totals.retries += resent;
      ctx.count(RETRIES, resent);
    }
  }

  #throttled(a: Aggregate, shardId: string | undefined, nowMs: number): void {
    const ctx = this.ctx;
    if (shardId !== undefined) {
      const s = ctx.shard(shardId);
      s.windowThrottled++;
    }
    ctx.totals.recordsThrottled += a.users.length;
    ctx.count(THROTTLED, a.users.length);
    a.attempts++;
    const { maxAttempts, baseDelayMs, maxDelayMs } = this.spec.retry;
    if (a.attempts >= maxAttempts) {
      this.#drop(a.users.length);
      return;
    }
    a.dueMs = nowMs + this.#prng.float() * Math.min(maxDelayMs, baseDelayMs * 2 ** a.attempts);
    let at = this.#retries.length;
    while (at > 0 && this.#retries[at - 1]!.dueMs > a.dueMs) at--;
    this.#retries.splice(at, 0, a);
  }

  #drop(n: number): void {
    this.ctx.totals.recordsDropped += n;
    this.ctx.count(DROPPED, n);
  }
}
