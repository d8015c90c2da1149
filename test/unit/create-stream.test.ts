import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const MAX_KEY = '340282366920938463463374607431768211455';

function ranges(kinesis: Kinesis, name: string): [string, string][] {
  return kinesis
    .describeStream({ StreamName: name })
    .StreamDescription.Shards.map((s) => [s.HashKeyRange.StartingHashKey, s.HashKeyRange.EndingHashKey]);
}

describe('CreateStream hash-key division', () => {
  // The boundaries AWS uses (kinesalite's AWS-verified createStream test) (step = floor(2^128 / N), last shard absorbs the rest).
  const boundaries: Record<number, string[]> = {
    1: [],
    2: ['170141183460469231731687303715884105728'],
    3: ['113427455640312821154458202477256070485', '226854911280625642308916404954512140970'],
    4: [
      '85070591730234615865843651857942052864',
      '170141183460469231731687303715884105728',
      '255211775190703847597530955573826158592',
    ],
    5: [
      '68056473384187692692674921486353642291',
      '136112946768375385385349842972707284582',
      '204169420152563078078024764459060926873',
      '272225893536750770770699685945414569164',
    ],
  };

  for (const n of [1, 2, 3, 4, 5]) {
    it(`splits the key space among ${n} shard(s) exactly as AWS's table says`, () => {
      const kinesis = new Kinesis({ clock: new ManualClock(T0) });
      kinesis.createStream({ StreamName: 's', ShardCount: n });
      const starts = ['0', ...boundaries[n]!];
      const expected = starts.map((start, i): [string, string] => [
        start,
        i + 1 < starts.length ? String(BigInt(starts[i + 1]!) - 1n) : MAX_KEY,
      ]);
      expect(ranges(kinesis, 's')).toEqual(expected);
    });
  }

  it('numbers the initial shards shardId-000000000000 upward, open, without parents', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 3 });
    const shards = kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards;
    expect(shards.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
    for (const shard of shards) {
      expect(shard.SequenceNumberRange.StartingSequenceNumber).toMatch(/^\d{56}$/);
      expect(shard).not.toHaveProperty('SequenceNumberRange.EndingSequenceNumber');
      expect(shard).not.toHaveProperty('ParentShardId');
      expect(shard).not.toHaveProperty('AdjacentParentShardId');
    }
  });
});

describe('CreateStream capacity modes', () => {
  it('defaults to PROVISIONED with the requested shard count', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    const summary = kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    expect(summary.StreamModeDetails).toEqual({ StreamMode: 'PROVISIONED' });
    expect(summary.OpenShardCount).toBe(2);
  });

  it('rejects PROVISIONED without ShardCount and creates nothing', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    const expected = { name: 'InvalidArgumentException', message: 'ShardCount is required for streams in Provisioned mode.' };
    expect(rejection(() => kinesis.createStream({ StreamName: 's' }))).toEqual(expected);
    expect(rejection(() => kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'PROVISIONED' } }))).toEqual(
      expected,
    );
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });

  it('starts ON_DEMAND streams with 4 evenly divided shards', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const summary = kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    expect(summary.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
    expect(summary.OpenShardCount).toBe(4);
    expect(ranges(kinesis, 's').map(([start]) => start)).toEqual([
      '0',
      '85070591730234615865843651857942052864',
      '170141183460469231731687303715884105728',
      '255211775190703847597530955573826158592',
    ]);
  });

  it('rejects ShardCount on an ON_DEMAND stream and creates nothing', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(
      rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 4, StreamModeDetails: { StreamMode: 'ON_DEMAND' } })),
    ).toEqual({ name: 'InvalidArgumentException', message: 'ShardCount is not supported for streams in On-Demand mode.' });
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });

  it('refuses an on-demand stream beyond the account on-demand stream limit', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), onDemandStreamCountLimit: 1 });
    kinesis.createStream({ StreamName: 'a', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    // [U] AWS's text for this quota is not public; only the exception name is pinned.
    expect(rejection(() => kinesis.createStream({ StreamName: 'b', StreamModeDetails: { StreamMode: 'ON_DEMAND' } })).name).toBe(
      'LimitExceededException',
    );
    kinesis.createStream({ StreamName: 'c', ShardCount: 1 });
    expect(kinesis.listStreams().StreamNames).toEqual(['a', 'c']);
  });
});

describe('CreateStream MaxRecordSizeInKiB', () => {
  it('defaults to 1024 KiB and keeps a requested value', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 'default', ShardCount: 1 });
    kinesis.createStream({ StreamName: 'large', ShardCount: 1, MaxRecordSizeInKiB: 10240 });
    expect(kinesis.describeStreamSummary({ StreamName: 'default' }).StreamDescriptionSummary.MaxRecordSizeInKiB).toBe(1024);
    expect(kinesis.describeStreamSummary({ StreamName: 'large' }).StreamDescriptionSummary.MaxRecordSizeInKiB).toBe(10240);
  });

  it('rejects values outside 1024..10240 with the model validation text', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 1, MaxRecordSizeInKiB: 1023 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '1023' at 'maxRecordSizeInKiB' failed to satisfy constraint: " +
        'Member must have value greater than or equal to 1024',
    });
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 1, MaxRecordSizeInKiB: 10241 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '10241' at 'maxRecordSizeInKiB' failed to satisfy constraint: " +
        'Member must have value less than or equal to 10240',
    });
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });
});

describe('CreateStream identity and limits', () => {
  it('records name, ARN, creation time and defaults', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), accountId: '123456789012', region: 'eu-west-2' });
    kinesis.createStream({ StreamName: 'orders', ShardCount: 1 });
    const d = kinesis.describeStream({ StreamName: 'orders' }).StreamDescription;
    expect(d.StreamARN).toBe('arn:aws:kinesis:eu-west-2:123456789012:stream/orders');
    expect(d.StreamStatus).toBe('ACTIVE');
    expect(d.StreamCreationTimestamp).toEqual(new Date(T0));
    expect(d.RetentionPeriodHours).toBe(24);
    expect(d.EncryptionType).toBe('NONE');
    expect(d.EnhancedMonitoring).toEqual([{ ShardLevelMetrics: [] }]);
    expect(d).not.toHaveProperty('KeyId');
  });

  it('uses the configured ARN partition', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), partition: 'aws-cn', region: 'cn-north-1' });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamARN).toBe(
      'arn:aws-cn:kinesis:cn-north-1:000000000000:stream/s',
    );
  });

  it('rejects a duplicate name with ResourceInUseException and keeps the first stream', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), accountId: '123456789012' });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 5 }))).toEqual({
      name: 'ResourceInUseException',
      message: 'Stream s under account 123456789012 already exists.',
    });
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
  });

  it('refuses shards beyond the account shard limit with the exact LimitExceeded text', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 5, region: 'eu-west-2' });
    kinesis.createStream({ StreamName: 'a', ShardCount: 3 });
    expect(rejection(() => kinesis.createStream({ StreamName: 'b', ShardCount: 3 }))).toEqual({
      name: 'LimitExceededException',
      message:
        `This request would exceed the shard limit for the account ${ACCOUNT} in eu-west-2. ` +
        'Current shard count for the account: 3. Limit: 5. ' +
        'Number of additional shards that would have resulted from this request: 3. ' +
        'Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) ' +
        'for current limits and how to request higher limits.',
    });
    expect(kinesis.listStreams().StreamNames).toEqual(['a']);
    // Reaching the limit exactly is allowed.
    kinesis.createStream({ StreamName: 'b', ShardCount: 2 });
    expect(kinesis.describeLimits().OpenShardCount).toBe(5);
  });

  it('checks the duplicate name before the shard limit', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 1 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 1 })).name).toBe('ResourceInUseException');
  });
});

describe('CreateStream with a creation delay', () => {
  const DELAY_MS = 30_000;

  function creating() {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: DELAY_MS });
    kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    return { clock, kinesis };
  }

  it('describes a CREATING stream with no shards and OpenShardCount 0', () => {
    const { kinesis } = creating();
    const d = kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect(d.StreamStatus).toBe('CREATING');
    expect(d.Shards).toEqual([]);
    expect(d.HasMoreShards).toBe(false);
    const summary = kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    expect(summary.StreamStatus).toBe('CREATING');
    expect(summary.OpenShardCount).toBe(0);
    expect(kinesis.listStreams().StreamSummaries?.[0]?.StreamStatus).toBe('CREATING');
  });

  it('answers writes to a CREATING stream with ResourceNotFoundException', () => {
    const { kinesis } = creating();
    const notFound = { name: 'ResourceNotFoundException', message: `Stream s under account ${ACCOUNT} not found.` };
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a' }))).toEqual(notFound);
    expect(
      rejection(() => kinesis.putRecords({ StreamName: 's', Records: [{ Data: new Uint8Array([1]), PartitionKey: 'a' }] })),
    ).toEqual(notFound);
  });

  it('has no shards to iterate while CREATING', () => {
    const { kinesis } = creating();
    expect(
      rejection(() => kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' })),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: `Shard shardId-000000000000 in stream s under account ${ACCOUNT} does not exist`,
    });
  });

  it('becomes ACTIVE with its shards once the clock reaches the delay, not before', () => {
    const { clock, kinesis } = creating();
    clock.advance(DELAY_MS - 1);
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('CREATING');
    clock.advance(1);
    const d = kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect(d.StreamStatus).toBe('ACTIVE');
    expect(d.Shards.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a' }).ShardId).toBe(
      'shardId-000000000000',
    );
  });

  it('keeps the creation timestamp at the CreateStream call', () => {
    const { clock, kinesis } = creating();
    clock.advance(DELAY_MS);
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamCreationTimestamp).toEqual(new Date(T0));
  });
});

describe('CreateStream validation', () => {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  const prefix = '1 validation error detected: ';

  it('requires StreamName', () => {
    expect(rejection(() => kinesis.createStream({} as never))).toEqual({
      name: 'ValidationException',
      message: `${prefix}Value null at 'streamName' failed to satisfy constraint: Member must not be null`,
    });
  });

  it('reports both the pattern and the length of an empty name, pattern first', () => {
    expect(rejection(() => kinesis.createStream({ StreamName: '', ShardCount: 1 }))).toEqual({
      name: 'ValidationException',
      message:
        "2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; ' +
        "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });

  it('rejects names with characters outside [a-zA-Z0-9_.-] and names over 128 characters', () => {
    expect(rejection(() => kinesis.createStream({ StreamName: 'a b', ShardCount: 1 }))).toEqual({
      name: 'ValidationException',
      message: `${prefix}Value 'a b' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`,
    });
    const long = 'x'.repeat(129);
    expect(rejection(() => kinesis.createStream({ StreamName: long, ShardCount: 1 }))).toEqual({
      name: 'ValidationException',
      message: `${prefix}Value '${long}' at 'streamName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    });
  });

  it('requires a ShardCount of at least 1', () => {
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 0 }))).toEqual({
      name: 'ValidationException',
      message: `${prefix}Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1`,
    });
  });

  it('rejects an unknown stream mode with the enum text', () => {
    expect(
      rejection(() => kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'SOMETIMES' as never } })),
    ).toEqual({
      name: 'ValidationException',
      message: `${prefix}Value 'SOMETIMES' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]`,
    });
  });

  it('leaves no stream behind after any validation failure', () => {
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });
});

describe('CreateStream tags, warm throughput and quotas', () => {
  it('applies the AddTagsToStream character rules to Tags and creates nothing when they fail', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 1, Tags: { 'a;b': 'x' } }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.',
    });
    expect(kinesis.listStreams().StreamNames).toEqual([]);
  });

  it('keeps valid Tags given at creation', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1, Tags: { team: 'data', env: 'test' } });
    expect(kinesis.listTagsForStream({ StreamName: 's' }).Tags).toEqual([
      { Key: 'env', Value: 'test' },
      { Key: 'team', Value: 'data' },
    ]);
  });

  it('does not count on-demand shards against the account shard quota', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 4 });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.createStream({ StreamName: 'p', ShardCount: 4 });
    expect(kinesis.describeLimits().OpenShardCount).toBe(4);
  });
});

describe('CreateStream integer members', () => {
  it('floors a fractional ShardCount as AWS does on the wire, without changing the caller input', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    const input = { StreamName: 's', ShardCount: 2.7 };
    kinesis.createStream(input);
    expect(input.ShardCount).toBe(2.7);
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
  });

  it('clamps a ShardCount beyond int32 to 2147483647 before the shard-limit check', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.createStream({ StreamName: 's', ShardCount: 1e11 })).message).toContain(
      'Number of additional shards that would have resulted from this request: 2147483647.',
    );
  });
});
