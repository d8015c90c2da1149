import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;

const notFound = (name: string) => ({ name: 'ResourceNotFoundException', message: `Stream ${name} under account ${ACCOUNT} not found.` });

function readAll(kinesis: Kinesis, name: string, shardId: string): number[][] {
  const it = kinesis.getShardIterator({ StreamName: name, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
  return kinesis.getRecords({ ShardIterator: it }).Records.map((r) => [...r.Data]);
}

describe('DeleteStream without a delay', () => {
  it('removes the stream at once and answers with an empty object', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    expect(kinesis.deleteStream({ StreamName: 's' })).toEqual({});
    expect(rejection(() => kinesis.describeStream({ StreamName: 's' }))).toEqual(notFound('s'));
    expect(kinesis.listStreams().StreamNames).toEqual(['t']);
  });

  it('accepts the stream ARN', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.deleteStream({ StreamARN: ARN });
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });

  it('answers ResourceNotFoundException for a stream that does not exist', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.deleteStream({ StreamName: 'missing' }))).toEqual(notFound('missing'));
  });

  it('returns the shards to the account limit', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 3 });
    kinesis.createStream({ StreamName: 's', ShardCount: 3 });
    kinesis.deleteStream({ StreamName: 's' });
    expect(kinesis.describeLimits().OpenShardCount).toBe(0);
    kinesis.createStream({ StreamName: 'other', ShardCount: 3 });
  });

  it('lets the name be reused by a new, empty stream', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a' });
    kinesis.deleteStream({ StreamName: 's' });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(readAll(kinesis, 's', 'shardId-000000000000')).toEqual([]);
  });
});

describe('DeleteStream with a delay', () => {
  const DELAY_MS = 10_000;

  function deleting() {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, deleteStreamDelayMs: DELAY_MS });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([7]), PartitionKey: 'a' });
    kinesis.deleteStream({ StreamName: 's' });
    return { clock, kinesis };
  }

  it('shows the stream as DELETING in descriptions and listings', () => {
    const { kinesis } = deleting();
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('DELETING');
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('DELETING');
    expect(kinesis.listStreams().StreamSummaries?.map((s) => [s.StreamName, s.StreamStatus])).toEqual([['s', 'DELETING']]);
  });

  it('refuses writes to a DELETING stream with ResourceNotFoundException', () => {
    const { kinesis } = deleting();
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a' }))).toEqual(
      notFound('s'),
    );
  });

  it('still serves reads until the stream is gone', () => {
    const { kinesis } = deleting();
    expect(readAll(kinesis, 's', 'shardId-000000000000')).toEqual([[7]]);
  });

  it('is a no-op when the stream is already DELETING: the stream is still gone at the first call’s due time', () => {
    const { clock, kinesis } = deleting();
    clock.advance(DELAY_MS / 2);
    expect(kinesis.deleteStream({ StreamName: 's' })).toEqual({});
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('DELETING');
    // A second call that restarted the delay would keep the stream until DELAY_MS * 1.5.
    clock.advance(DELAY_MS / 2);
    expect(rejection(() => kinesis.describeStream({ StreamName: 's' }))).toEqual(notFound('s'));
  });

  it('keeps the name taken while DELETING', () => {
    const { kinesis } = deleting();
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 1 }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} already exists.`,
    });
  });

  it('is gone once the delay has passed, and not a millisecond earlier', () => {
    const { clock, kinesis } = deleting();
    clock.advance(DELAY_MS - 1);
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('DELETING');
    clock.advance(1);
    expect(rejection(() => kinesis.describeStream({ StreamName: 's' }))).toEqual(notFound('s'));
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });

  it('can delete a stream that is still CREATING', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 5_000 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.deleteStream({ StreamName: 's' });
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });
});

describe('DeleteStream validation', () => {
  it('needs a StreamName or a StreamARN', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    // [U] kinesis-mock's wording; AWS's text is not public.
    expect(rejection(() => kinesis.deleteStream({}))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Either StreamName or StreamARN must be provided.',
    });
  });

  it('rejects a malformed name with the model validation text', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.deleteStream({ StreamName: 'a/b' }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'a/b' at 'streamName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
    });
  });
});

describe('a stream deleted while CREATING', () => {
  it('never shows shards: DescribeStream has none, OpenShardCount is 0 and GetShardIterator finds no shard', () => {
    const clock = new ManualClock(Date.UTC(2024, 0, 1));
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 5000, deleteStreamDelayMs: 10_000 });
    kinesis.createStream({ StreamName: 'c', ShardCount: 1 });
    kinesis.deleteStream({ StreamName: 'c' });
    clock.advance(6000); // past the end of CREATING, still DELETING
    const description = kinesis.describeStream({ StreamName: 'c' }).StreamDescription;
    expect([description.StreamStatus, description.Shards]).toEqual(['DELETING', []]);
    expect(kinesis.describeStreamSummary({ StreamName: 'c' }).StreamDescriptionSummary.OpenShardCount).toBe(0);
    expect(() =>
      kinesis.getShardIterator({ StreamName: 'c', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }),
    ).toThrow('Shard shardId-000000000000 in stream c under account 000000000000 does not exist');
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
