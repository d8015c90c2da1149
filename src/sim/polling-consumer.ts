// A polling consumer that reads like KCL 2.x: GetRecords with a Limit every intervalMs on each leased shard,
// iterators renewed after expiry from the last sequence number processed, and optional processing time per
// record (ShardConsumer does the leases, the lineage and the checks).
//
// Defaults: GetRecords Limit 10000 (KCL PollingConfig maxRecords) and one call per shard per second ("The KCL
// defaults are set to follow the best practice of polling every 1 second",
// https://docs.aws.amazon.com/streams/latest/dev/kinesis-low-latency.html).

import { KinesisError, type GetRecordsOutput } from '../index.js';
import { ShardConsumer, type Lease } from './shard-consumer.js';

export class PollingConsumer extends ShardConsumer {
  /** Each reading lease's shard iterator (undefined: to be opened). */
  readonly #iterators = new Map<string, string | undefined>();

  protected begin(lease: Lease, atMs: number): void {
    this.queue.at(atMs, (t) => this.#poll(lease, t));
  }

  #poll(lease: Lease, atMs: number): void {
    const ctx = this.ctx;
    const { intervalMs } = this.spec;
    let iterator = this.#iterators.get(lease.shardId);
    if (iterator === undefined) {
      iterator = this.#openIterator(lease);
      if (iterator === undefined) {
        this.queue.at(atMs + intervalMs, (t) => this.#poll(lease, t));
        return;
      }
    }
    let out: GetRecordsOutput;
    this.totals.getRecordsCalls++;
    ctx.totals.getRecordsCalls++;
    try {
      out = ctx.kinesis.getRecords({ ShardIterator: iterator, Limit: this.spec.type === 'polling' ? this.spec.limit : 10_000 });
    } catch (e) {
      this.#failed(e, lease, atMs);
      return;
    }
    const n = this.process(lease, out.Records, atMs);
    if (out.NextShardIterator === undefined) {
      this.#iterators.delete(lease.shardId);
      this.finish(lease, atMs, out.ChildShards ?? []);
      return;
    }
    this.#iterators.set(lease.shardId, out.NextShardIterator);
    const busyMs = n * this.spec.processingMsPerRecord;
    this.queue.at(atMs + Math.max(intervalMs, busyMs), (t) => this.#poll(lease, t));
  }

  /** GetShardIterator from the last record processed (TRIM_HORIZON at first); undefined when throttled. */
  #openIterator(lease: Lease): string | undefined {
    const base = { StreamName: this.ctx.streamName, ShardId: lease.shardId };
    try {
      const out = lease.lastSeq === undefined
        ? this.ctx.kinesis.getShardIterator({ ...base, ShardIteratorType: 'TRIM_HORIZON' })
        : this.ctx.kinesis.getShardIterator({ ...base, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: lease.lastSeq });
      return out.ShardIterator;
    } catch (e) {
      if (e instanceof KinesisError && e.name === 'ProvisionedThroughputExceededException') return undefined;
      throw e;
    }
  }

  #failed(e: unknown, lease: Lease, atMs: number): void {
    if (!(e instanceof KinesisError)) throw e;
    const ctx = this.ctx;
    if (e.name === 'ProvisionedThroughputExceededException') {
      this.totals.readThrottles++;
      this.queue.at(atMs + this.spec.intervalMs, (t) => this.#poll(lease, t));
    } else if (e.name === 'ExpiredIteratorException') {
      this.#iterators.delete(lease.shardId);
      this.queue.at(atMs + 1, (t) => this.#poll(lease, t));
    } else if (e.name === 'ResourceNotFoundException') {
      this.#iterators.delete(lease.shardId);
      this.lost(lease, atMs);
    } else {
      ctx.error(e.name);
      this.queue.at(atMs + this.spec.intervalMs, (t) => this.#poll(lease, t));
    }
  }
}
