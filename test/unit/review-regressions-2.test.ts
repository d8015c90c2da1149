// Regressions found by the second adversarial review (quotas, throughput, input normalisation, KPL, read
// buffers): each test failed before its fix.

import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, aggregateRecords } from '../../src/index.js';
import { rejection } from '../support/rejection.js';

const T0 = Date.UTC(2024, 0, 1);

describe('a missing input (undefined or null) reads as {} in every operation', () => {
  // What JavaScript callers (and untyped wrappers) pass: the validator already treats both as "no members".
  const untyped = (kinesis: Kinesis) => kinesis as unknown as Record<string, (input: unknown) => unknown>;

  it('answers ListStreams(null) like ListStreams({})', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(untyped(kinesis).listStreams!(null)).toEqual(kinesis.listStreams({}));
  });

  it.each([undefined, null])('answers a stream operation given %s with the AWS error for a missing stream reference', (input) => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    const missingRef = { name: 'InvalidArgumentException', message: 'Either StreamName or StreamARN must be provided.' };
    for (const operation of ['describeStream', 'describeStreamSummary', 'deleteStream', 'listTagsForStream']) {
      expect(rejection(() => untyped(kinesis)[operation]!(input))).toEqual(missingRef);
    }
    expect(rejection(() => untyped(kinesis).listShards!(input))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Either NextToken or StreamName should be provided.',
    });
  });
});

describe('a stream deleted while CREATING and the account shard quota', () => {
  const LIMITS_URL = 'http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html';

  it('holds no shards: DescribeLimits agrees with DescribeStreamSummary, and a new stream may take them', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 5000, deleteStreamDelayMs: 10_000, shardLimit: 2 });
    kinesis.createStream({ StreamName: 'c', ShardCount: 2 });
    // While CREATING the shards are on their way: they count.
    expect(kinesis.describeLimits().OpenShardCount).toBe(2);
    expect(rejection(() => kinesis.createStream({ StreamName: 'd', ShardCount: 1 }))).toEqual({
      name: 'LimitExceededException',
      message:
        'This request would exceed the shard limit for the account 000000000000 in us-east-1. Current shard count for the account: 2. ' +
        `Limit: 2. Number of additional shards that would have resulted from this request: 1. Refer to the AWS Service Limits page (${LIMITS_URL}) ` +
        'for current limits and how to request higher limits.',
    });
    kinesis.deleteStream({ StreamName: 'c' });
    clock.advance(6000); // past the end of CREATING, still DELETING
    expect(kinesis.describeStreamSummary({ StreamName: 'c' }).StreamDescriptionSummary.OpenShardCount).toBe(0);
    expect(kinesis.describeLimits().OpenShardCount).toBe(0);
    kinesis.createStream({ StreamName: 'd', ShardCount: 2 });
    expect(kinesis.describeLimits().OpenShardCount).toBe(2);
  });
});

describe('late review follow-ups', () => {
  it('describeShardGraph validates its stream reference like AWS operations do', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(Date.UTC(2024, 0, 1)) });
    expect(() => kinesis.describeShardGraph(undefined as never)).toThrow('Either StreamName or StreamARN must be provided.');
    expect(() => kinesis.describeShardGraph({ StreamName: '' })).toThrow(
      "2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
        "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('aggregateRecords treats a null ExplicitHashKey as absent in any record', () => {
    const withNull = aggregateRecords([
      { PartitionKey: 'a', Data: new Uint8Array([1]) },
      { PartitionKey: 'b', Data: new Uint8Array([2]), ExplicitHashKey: null as never },
    ]);
    const without = aggregateRecords([
      { PartitionKey: 'a', Data: new Uint8Array([1]) },
      { PartitionKey: 'b', Data: new Uint8Array([2]) },
    ]);
    expect(withNull).toEqual(without);
  });
});
