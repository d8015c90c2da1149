// SubscribeToShard (enhanced fan-out) shapes, as in the AWS SDK v3 client, and kinesim's in-process face of
// a subscription (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html).

import type { KinesisError } from '../errors/kinesis-error.js';
import type { ChildShard, ShardIteratorType } from './common.js';
import type { KinesisRecord } from './records.js';

/** Where a subscription starts: the same positions as GetShardIterator's iterator types. */
export interface StartingPosition {
  Type: ShardIteratorType;
  /** For AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER. */
  SequenceNumber?: string | undefined;
  /** For AT_TIMESTAMP. */
  Timestamp?: Date | undefined;
}

export interface SubscribeToShardInput {
  ConsumerARN: string;
  ShardId: string;
  StartingPosition: StartingPosition;
  StreamId?: string | undefined;
  /** Validate only: the call then throws DryRunOperationException and opens nothing. */
  DryRun?: boolean | undefined;
}

/** One batch of records pushed to the consumer; at a closed shard's end, the children to continue with. */
export interface SubscribeToShardEvent {
  Records: KinesisRecord[];
  /**
   * Where to resume (AFTER_SEQUENCE_NUMBER): the last record delivered, or where the subscription stands when
   * it has delivered none. Absent in the last event of a closed shard, which carries ChildShards instead.
   */
  ContinuationSequenceNumber?: string;
  MillisBehindLatest: number;
  ChildShards?: ChildShard[];
}

/** The exceptions AWS's model lets a subscription's stream end with (kinesim sends the first two). */
export type SubscribeToShardExceptionName =
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'KMSDisabledException'
  | 'KMSInvalidStateException'
  | 'KMSAccessDeniedException'
  | 'KMSNotFoundException'
  | 'KMSOptInRequired'
  | 'KMSThrottlingException'
  | 'InternalFailureException';

/** What each member of the SubscribeToShardEventStream union holds. */
interface EventStreamMembers extends Record<SubscribeToShardExceptionName, KinesisError> {
  SubscribeToShardEvent: SubscribeToShardEvent;
}

/**
 * One message of a subscription's stream, as the AWS SDK v3 types it: an event, or the exception that ends it.
 * Exactly one member is set; the others are typed `?: never`, so `event.SubscribeToShardEvent` reads as in the SDK.
 */
export type SubscribeToShardEventStream = {
  [Name in keyof EventStreamMembers]: { [K in Name]: EventStreamMembers[K] } & {
    [K in Exclude<keyof EventStreamMembers, Name>]?: never;
  };
}[keyof EventStreamMembers];

/** What `ShardSubscription.poll` returns. */
export interface SubscriptionPoll {
  /** The events due by the engine clock's now, in order (an exception, if any, is last). */
  readonly events: SubscribeToShardEventStream[];
  /** True when no event will follow these: the subscription has ended. */
  readonly done: boolean;
}

/**
 * A subscription opened by `Kinesis.subscribeToShard`: SubscribeToShard's output, with its events two ways.
 * `EventStream` is what the AWS SDK v3 returns (an async iterable that throws the exception that ends a
 * stream); `poll` hands over, synchronously, what is due at the engine clock's now. Both take from one
 * queue: each event is delivered once.
 */
export interface ShardSubscription {
  /**
   * The events as the AWS SDK v3 yields them. The iteration ends when the subscription does (5 minutes of
   * engine time, or after a closed shard's last event); an exception event is thrown as a KinesisError.
   * Waiting needs no timer: it resumes after any engine call, or when the clock reaches the next due event
   * (ManualClock.advance; SystemClock's own wake-up). Leaving the loop early cancels the subscription.
   */
  readonly EventStream: AsyncIterable<SubscribeToShardEventStream>;
  /** Every event due at the engine clock's now (at most `maxEvents`), in order; see SubscriptionPoll. */
  poll(maxEvents?: number): SubscriptionPoll;
  /** Calls `listener` once (never synchronously) when poll may have more; returns a function that cancels it. */
  whenReady(listener: () => void): () => void;
  /** Ends the subscription as a client closing its connection would; later polls are done. */
  cancel(): void;
}

/** SubscribeToShard's output: the subscription. */
export type SubscribeToShardOutput = ShardSubscription;
