// Kinesis: the public facade — one synchronous method per AWS operation, AWS SDK v3 shapes in and out.
// Each method validates the input against the service model, then runs the action on the account.

import { createStream } from './actions/create-stream.js';
import { deleteStream } from './actions/delete-stream.js';
import { describeLimits } from './actions/describe-limits.js';
import { describeStream } from './actions/describe-stream.js';
import { describeStreamSummary } from './actions/describe-stream-summary.js';
import { getRecords } from './actions/get-records.js';
import { getShardIterator } from './actions/get-shard-iterator.js';
import { listShards } from './actions/list-shards.js';
import { listStreams } from './actions/list-streams.js';
import { putRecord } from './actions/put-record.js';
import { putRecords } from './actions/put-records.js';
import { Account, type KinesisOptions } from './model/account.js';
import type { EmptyOutput } from './shapes/common.js';
import type { ListShardsInput, ListShardsOutput } from './shapes/shards.js';
import type {
  GetRecordsInput, GetRecordsOutput, GetShardIteratorInput, GetShardIteratorOutput,
  PutRecordInput, PutRecordOutput, PutRecordsInput, PutRecordsOutput,
} from './shapes/records.js';
import type {
  CreateStreamInput, DeleteStreamInput, DescribeLimitsInput, DescribeLimitsOutput, DescribeStreamInput,
  DescribeStreamOutput, DescribeStreamSummaryInput, DescribeStreamSummaryOutput, ListStreamsInput, ListStreamsOutput,
} from './shapes/streams.js';
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
    validateInput('CreateStream', input);
    return createStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, ValidationException */
  deleteStream(input: DeleteStreamInput): EmptyOutput {
    validateInput('DeleteStream', input);
    return deleteStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStream(input: DescribeStreamInput): DescribeStreamOutput {
    validateInput('DescribeStream', input);
    return describeStream(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  describeStreamSummary(input: DescribeStreamSummaryInput): DescribeStreamSummaryOutput {
    validateInput('DescribeStreamSummary', input);
    return describeStreamSummary(this.#account, input);
  }

  /** @throws ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listStreams(input: ListStreamsInput = {}): ListStreamsOutput {
    validateInput('ListStreams', input);
    return listStreams(this.#account, input);
  }

  /** @throws ResourceNotFoundException, ResourceInUseException, ExpiredNextTokenException, InvalidArgumentException, ValidationException */
  listShards(input: ListShardsInput): ListShardsOutput {
    validateInput('ListShards', input);
    return listShards(this.#account, input);
  }

  /** @throws ValidationException */
  describeLimits(input: DescribeLimitsInput = {}): DescribeLimitsOutput {
    validateInput('DescribeLimits', input);
    return describeLimits(this.#account);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  putRecord(input: PutRecordInput): PutRecordOutput {
    validateInput('PutRecord', input);
    return putRecord(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  putRecords(input: PutRecordsInput): PutRecordsOutput {
    validateInput('PutRecords', input);
    return putRecords(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ValidationException */
  getShardIterator(input: GetShardIteratorInput): GetShardIteratorOutput {
    validateInput('GetShardIterator', input);
    return getShardIterator(this.#account, input);
  }

  /** @throws ResourceNotFoundException, InvalidArgumentException, ExpiredIteratorException, ValidationException */
  getRecords(input: GetRecordsInput): GetRecordsOutput {
    validateInput('GetRecords', input);
    return getRecords(this.#account, input);
  }
}
