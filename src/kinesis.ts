// Kinesis: the public facade — one synchronous method per AWS operation, AWS SDK v3 shapes in and out.
// Each method is one line: the registry (src/operations/registry.ts) says how to validate the input and which
// action runs it. The checks at the end of this file make a registered operation without its method, or a public
// method the registry lacks, a compile error.

import { Account } from './model/account.js';
import { resolveOptions, type KinesisOptions } from './options.js';
import type { Clock } from './time/clock.js';
import { OPERATIONS, type KinesisOperations } from './operations/registry.js';
import type { ServedOperation } from './operations/operation.js';
import { validateInput } from './validation/validate.js';
import { KinesisMetrics } from './metrics/kinesis-metrics.js';
import { readSnapshot, type RestoreOptions } from './snapshot/read-snapshot.js';
import { writeSnapshot } from './snapshot/write-snapshot.js';
import type { Faults } from './faults/faults.js';
import type { CallHistory } from './observe/call-history.js';
import type { EngineEvents } from './observe/engine-events.js';
import { Observation } from './observe/observation.js';
import type { EmptyOutput } from './api-types/common.js';
import type {
  DescribeAccountSettingsInput, DescribeAccountSettingsOutput, UpdateAccountSettingsInput, UpdateAccountSettingsOutput,
} from './api-types/account.js';
import type {
  DeregisterStreamConsumerInput, DescribeStreamConsumerInput, DescribeStreamConsumerOutput, ListStreamConsumersInput,
  ListStreamConsumersOutput, RegisterStreamConsumerInput, RegisterStreamConsumerOutput,
} from './api-types/consumers.js';
import type { StartStreamEncryptionInput, StopStreamEncryptionInput } from './api-types/encryption.js';
import type {
  DisableEnhancedMonitoringInput, EnableEnhancedMonitoringInput, EnhancedMonitoringOutput,
} from './api-types/monitoring.js';
import type {
  DeleteResourcePolicyInput, GetResourcePolicyInput, GetResourcePolicyOutput, PutResourcePolicyInput,
} from './api-types/policies.js';
import type {
  UpdateMaxRecordSizeInput, UpdateStreamModeInput, UpdateStreamRecordDistributionStrategyInput,
  UpdateStreamWarmThroughputInput, UpdateStreamWarmThroughputOutput,
} from './api-types/stream-settings.js';
import type {
  CreateChannelInput, CreateChannelOutput, DeleteChannelInput, DescribeChannelInput, DescribeChannelOutput,
  ListChannelsInput, ListChannelsOutput, UpdateChannelInput, UpdateChannelOutput,
} from './api-types/channels.js';
import type {
  DescribeChannelDeliveriesInput, DescribeChannelDeliveriesOutput, FailChannelInput,
} from './api-types/channel-deliveries.js';
import type {
  AddTagsToStreamInput, ListTagsForResourceInput, ListTagsForResourceOutput, ListTagsForStreamInput,
  ListTagsForStreamOutput, RemoveTagsFromStreamInput, TagResourceInput, UntagResourceInput,
} from './api-types/tags.js';
import type { DescribeShardGraphInput, DescribeShardGraphOutput } from './api-types/lineage.js';
import type { SubscribeToShardInput, SubscribeToShardOutput } from './api-types/subscriptions.js';
import type {
  DecreaseStreamRetentionPeriodInput, IncreaseStreamRetentionPeriodInput,
} from './api-types/retention.js';
import type {
  ListShardsInput, ListShardsOutput, MergeShardsInput, SplitShardInput, UpdateShardCountInput, UpdateShardCountOutput,
} from './api-types/shards.js';
import type {
  GetRecordsInput, GetRecordsOutput, GetShardIteratorInput, GetShardIteratorOutput,
  PutRecordInput, PutRecordOutput, PutRecordsInput, PutRecordsOutput,
} from './api-types/records.js';
import type {
  CreateStreamInput, DeleteStreamInput, DescribeLimitsInput, DescribeLimitsOutput, DescribeStreamInput,
  DescribeStreamOutput, DescribeStreamSummaryInput, DescribeStreamSummaryOutput, ListStreamsInput, ListStreamsOutput,
} from './api-types/streams.js';

/** The account Kinesis.restore hands its constructor (the constructor's public signature stays options only). */
let restoredAccount: Account | undefined;

/**
 * An in-memory Amazon Kinesis Data Streams engine. Every method throws the AWS exception AWS would
 * (a KinesisError subclass) and leaves the engine unchanged when it does.
 */
export class Kinesis {
  readonly #account: Account;
  #metrics: KinesisMetrics | undefined;
  readonly #observation: Observation;
  /** The observation while anything watches the engine (fault rules, history, listeners); undefined otherwise. */
  #watching: Observation | undefined;

  constructor(options: KinesisOptions = {}) {
    const restored = restoredAccount;
    restoredAccount = undefined;
    this.#account = restored ?? new Account(resolveOptions(options));
    this.#observation = new Observation(this.#account, (watching) => (this.#watching = watching));
  }

  /**
   * Fault injection (off until a rule is injected): make chosen calls fail with AWS errors, fail chosen
   * PutRecords entries, or (through a server or the SDK handler) drop connections. See the README's
   * "State and faults".
   */
  get faults(): Faults {
    return this.#observation.faults;
  }

  /** The call history (off until `history.start()`): one record per call, for assertions about what code did. */
  get history(): CallHistory {
    return this.#observation.history;
  }

  /** Listeners for each call, the records puts store and the changes streams go through (`events.on(...)`). */
  get events(): EngineEvents {
    return this.#observation.events;
  }

  /**
   * The engine's whole state as bytes (the README's "Snapshot format"): streams, shards and their records,
   * consumers, tags, policies, pending changes, quotas and the clock's last reading. Reads only: the clock
   * is not read and nothing due is applied. Fault rules, call history and listeners are not state and are
   * not kept. Deterministic: the same state gives the same bytes.
   * @throws SnapshotError on a big-endian platform only (the format copies little-endian arrays in bulk).
   */
  snapshot(): Uint8Array {
    return writeSnapshot(this.#account);
  }

  /**
   * An engine that continues exactly where the snapshotted one was: same next sequence numbers, every
   * outstanding shard iterator and NextToken still valid, transitions due at the same engine times. It runs
   * on `options.clock` (default SystemClock); engine time never goes below the snapshot's last reading.
   * Every other setting comes from the snapshot.
   * @throws SnapshotError when `bytes` are not a kinesim snapshot, are truncated or corrupt, are of a newer
   * format version, or were taken with another `tokenSecret` than `options.tokenSecret` (default 'kinesim').
   */
  static restore(bytes: Uint8Array, options: RestoreOptions = {}): Kinesis {
    restoredAccount = readSnapshot(bytes, options);
    return new Kinesis();
  }

  /**
   * kinesim extension: the CloudWatch metrics this engine keeps (namespace AWS/Kinesis, 1-minute data by the
   * engine's clock), read with CloudWatch's GetMetricStatistics and ListMetrics shapes.
   */
  get metrics(): KinesisMetrics {
    return (this.#metrics ??= new KinesisMetrics(this.#account));
  }

  /**
   * Validates `input` against the operation's input shape, then runs its action on the account. Each method
   * passes its own registry entry (frozen, so V8 folds it to a constant and calls the action directly).
   */
  #run<I, O>(operation: ServedOperation<string, I, O>, input: I): O {
    const watching = this.#watching;
    if (watching !== undefined) return watching.run(operation, input);
    return operation.action(this.#account, validateInput(operation.input, input));
  }

  /** The clock this engine reads (a ManualClock can be advanced by whoever holds it: tests, the console). */
  get clock(): Clock {
    return this.#account.timeline.clock;
  }

  /** The account ID this engine serves. */
  get accountId(): string {
    return this.#account.accountId;
  }

  /** The region this engine serves. */
  get region(): string {
    return this.#account.region;
  }

  /** @throws ResourceInUseException, LimitExceededException, InvalidArgumentException, ValidationException */
  createStream(input: CreateStreamInput): EmptyOutput {
    return this.#run(OPERATIONS.CreateStream, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  deleteStream(input: DeleteStreamInput): EmptyOutput {
    return this.#run(OPERATIONS.DeleteStream, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStream(input: DescribeStreamInput): DescribeStreamOutput {
    return this.#run(OPERATIONS.DescribeStream, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStreamSummary(input: DescribeStreamSummaryInput): DescribeStreamSummaryOutput {
    return this.#run(OPERATIONS.DescribeStreamSummary, input);
  }

  /** @throws ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listStreams(input: ListStreamsInput = {}): ListStreamsOutput {
    return this.#run(OPERATIONS.ListStreams, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listShards(input: ListShardsInput): ListShardsOutput {
    return this.#run(OPERATIONS.ListShards, input);
  }

  /** @throws ValidationException */
  describeLimits(input: DescribeLimitsInput = {}): DescribeLimitsOutput {
    return this.#run(OPERATIONS.DescribeLimits, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException, ProvisionedThroughputExceededException (with throughputLimits) */
  putRecord(input: PutRecordInput): PutRecordOutput {
    return this.#run(OPERATIONS.PutRecord, input);
  }

  /**
   * With throughputLimits, entries over a shard's rate fail individually (ErrorCode ProvisionedThroughputExceededException).
   * @throws ResourceNotFoundException, InvalidArgumentException, ValidationException
   */
  putRecords(input: PutRecordsInput): PutRecordsOutput {
    return this.#run(OPERATIONS.PutRecords, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException, ProvisionedThroughputExceededException (with throughputLimits) */
  getShardIterator(input: GetShardIteratorInput): GetShardIteratorOutput {
    return this.#run(OPERATIONS.GetShardIterator, input);
  }

  /**
   * @throws ResourceNotFoundException, InvalidArgumentException, ExpiredIteratorException, ValidationException,
   * ProvisionedThroughputExceededException (with throughputLimits)
   */
  getRecords(input: GetRecordsInput): GetRecordsOutput {
    return this.#run(OPERATIONS.GetRecords, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  addTagsToStream(input: AddTagsToStreamInput): EmptyOutput {
    return this.#run(OPERATIONS.AddTagsToStream, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  removeTagsFromStream(input: RemoveTagsFromStreamInput): EmptyOutput {
    return this.#run(OPERATIONS.RemoveTagsFromStream, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  listTagsForStream(input: ListTagsForStreamInput): ListTagsForStreamOutput {
    return this.#run(OPERATIONS.ListTagsForStream, input);
  }

  /** Tags a stream or consumer by ARN. @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  tagResource(input: TagResourceInput): EmptyOutput {
    return this.#run(OPERATIONS.TagResource, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  untagResource(input: UntagResourceInput): EmptyOutput {
    return this.#run(OPERATIONS.UntagResource, input);
  }

  /** @throws ResourceNotFoundException, ValidationException */
  listTagsForResource(input: ListTagsForResourceInput): ListTagsForResourceOutput {
    return this.#run(OPERATIONS.ListTagsForResource, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  startStreamEncryption(input: StartStreamEncryptionInput): EmptyOutput {
    return this.#run(OPERATIONS.StartStreamEncryption, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  stopStreamEncryption(input: StopStreamEncryptionInput): EmptyOutput {
    return this.#run(OPERATIONS.StopStreamEncryption, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  enableEnhancedMonitoring(input: EnableEnhancedMonitoringInput): EnhancedMonitoringOutput {
    return this.#run(OPERATIONS.EnableEnhancedMonitoring, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  disableEnhancedMonitoring(input: DisableEnhancedMonitoringInput): EnhancedMonitoringOutput {
    return this.#run(OPERATIONS.DisableEnhancedMonitoring, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, LimitExceededException, InvalidArgumentException, ValidationException */
  registerStreamConsumer(input: RegisterStreamConsumerInput): RegisterStreamConsumerOutput {
    return this.#run(OPERATIONS.RegisterStreamConsumer, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  deregisterStreamConsumer(input: DeregisterStreamConsumerInput): EmptyOutput {
    return this.#run(OPERATIONS.DeregisterStreamConsumer, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStreamConsumer(input: DescribeStreamConsumerInput): DescribeStreamConsumerOutput {
    return this.#run(OPERATIONS.DescribeStreamConsumer, input);
  }

  /** @throws ResourceNotFoundException, ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listStreamConsumers(input: ListStreamConsumersInput): ListStreamConsumersOutput {
    return this.#run(OPERATIONS.ListStreamConsumers, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, LimitExceededException, InvalidArgumentException, ValidationException */
  updateStreamMode(input: UpdateStreamModeInput): EmptyOutput {
    return this.#run(OPERATIONS.UpdateStreamMode, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException, ValidationException */
  updateStreamWarmThroughput(input: UpdateStreamWarmThroughputInput): UpdateStreamWarmThroughputOutput {
    return this.#run(OPERATIONS.UpdateStreamWarmThroughput, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  updateMaxRecordSize(input: UpdateMaxRecordSizeInput): EmptyOutput {
    return this.#run(OPERATIONS.UpdateMaxRecordSize, input);
  }

  /** @throws ValidationException */
  describeAccountSettings(input: DescribeAccountSettingsInput = {}): DescribeAccountSettingsOutput {
    return this.#run(OPERATIONS.DescribeAccountSettings, input);
  }

  /** @throws ValidationException */
  updateAccountSettings(input: UpdateAccountSettingsInput): UpdateAccountSettingsOutput {
    return this.#run(OPERATIONS.UpdateAccountSettings, input);
  }

  /** Attaches a policy to a stream or consumer. @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  putResourcePolicy(input: PutResourcePolicyInput): EmptyOutput {
    return this.#run(OPERATIONS.PutResourcePolicy, input);
  }

  /** @throws ResourceNotFoundException, ValidationException */
  getResourcePolicy(input: GetResourcePolicyInput): GetResourcePolicyOutput {
    return this.#run(OPERATIONS.GetResourcePolicy, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, ValidationException */
  deleteResourcePolicy(input: DeleteResourcePolicyInput): EmptyOutput {
    return this.#run(OPERATIONS.DeleteResourcePolicy, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException, ValidationException */
  splitShard(input: SplitShardInput): EmptyOutput {
    return this.#run(OPERATIONS.SplitShard, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  mergeShards(input: MergeShardsInput): EmptyOutput {
    return this.#run(OPERATIONS.MergeShards, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException, ValidationException */
  updateShardCount(input: UpdateShardCountInput): UpdateShardCountOutput {
    return this.#run(OPERATIONS.UpdateShardCount, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  increaseStreamRetentionPeriod(input: IncreaseStreamRetentionPeriodInput): EmptyOutput {
    return this.#run(OPERATIONS.IncreaseStreamRetentionPeriod, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  decreaseStreamRetentionPeriod(input: DecreaseStreamRetentionPeriodInput): EmptyOutput {
    return this.#run(OPERATIONS.DecreaseStreamRetentionPeriod, input);
  }

  /**
   * Opens an enhanced fan-out subscription: the consumer must be ACTIVE; events are pushed for 5 minutes of
   * engine time, or until a closed shard's last event. Read them with `EventStream` (the AWS SDK v3's async
   * iterable) or `poll()` (what is due at the clock's now); see ShardSubscription.
   * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException
   */
  subscribeToShard(input: SubscribeToShardInput): SubscribeToShardOutput {
    return this.#run(OPERATIONS.SubscribeToShard, input);
  }

  /**
   * Takes effect at once: AUTO (on-demand streams only) places records itself and ignores PartitionKey and
   * ExplicitHashKey; USER_PARTITION_KEY (the default) routes by them.
   * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException
   */
  updateStreamRecordDistributionStrategy(input: UpdateStreamRecordDistributionStrategyInput): EmptyOutput {
    return this.#run(OPERATIONS.UpdateStreamRecordDistributionStrategy, input);
  }

  /**
   * A delivery channel from an on-demand stream to S3 or a streaming table; it answers CREATING and turns ACTIVE after
   * `channelDelayMs`. Deliveries are emulated in memory (see describeChannelDeliveries).
   * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException, ValidationException
   */
  createChannel(input: CreateChannelInput): CreateChannelOutput {
    return this.#run(OPERATIONS.CreateChannel, input);
  }

  /** @throws ResourceNotFoundException, ValidationException */
  describeChannel(input: DescribeChannelInput): DescribeChannelOutput {
    return this.#run(OPERATIONS.DescribeChannel, input);
  }

  /** @throws ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listChannels(input: ListChannelsInput = {}): ListChannelsOutput {
    return this.#run(OPERATIONS.ListChannels, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  updateChannel(input: UpdateChannelInput): UpdateChannelOutput {
    return this.#run(OPERATIONS.UpdateChannel, input);
  }

  /** Delivers what the channel buffered, then stops it. @throws ResourceNotFoundException, ValidationException */
  deleteChannel(input: DeleteChannelInput): EmptyOutput {
    return this.#run(OPERATIONS.DeleteChannel, input);
  }

  /**
   * kinesim extension, not an AWS operation: everything an emulated channel has delivered (S3 objects with their keys,
   * bodies and records; dead-letter objects; table rows), oldest first; kept after the channel is deleted.
   * @throws ResourceNotFoundException, ValidationException
   */
  describeChannelDeliveries(input: DescribeChannelDeliveriesInput): DescribeChannelDeliveriesOutput {
    return this.#run(OPERATIONS.DescribeChannelDeliveries, input);
  }

  /**
   * kinesim extension, not an AWS operation: puts a channel in FAILED with `Reason` as its ChannelStatusReason, as a
   * broken IAM role or bucket would on AWS. It delivers nothing more and can only be deleted.
   * @throws ResourceNotFoundException, ResourceInUseException, ValidationException
   */
  failChannel(input: FailChannelInput): EmptyOutput {
    return this.#run(OPERATIONS.FailChannel, input);
  }

  /**
   * kinesim extension, not an AWS operation: every shard the stream has had (expired ones included) with
   * its parents, children, state, open/close times and record counts, for simulations and diagrams
   * (see renderShardGraphMermaid / renderShardGraphDot).
   * @throws ResourceNotFoundException, InvalidArgumentException, ValidationException
   */
  describeShardGraph(input: DescribeShardGraphInput): DescribeShardGraphOutput {
    return this.#run(OPERATIONS.DescribeShardGraph, input);
  }
}

// Compile-time checks, kept out of the class's declaration so the published types do not carry the registry.

/** Compiles only while Kinesis has a method per served operation, typed as the registry's action. */
type ServesEveryOperation<T extends KinesisOperations> = T;
type KinesisServesEveryOperation = ServesEveryOperation<Kinesis>;

/** Public members of Kinesis that are not operations. */
type NonOperationMember = 'accountId' | 'region' | 'clock' | 'metrics' | 'snapshot' | 'faults' | 'history' | 'events';

/** Compiles only while every other public member of Kinesis is a registered operation's method. */
type OnlyRegistered<Unregistered extends never> = Unregistered;
type KinesisHasOnlyRegisteredMethods = OnlyRegistered<Exclude<keyof Kinesis, keyof KinesisOperations | NonOperationMember>>;
