// A producer that batches with PutRecords the way an application on the AWS SDK does: a batch goes when it
// holds maxRecords or its oldest record has waited lingerMs; the entries of a partially failed call are
// resent (only those) after an exponential backoff with full jitter; after maxAttempts a record is dropped.
// A thrown throttling error is retried for the whole call, as the SDK's standard retry strategy does.
//
// Backoff with full jitter: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ and
// the SDKs' standard retry mode (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).

import { KinesisError, type PutRecordsOutput, type PutRecordsRequestEntry } from '../index.js';
import { createStrategy, fillEntry, type PartitionStrategy } from './partition-strategy.js';
import { KeyCounts } from './key-counts.js';
import { PayloadWriter } from './payload.js';
import { Prng } from './prng.js';
import { RecordQueue } from './record-queue.js';
import type { ResolvedProducer } from './scenario.js';
import { ShardMap } from './shard-map.js';
import type { ShardState } from './shard-state.js';
import { DROPPED, PRODUCED, RETRIES, THROTTLED, type SimContext } from './sim-context.js';
import { Workload } from './workload.js';
import type { TraceEvent } from './trace.js';

/** KPL's CollectionMaxSize: bytes per PutRecords call (AWS's request cap is larger; this keeps clear of it). */
export const COLLECTION_MAX_BYTES = 5 * 1024 * 1024;
/** Errors the AWS SDKs retry as throttling (whole call). */
const EMPTY = new Uint8Array(0);
const THROTTLING_ERRORS = new Set(['ProvisionedThroughputExceededException', 'LimitExceededException', 'ThrottlingException']);

/** The ID of the shard named in a per-entry throttling message ("Rate exceeded for shard shardId-... in ..."). */
export function shardIdInMessage(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const at = message.indexOf('shardId-');
  if (at < 0) return undefined;
  const end = message.indexOf(' ', at);
  return message.slice(at, end < 0 ? undefined : end);
}

interface RetryBatch {
  dueMs: number;
  records: RecordQueue;
}

export class SdkProducer {
  readonly workload: Workload;
  /** Records created per key index (for the hot-key table). */
  readonly keyRecords: KeyCounts;
  readonly #buffer = new RecordQueue();
  readonly #retries: RetryBatch[] = [];
  readonly #strategy: PartitionStrategy;
  readonly #prng: Prng;
  readonly #payloads = new PayloadWriter();
  readonly #entryPool: PutRecordsRequestEntry[] = [];
  readonly #entries: PutRecordsRequestEntry[] = [];
  readonly #nextSerial: () => number;

  constructor(
    private readonly ctx: SimContext,
    readonly spec: ResolvedProducer,
    /** Added to key indexes to make them unique across producers (per-key order checks). */
    readonly keyOffset: number,
    index: number,
    events: readonly TraceEvent[] | undefined,
  ) {
    const seed = ctx.scenario.seed;
    this.workload = new Workload(spec, new Prng(seed, 100 + index), ctx.scenario.durationSeconds, events);
    this.#prng = new Prng(seed, 200 + index);
    this.keyRecords = new KeyCounts(this.workload.keys.count);
    let map: ShardMap | undefined;
    if (spec.strategy === 'explicit-spread') {
      map = new ShardMap(ctx.kinesis, ctx.streamName);
      map.refresh();
    }
    this.#strategy = createStrategy(spec.strategy as Exclude<typeof spec.strategy, 'kpl'>, this.workload.keys, seed + index, map);
    this.#nextSerial = () => ctx.nextSerial();
  }

  /** Records buffered or waiting to retry. */
  get unsent(): number {
    return this.#buffer.length + this.#retries.reduce((n, b) => n + b.records.length, 0);
  }

  /** Nothing buffered and no retry waiting. */
  get idle(): boolean {
    return this.#buffer.length === 0 && this.#retries.length === 0;
  }

  /** Takes in the records arriving in [fromMs, toMs), then sends what is due at `nowMs` (everything when `draining`). */
  step(fromMs: number, toMs: number, nowMs: number, draining: boolean): void {
    const ctx = this.ctx;
    if (fromMs < toMs) {
      const made = this.workload.arrivalsInto(fromMs, toMs, this.#buffer, this.keyRecords, this.#nextSerial);
      ctx.totals.recordsProduced += made;
      if (made > 0) ctx.count(PRODUCED, made);
    }
    const buffer = this.#buffer;
    const { maxRecords, lingerMs } = this.spec.batch;
    while (buffer.length >= maxRecords) this.#sendFrom(buffer, nowMs);
    while (buffer.length > 0 && (draining || nowMs - buffer.createdMs[buffer.head]! >= lingerMs)) this.#sendFrom(buffer, nowMs);
    while (this.#retries.length > 0 && this.#retries[0]!.dueMs <= nowMs) {
      const batch = this.#retries.shift()!;
      const n = batch.records.length;
      ctx.totals.retries += n;
      ctx.count(RETRIES, n);
      while (batch.records.length > 0) this.#sendFrom(batch.records, nowMs);
    }
  }

  /** Sends one PutRecords call from the head of `queue` (up to maxRecords and COLLECTION_MAX_BYTES). */
  #sendFrom(queue: RecordQueue, nowMs: number): void {
    const max = this.spec.batch.maxRecords;
    const head = queue.head;
    const payloads = this.#payloads;
    payloads.begin();
    // Entry objects are reused from call to call: the engine keeps no reference to a request.
    const pool = this.#entryPool;
    const entries = this.#entries;
    const strategy = this.#strategy;
    let n = 0;
    let bytes = 0;
    for (let i = head; i < queue.tail && n < max; i++, n++) {
      const b = queue.bytes[i]!;
      if (n > 0 && bytes + b > COLLECTION_MAX_BYTES) break;
      bytes += b;
      const entry = (pool[n] ??= strategy.keyless === true ? { Data: EMPTY } : { Data: EMPTY, PartitionKey: '' });
      fillEntry(entry, strategy, queue.key[i]!, queue.serial[i]!, payloads.next(b, queue.serial[i]!));
      entries[n] = entry;
    }
    entries.length = n;
    const ctx = this.ctx;
    ctx.totals.putRecordsCalls++;
    let out: PutRecordsOutput;
    try {
      out = ctx.kinesis.putRecords({ StreamName: ctx.streamName, Records: entries });
    } catch (e) {
      this.#thrown(e, queue, entries.length, nowMs);
      return;
    }
    this.#settle(out, entries, queue, nowMs);
    queue.shift(entries.length);
  }

  /** Books every entry of a PutRecords answer: stored ones to their shard, throttled ones to a retry. */
  #settle(out: PutRecordsOutput, entries: PutRecordsRequestEntry[], queue: RecordQueue, nowMs: number): void {
    const ctx = this.ctx;
    const results = out.Records;
    const keyOffset = this.keyOffset;
    const remember = ctx.rememberKeys;
    const landed = this.#strategy.landed;
    const track = ctx.scenario.consumers.length > 0;
    const keepSeq = ctx.keepSequenceNumbers;
    let failed: RecordQueue | undefined;
    let lastId: string | undefined;
    let s = undefined as unknown as ShardState;
    for (let j = 0; j < results.length; j++) {
      const r = results[j]!;
      const i = queue.head + j;
      const seq = r.SequenceNumber;
      if (seq !== undefined) {
        if (r.ShardId !== lastId) {
          lastId = r.ShardId!;
          s = ctx.shard(lastId);
        }
        if (track) s.pending.push(keepSeq ? seq : undefined, 0, keyOffset + queue.key[i]!, queue.serial[i]!, queue.createdMs[i]!);
        ctx.stored(s, queue.bytes[i]!);
        if (remember) s.remember(entries[j]!.ExplicitHashKey === undefined ? entries[j]!.PartitionKey! : `=${entries[j]!.ExplicitHashKey}`);
        if (landed !== undefined) landed(r.ShardId!);
        continue;
      }
      if (ctx.countShardThrottles) {
        const shardId = shardIdInMessage(r.ErrorMessage);
        if (shardId !== undefined) ctx.shard(shardId).windowThrottled++;
      }
      (failed ??= new RecordQueue(64)).pushFrom(queue, i, queue.attempts[i]! + 1);
    }
    const acked = results.length - (failed?.length ?? 0);
    ctx.totals.recordsAcknowledged += acked;
    if (failed !== undefined) {
      ctx.totals.recordsThrottled += failed.length;
      ctx.count(THROTTLED, failed.length);
      this.#retryOrDrop(failed, nowMs);
    }
  }

  /** A thrown error: throttling retries the whole call (SDK behaviour); anything else drops its records. */
  #thrown(e: unknown, queue: RecordQueue, n: number, nowMs: number): void {
    if (!(e instanceof KinesisError)) throw e;
    const ctx = this.ctx;
    const batch = new RecordQueue(n);
    for (let i = queue.head; i < queue.head + n; i++) batch.pushFrom(queue, i, queue.attempts[i]! + 1);
    queue.shift(n);
    if (THROTTLING_ERRORS.has(e.name)) {
      ctx.totals.recordsThrottled += n;
      ctx.count(THROTTLED, n);
      this.#retryOrDrop(batch, nowMs);
      return;
    }
    ctx.error(e.name);
    ctx.totals.recordsDropped += n;
    ctx.count(DROPPED, n);
  }

  /** Drops the records out of attempts; schedules the rest after a full-jitter backoff. */
  #retryOrDrop(batch: RecordQueue, nowMs: number): void {
    const { maxAttempts, baseDelayMs, maxDelayMs } = this.spec.retry;
    const again = new RecordQueue(batch.length);
    let dropped = 0;
    let attempts = 0;
    for (let i = batch.head; i < batch.tail; i++) {
      if (batch.attempts[i]! >= maxAttempts) dropped++;
      else {
        again.pushFrom(batch, i, batch.attempts[i]!);
        attempts = Math.max(attempts, batch.attempts[i]!);
      }
    }
    if (dropped > 0) {
      this.ctx.totals.recordsDropped += dropped;
      this.ctx.count(DROPPED, dropped);
    }
    if (again.length === 0) return;
    const capMs = Math.min(maxDelayMs, baseDelayMs * 2 ** attempts);
    const dueMs = nowMs + this.#prng.float() * capMs;
    const retries = this.#retries;
    let at = retries.length;
    while (at > 0 && retries[at - 1]!.dueMs > dueMs) at--;
    retries.splice(at, 0, { dueMs, records: again });
  }
}
