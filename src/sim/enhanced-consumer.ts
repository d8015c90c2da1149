// An enhanced fan-out consumer that reads like KCL 2.x with its default retrieval (SubscribeToShard): the
// consumer is registered on the stream (RegisterStreamConsumer), each leased shard is subscribed from the last
// record processed (TRIM_HORIZON at first), a subscription that ends after its 5 minutes is renewed from its
// ContinuationSequenceNumber, and a shard's last event (ChildShards) hands over to its children once all their
// parents are done (ShardConsumer). Each consumer has its own 2 MiB/s per shard: the engine paces the events.
// https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html
//
// The engine pushes an event when records arrive; the lab, running in simulated time, takes each subscription's
// due events every intervalMs (default 50 ms [U]; AWS's documented propagation is about 70 ms), so latency is
// counted to the look that took them.

import { KinesisError, type ShardSubscription, type SubscribeToShardEventStream } from '../index.js';
import { ShardConsumer, type Lease } from './shard-consumer.js';

interface Open {
  lease: Lease;
  subscription: ShardSubscription;
  /** Run time until which the consumer is busy processing what it took (processingMsPerRecord). */
  busyUntilMs: number;
}

/** How long before a refused SubscribeToShard is tried again (the takeover rule allows one every 5 s). */
const RESUBSCRIBE_AFTER_MS = 5000;

export class EnhancedConsumer extends ShardConsumer {
  #consumerArn = '';
  readonly #open = new Map<string, Open>();
  #ticking = false;

  override start(atMs: number): void {
    const kinesis = this.ctx.kinesis;
    const { StreamARN } = kinesis.describeStreamSummary({ StreamName: this.ctx.streamName }).StreamDescriptionSummary;
    this.#consumerArn = kinesis.registerStreamConsumer({ StreamARN, ConsumerName: this.spec.name }).Consumer.ConsumerARN;
    super.start(atMs);
  }

  protected begin(lease: Lease, atMs: number): void {
    this.queue.at(atMs, (t) => this.#subscribe(lease, t));
  }

  #subscribe(lease: Lease, atMs: number): void {
    const StartingPosition = lease.lastSeq === undefined
      ? { Type: 'TRIM_HORIZON' as const }
      : { Type: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: lease.lastSeq };
    let subscription: ShardSubscription;
    try {
      subscription = this.ctx.kinesis.subscribeToShard({ ConsumerARN: this.#consumerArn, ShardId: lease.shardId, StartingPosition });
    } catch (e) {
      if (!(e instanceof KinesisError)) throw e;
      if (e.name === 'ResourceNotFoundException') return this.lost(lease, atMs);
      this.ctx.error(e.name);
      this.queue.at(atMs + RESUBSCRIBE_AFTER_MS, (t) => this.#subscribe(lease, t));
      return;
    }
    this.totals.subscribeToShardCalls++;
    this.#open.set(lease.shardId, { lease, subscription, busyUntilMs: atMs });
    this.#take(this.#open.get(lease.shardId)!, atMs);
    if (!this.#ticking) {
      this.#ticking = true;
      this.queue.at(atMs + this.spec.intervalMs, (t) => this.#tick(t));
    }
  }

  /** Takes every open subscription's due events. */
  #tick(atMs: number): void {
    for (const open of [...this.#open.values()]) if (open.busyUntilMs <= atMs) this.#take(open, atMs);
    if (this.#open.size > 0) this.queue.at(atMs + this.spec.intervalMs, (t) => this.#tick(t));
    else this.#ticking = false;
  }

  #take(open: Open, atMs: number): void {
    const { lease, subscription } = open;
    const { events, done } = subscription.poll();
    let users = 0;
    for (const event of events) {
      const e = event.SubscribeToShardEvent;
      if (e === undefined) return this.#ended(open, event, atMs);
      users += this.process(lease, e.Records, atMs);
      if (e.ContinuationSequenceNumber !== undefined) lease.lastSeq = e.ContinuationSequenceNumber;
      if (e.ChildShards !== undefined && e.ContinuationSequenceNumber === undefined) {
        this.#open.delete(lease.shardId);
        this.finish(lease, atMs, e.ChildShards);
        return;
      }
    }
    open.busyUntilMs = atMs + users * this.spec.processingMsPerRecord;
    if (done) {
      // The 5 minutes are over: KCL subscribes again from where the last event left it.
      this.#open.delete(lease.shardId);
      this.queue.at(Math.max(atMs, open.busyUntilMs), (t) => this.#subscribe(lease, t));
    }
  }

  /** The stream ended with an exception event. */
  #ended(open: Open, event: SubscribeToShardEventStream, atMs: number): void {
    const { lease } = open;
    this.#open.delete(lease.shardId);
    const name = Object.keys(event)[0] ?? 'InternalFailureException';
    if (name === 'ResourceNotFoundException') return this.lost(lease, atMs);
    this.ctx.error(name);
    this.queue.at(atMs + RESUBSCRIBE_AFTER_MS, (t) => this.#subscribe(lease, t));
  }
}
