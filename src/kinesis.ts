// Kinesis: the public facade — one synchronous method per AWS operation, AWS SDK v3 shapes in and out.
// Each method validates the input against the service model, then runs the action on the account.

import { createStream } from './actions/create-stream.js';
import { deleteStream } from './actions/delete-stream.js';
import { decreaseStreamRetentionPeriod } from './actions/decrease-stream-retention-period.js';
import { describeShardGraph } from './actions/describe-shard-graph.js';
import { describeLimits } from './actions/describe-limits.js';
import { describeStream } from './actions/describe-stream.js';
import { describeStreamSummary } from './actions/describe-stream-summary.js';
import { getRecords } from './actions/get-records.js';
import { getShardIterator } from './actions/get-shard-iterator.js';
import { increaseStreamRetentionPeriod } from './actions/increase-stream-retention-period.js';
import { listShards } from './actions/list-shards.js';
import { listStreams } from './actions/list-streams.js';
import { mergeShards } from './actions/merge-shards.js';
import { putRecord } from './actions/put-record.js';
import { putRecords } from './actions/put-records.js';
import { splitShard } from './actions/split-shard.js';
import { updateShardCount } from './actions/update-shard-count.js';
import { addTagsToStream } from './actions/add-tags-to-stream.js';
import { deleteResourcePolicy } from './actions/delete-resource-policy.js';
import { deregisterStreamConsumer } from './actions/deregister-stream-consumer.js';
import { describeAccountSettings } from './actions/describe-account-settings.js';
import { describeStreamConsumer } from './actions/describe-stream-consumer.js';
import { disableEnhancedMonitoring } from './actions/disable-enhanced-monitoring.js';
import { enableEnhancedMonitoring } from './actions/enable-enhanced-monitoring.js';
import { getResourcePolicy } from './actions/get-resource-policy.js';
import { listStreamConsumers } from './actions/list-stream-consumers.js';
import { listTagsForResource } from './actions/list-tags-for-resource.js';
import { listTagsForStream } from './actions/list-tags-for-stream.js';
import { putResourcePolicy } from './actions/put-resource-policy.js';
import { registerStreamConsumer } from './actions/register-stream-consumer.js';
import { removeTagsFromStream } from './actions/remove-tags-from-stream.js';
import { startStreamEncryption } from './actions/start-stream-encryption.js';
import { stopStreamEncryption } from './actions/stop-stream-encryption.js';
import { tagResource } from './actions/tag-resource.js';
import { untagResource } from './actions/untag-resource.js';
import { updateAccountSettings } from './actions/update-account-settings.js';
import { updateMaxRecordSize } from './actions/update-max-record-size.js';
import { updateStreamMode } from './actions/update-stream-mode.js';
import { updateStreamWarmThroughput } from './actions/update-stream-warm-throughput.js';
import { Account, type KinesisOptions } from './model/account.js';
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
  UpdateMaxRecordSizeInput, UpdateStreamModeInput, UpdateStreamWarmThroughputInput, UpdateStreamWarmThroughputOutput,
} from './api-types/stream-settings.js';
import type {
  AddTagsToStreamInput, ListTagsForResourceInput, ListTagsForResourceOutput, ListTagsForStreamInput,
  ListTagsForStreamOutput, RemoveTagsFromStreamInput, TagResourceInput, UntagResourceInput,
} from './api-types/tags.js';
import type { DescribeShardGraphInput, DescribeShardGraphOutput } from './api-types/lineage.js';
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
import { validateInput } from './validation/validate.js';

/**
 * An in-memory Amazon Kinesis Data Streams engine. Every method throws the AWS exception AWS would
 * (a KinesisError subclass) and leaves the engine unchanged when it does.
 */
export class Kinesis {
  readonly #account: Account;

  constructor(options: KinesisOptions = {}) {
    this.#account = new Account(options);
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
    input = validateInput('CreateStream', input);
    return createStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  deleteStream(input: DeleteStreamInput): EmptyOutput {
    input = validateInput('DeleteStream', input);
    return deleteStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStream(input: DescribeStreamInput): DescribeStreamOutput {
    input = validateInput('DescribeStream', input);
    return describeStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStreamSummary(input: DescribeStreamSummaryInput): DescribeStreamSummaryOutput {
    input = validateInput('DescribeStreamSummary', input);
    return describeStreamSummary(this.#account, input);
  }

  /** @throws ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listStreams(input: ListStreamsInput = {}): ListStreamsOutput {
    input = validateInput('ListStreams', input);
    return listStreams(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listShards(input: ListShardsInput): ListShardsOutput {
    input = validateInput('ListShards', input);
    return listShards(this.#account, input);
  }

  /** @throws ValidationException */
  describeLimits(input: DescribeLimitsInput = {}): DescribeLimitsOutput {
    input = validateInput('DescribeLimits', input);
    return describeLimits(this.#account);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException, ProvisionedThroughputExceededException (with throughputLimits) */
  putRecord(input: PutRecordInput): PutRecordOutput {
    input = validateInput('PutRecord', input);
    return putRecord(this.#account, input);
  }

  /**
   * With throughputLimits, entries over a shard's rate fail individually (ErrorCode ProvisionedThroughputExceededException).
   * @throws ResourceNotFoundException, InvalidArgumentException, ValidationException
   */
  putRecords(input: PutRecordsInput): PutRecordsOutput {
    input = validateInput('PutRecords', input);
    return putRecords(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException, ProvisionedThroughputExceededException (with throughputLimits) */
  getShardIterator(input: GetShardIteratorInput): GetShardIteratorOutput {
    input = validateInput('GetShardIterator', input);
    return getShardIterator(this.#account, input);
  }

  /**
   * @throws ResourceNotFoundException, InvalidArgumentException, ExpiredIteratorException, ValidationException,
   * ProvisionedThroughputExceededException (with throughputLimits)
   */
  getRecords(input: GetRecordsInput): GetRecordsOutput {
    input = validateInput('GetRecords', input);
    return getRecords(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  addTagsToStream(input: AddTagsToStreamInput): EmptyOutput {
    input = validateInput('AddTagsToStream', input);
    return addTagsToStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  removeTagsFromStream(input: RemoveTagsFromStreamInput): EmptyOutput {
    input = validateInput('RemoveTagsFromStream', input);
    return removeTagsFromStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  listTagsForStream(input: ListTagsForStreamInput): ListTagsForStreamOutput {
    input = validateInput('ListTagsForStream', input);
    return listTagsForStream(this.#account, input);
  }

  /** Tags a stream or consumer by ARN. @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  tagResource(input: TagResourceInput): EmptyOutput {
    input = validateInput('TagResource', input);
    return tagResource(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  untagResource(input: UntagResourceInput): EmptyOutput {
    input = validateInput('UntagResource', input);
    return untagResource(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ValidationException */
  listTagsForResource(input: ListTagsForResourceInput): ListTagsForResourceOutput {
    input = validateInput('ListTagsForResource', input);
    return listTagsForResource(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  startStreamEncryption(input: StartStreamEncryptionInput): EmptyOutput {
    input = validateInput('StartStreamEncryption', input);
    return startStreamEncryption(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  stopStreamEncryption(input: StopStreamEncryptionInput): EmptyOutput {
    input = validateInput('StopStreamEncryption', input);
    return stopStreamEncryption(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  enableEnhancedMonitoring(input: EnableEnhancedMonitoringInput): EnhancedMonitoringOutput {
    input = validateInput('EnableEnhancedMonitoring', input);
    return enableEnhancedMonitoring(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  disableEnhancedMonitoring(input: DisableEnhancedMonitoringInput): EnhancedMonitoringOutput {
    input = validateInput('DisableEnhancedMonitoring', input);
    return disableEnhancedMonitoring(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, LimitExceededException, InvalidArgumentException, ValidationException */
  registerStreamConsumer(input: RegisterStreamConsumerInput): RegisterStreamConsumerOutput {
    input = validateInput('RegisterStreamConsumer', input);
    return registerStreamConsumer(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  deregisterStreamConsumer(input: DeregisterStreamConsumerInput): EmptyOutput {
    input = validateInput('DeregisterStreamConsumer', input);
    return deregisterStreamConsumer(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStreamConsumer(input: DescribeStreamConsumerInput): DescribeStreamConsumerOutput {
    input = validateInput('DescribeStreamConsumer', input);
    return describeStreamConsumer(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listStreamConsumers(input: ListStreamConsumersInput): ListStreamConsumersOutput {
    input = validateInput('ListStreamConsumers', input);
    return listStreamConsumers(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, LimitExceededException, ValidationException */
  updateStreamMode(input: UpdateStreamModeInput): EmptyOutput {
    input = validateInput('UpdateStreamMode', input);
    return updateStreamMode(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException, ValidationException */
  updateStreamWarmThroughput(input: UpdateStreamWarmThroughputInput): UpdateStreamWarmThroughputOutput {
    input = validateInput('UpdateStreamWarmThroughput', input);
    return updateStreamWarmThroughput(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  updateMaxRecordSize(input: UpdateMaxRecordSizeInput): EmptyOutput {
    input = validateInput('UpdateMaxRecordSize', input);
    return updateMaxRecordSize(this.#account, input);
  }

  /** @throws ValidationException */
  describeAccountSettings(input: DescribeAccountSettingsInput = {}): DescribeAccountSettingsOutput {
    input = validateInput('DescribeAccountSettings', input);
    return describeAccountSettings(this.#account);
  }

  /** @throws ValidationException */
  updateAccountSettings(input: UpdateAccountSettingsInput): UpdateAccountSettingsOutput {
    input = validateInput('UpdateAccountSettings', input);
    return updateAccountSettings(this.#account, input);
  }

  /** Attaches a policy to a stream or consumer. @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  putResourcePolicy(input: PutResourcePolicyInput): EmptyOutput {
    input = validateInput('PutResourcePolicy', input);
    return putResourcePolicy(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ValidationException */
  getResourcePolicy(input: GetResourcePolicyInput): GetResourcePolicyOutput {
    input = validateInput('GetResourcePolicy', input);
    return getResourcePolicy(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, ValidationException */
  deleteResourcePolicy(input: DeleteResourcePolicyInput): EmptyOutput {
    input = validateInput('DeleteResourcePolicy', input);
    return deleteResourcePolicy(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException, ValidationException */
  splitShard(input: SplitShardInput): EmptyOutput {
    input = validateInput('SplitShard', input);
    return splitShard(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  mergeShards(input: MergeShardsInput): EmptyOutput {
    input = validateInput('MergeShards', input);
    return mergeShards(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException, ValidationException */
  updateShardCount(input: UpdateShardCountInput): UpdateShardCountOutput {
    input = validateInput('UpdateShardCount', input);
    return updateShardCount(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  increaseStreamRetentionPeriod(input: IncreaseStreamRetentionPeriodInput): EmptyOutput {
    input = validateInput('IncreaseStreamRetentionPeriod', input);
    return increaseStreamRetentionPeriod(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  decreaseStreamRetentionPeriod(input: DecreaseStreamRetentionPeriodInput): EmptyOutput {
    input = validateInput('DecreaseStreamRetentionPeriod', input);
    return decreaseStreamRetentionPeriod(this.#account, input);
  }

  /**
   * kinesim extension, not an AWS operation: every shard the stream has had (expired ones included) with
   * its parents, children, state, open/close times and record counts, for simulations and diagrams
   * (see renderShardGraphMermaid / renderShardGraphDot).
   * @throws ResourceNotFoundException, InvalidArgumentException
   */
  describeShardGraph(input: DescribeShardGraphInput): DescribeShardGraphOutput {
    // Its input is a stream reference, the same shape (and constraints) as DescribeStreamSummary's.
    input = validateInput('DescribeStreamSummary', input);
    return describeShardGraph(this.#account, input);
  }
}
