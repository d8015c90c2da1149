// MetricsStore: the account's CloudWatch metrics (namespace AWS/Kinesis), recorded by the actions as calls are
// served and kept per minute of engine time for a retention window. Recording is one or two sample updates per
// call, never per record: the ~30 metrics CloudWatch shows are derived from these facts when someone asks
// (metric-catalog.ts, get-metric-statistics.ts). Shard-level facts are kept only for the enhanced metrics a
// stream has enabled (EnableEnhancedMonitoring), as AWS publishes only those.
// https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html

import { SHARD_LEVEL_METRICS, type MetricsName } from '../service-model/enums.js';
import type { Stream } from '../model/stream.js';
import type { PutRecordsRequestEntry, PutRecordsResultEntry } from '../api-types/records.js';
import { addSample, ConsumerFact, ShardFact, StreamFact, type Facts, type MinuteFacts } from './minute-facts.js';
import { PutTally, type ShardPutCounts } from './put-tally.js';
import { StreamMetrics } from './stream-metrics.js';

const WRITE_MASK = (1 << ShardFact.IncomingBytes) | (1 << ShardFact.IncomingRecords) | (1 << ShardFact.WriteThrottled);

/** The enabled shard-level metrics as a bit mask over ShardFact (whose order is SHARD_LEVEL_METRICS'). */
function maskOf(enabled: readonly MetricsName[]): number {
  let mask = 0;
  for (const name of enabled) {
    const i = (SHARD_LEVEL_METRICS as readonly string[]).indexOf(name);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

function addIf(facts: Facts, mask: number, fact: number, value: number): void {
  if ((mask & (1 << fact)) !== 0) addSample(facts, fact, value);
}

export class MetricsStore {
  readonly #byName = new Map<string, StreamMetrics>();

  constructor(
    /** How long a minute of metrics is kept, in engine ms (KinesisOptions.metricsRetentionMs). */
    readonly retentionMs: number,
  ) {}

  /** The metrics of `stream`'s name, created on first use and cached on the stream. */
  of(stream: Stream): StreamMetrics {
    return stream.metrics ?? this.#attach(stream);
  }

  /** The metrics recorded under `streamName`, if any. */
  history(streamName: string): StreamMetrics | undefined {
    return this.#byName.get(streamName);
  }

  /** Every stream name with metrics still inside the retention window at `nowMs`, sorted. */
  streamNames(nowMs: number): string[] {
    return [...this.#byName.values()].filter((m) => !m.isEmpty(nowMs)).map((m) => m.streamName).sort();
  }

  /** Forgets the metrics of names no live stream holds once all their minutes are past retention. */
  prune(nowMs: number, live: ReadonlyMap<string, Stream>): void {
    for (const [name, metrics] of this.#byName) if (!live.has(name) && metrics.isEmpty(nowMs)) this.#byName.delete(name);
  }

  /** A successful PutRecord of `bytes` of data into `shardId`. */
  putRecord(stream: Stream, shardId: string, nowMs: number, bytes: number): void {
    const minute = this.of(stream).at(nowMs);
    addSample(minute.stream, StreamFact.PutRecordBytes, bytes);
    if (stream.shardLevelMetrics.length !== 0) this.#shardPut(minute, stream, shardId, { stored: 1, bytes, throttled: 0 });
  }

  /** A PutRecord refused by `shardId`'s write limit. */
  putRecordThrottled(stream: Stream, shardId: string, nowMs: number): void {
    const minute = this.of(stream).at(nowMs);
    addSample(minute.stream, StreamFact.PutRecordThrottled, 1);
    if (stream.shardLevelMetrics.length !== 0) this.#shardPut(minute, stream, shardId, { stored: 0, bytes: 0, throttled: 1 });
  }

  /** A PutRecords call that stored every entry (`bytes`: their data bytes); `results` name each entry's shard. */
  putRecords(stream: Stream, nowMs: number, entries: readonly PutRecordsRequestEntry[], results: readonly PutRecordsResultEntry[], bytes: number): void {
    const minute = this.of(stream).at(nowMs);
    addSample(minute.stream, StreamFact.PutsCleanRecords, entries.length);
    addSample(minute.stream, StreamFact.PutsCleanBytes, bytes);
    if (stream.shardLevelMetrics.length === 0 || (maskOf(stream.shardLevelMetrics) & WRITE_MASK) === 0) return;
    const tally = new PutTally(true);
    for (let i = 0; i < entries.length; i++) tally.addStored(results[i]!.ShardId!, entries[i]!.Data.length);
    for (const [shardId, counts] of tally.shards!) this.#shardPut(minute, stream, shardId, counts);
  }

  /** A tally for a PutRecords call on `stream`'s slow path, counting per shard when an enhanced write metric is on. */
  tallyFor(stream: Stream): PutTally {
    return new PutTally(stream.shardLevelMetrics.length !== 0 && (maskOf(stream.shardLevelMetrics) & WRITE_MASK) !== 0);
  }

  /** A PutRecords call counted by `tally` (some entries may have failed). */
  putRecordsTallied(stream: Stream, nowMs: number, tally: PutTally): void {
    const minute = this.of(stream).at(nowMs);
    const facts = minute.stream;
    if (tally.stored === tally.total) {
      addSample(facts, StreamFact.PutsCleanRecords, tally.total);
      addSample(facts, StreamFact.PutsCleanBytes, tally.storedBytes);
    } else {
      addSample(facts, StreamFact.PutsMixedTotal, tally.total);
      if (tally.stored > 0) {
        addSample(facts, StreamFact.PutsMixedStored, tally.stored);
        addSample(facts, StreamFact.PutsMixedBytes, tally.storedBytes);
      }
      addSample(facts, StreamFact.PutsMixedThrottled, tally.throttled);
      addSample(facts, StreamFact.PutsMixedFailed, tally.failed);
    }
    if (tally.shards !== undefined) for (const [shardId, counts] of tally.shards) this.#shardPut(minute, stream, shardId, counts);
  }

  /** A successful GetRecords on `shardId`: records and data bytes returned, the iterator age in ms. */
  getRecords(stream: Stream, shardId: string, nowMs: number, records: number, bytes: number, iteratorAgeMs: number): void {
    const minute = this.of(stream).at(nowMs);
    const facts = minute.stream;
    addSample(facts, StreamFact.GetRecords, records);
    addSample(facts, StreamFact.GetBytes, bytes);
    addSample(facts, StreamFact.GetIteratorAge, iteratorAgeMs);
    if (stream.shardLevelMetrics.length === 0) return;
    const mask = maskOf(stream.shardLevelMetrics);
    if (mask === 0) return;
    const shard = minute.shard(shardId);
    addIf(shard, mask, ShardFact.OutgoingRecords, records);
    addIf(shard, mask, ShardFact.OutgoingBytes, bytes);
    addIf(shard, mask, ShardFact.IteratorAge, iteratorAgeMs);
    addIf(shard, mask, ShardFact.ReadThrottled, 0);
  }

  /** A GetRecords on `shardId` refused by the shard's read limits. */
  getRecordsThrottled(stream: Stream, shardId: string, nowMs: number): void {
    const minute = this.of(stream).at(nowMs);
    addSample(minute.stream, StreamFact.GetThrottled, 1);
    if (stream.shardLevelMetrics.length === 0) return;
    const mask = maskOf(stream.shardLevelMetrics);
    if ((mask & (1 << ShardFact.ReadThrottled)) !== 0) addSample(minute.shard(shardId), ShardFact.ReadThrottled, 1);
  }

  /**
   * A SubscribeToShard call by consumer `consumerName` at `atMs`: established, or refused because the consumer
   * already has an active subscription to the shard or called too often (SubscribeToShard.RateExceeded).
   */
  subscribeToShard(stream: Stream, consumerName: string, atMs: number, established: boolean): void {
    const facts = this.of(stream).at(atMs).consumer(consumerName);
    addSample(facts, established ? ConsumerFact.SubscribeOk : ConsumerFact.SubscribeRefused, 1);
  }

  /**
   * One SubscribeToShardEvent delivered to `consumerName` from `shardId`, timed `atMs` (when it happened, which may
   * be before the call that reads it): its records, data bytes and MillisBehindLatest.
   */
  subscribeToShardEvent(
    stream: Stream,
    shardId: string,
    consumerName: string,
    atMs: number,
    records: number,
    bytes: number,
    millisBehindLatest: number,
  ): void {
    const minute = this.of(stream).at(atMs);
    const facts = minute.consumer(consumerName);
    addSample(facts, ConsumerFact.EventRecords, records);
    addSample(facts, ConsumerFact.EventBytes, bytes);
    addSample(facts, ConsumerFact.EventMillisBehind, millisBehindLatest);
    if (stream.shardLevelMetrics.length === 0) return;
    const mask = maskOf(stream.shardLevelMetrics);
    if ((mask & ((1 << ShardFact.OutgoingRecords) | (1 << ShardFact.OutgoingBytes))) === 0) return;
    const shard = minute.shard(shardId);
    addIf(shard, mask, ShardFact.OutgoingRecords, records);
    addIf(shard, mask, ShardFact.OutgoingBytes, bytes);
  }

  /** One put operation's effect on one shard, for the enhanced write metrics enabled. */
  #shardPut(minute: MinuteFacts, stream: Stream, shardId: string, counts: ShardPutCounts): void {
    const mask = maskOf(stream.shardLevelMetrics) & WRITE_MASK;
    if (mask === 0) return;
    const facts = minute.shard(shardId);
    // [U] A put operation that stored nothing in the shard gives no IncomingBytes/IncomingRecords sample there.
    if (counts.stored > 0) {
      addIf(facts, mask, ShardFact.IncomingBytes, counts.bytes);
      addIf(facts, mask, ShardFact.IncomingRecords, counts.stored);
    }
    addIf(facts, mask, ShardFact.WriteThrottled, counts.throttled);
  }

  #attach(stream: Stream): StreamMetrics {
    let metrics = this.#byName.get(stream.name);
    if (metrics === undefined) this.#byName.set(stream.name, (metrics = new StreamMetrics(stream.name, this.retentionMs)));
    stream.metrics = metrics;
    return metrics;
  }
}
