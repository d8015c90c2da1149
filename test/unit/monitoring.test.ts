import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type MetricsName } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
const ALL_SEVEN: MetricsName[] = [
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
];

function engine(options: ConstructorParameters<typeof Kinesis>[0] = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  return { clock, kinesis };
}

const described = (kinesis: Kinesis) => kinesis.describeStream({ StreamName: 's' }).StreamDescription.EnhancedMonitoring;

describe('EnableEnhancedMonitoring', () => {
  it('adds metrics and reports the set before and after, in the model order', () => {
    const { kinesis } = engine();
    expect(kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['OutgoingBytes', 'IncomingBytes'] })).toEqual({
      StreamName: 's',
      CurrentShardLevelMetrics: [],
      DesiredShardLevelMetrics: ['IncomingBytes', 'OutgoingBytes'],
      StreamARN: ARN,
    });
    expect(kinesis.enableEnhancedMonitoring({ StreamARN: ARN, ShardLevelMetrics: ['IncomingBytes', 'IteratorAgeMilliseconds'] })).toEqual({
      StreamName: 's',
      CurrentShardLevelMetrics: ['IncomingBytes', 'OutgoingBytes'],
      DesiredShardLevelMetrics: ['IncomingBytes', 'OutgoingBytes', 'IteratorAgeMilliseconds'],
      StreamARN: ARN,
    });
    expect(described(kinesis)).toEqual([{ ShardLevelMetrics: ['IncomingBytes', 'OutgoingBytes', 'IteratorAgeMilliseconds'] }]);
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.EnhancedMonitoring).toEqual(described(kinesis));
  });

  it("expands 'ALL' to the seven metrics", () => {
    const { kinesis } = engine();
    expect(kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] }).DesiredShardLevelMetrics).toEqual(ALL_SEVEN);
    expect(described(kinesis)).toEqual([{ ShardLevelMetrics: ALL_SEVEN }]);
  });

  it('refuses a stream that is not ACTIVE, changing nothing', () => {
    const { clock, kinesis } = engine({ updateStreamDelayMs: 100 });
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'k' });
    expect(rejection(() => kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`,
    });
    clock.advance(100);
    expect(described(kinesis)).toEqual([{ ShardLevelMetrics: [] }]);
  });

  it('answers ResourceNotFoundException for a missing stream and ValidationException for an unknown metric', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.enableEnhancedMonitoring({ StreamName: 'x', ShardLevelMetrics: ['ALL'] }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream x under account ${ACCOUNT} not found.`,
    });
    const bad = { StreamName: 's', ShardLevelMetrics: ['Bytes'] } as unknown as Parameters<Kinesis['enableEnhancedMonitoring']>[0];
    expect(rejection(() => kinesis.enableEnhancedMonitoring(bad)).name).toBe('ValidationException');
    expect(described(kinesis)).toEqual([{ ShardLevelMetrics: [] }]);
  });
});

describe('DisableEnhancedMonitoring', () => {
  it('removes metrics and reports the set before and after', () => {
    const { kinesis } = engine();
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
    expect(kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingRecords', 'OutgoingRecords'] })).toEqual({
      StreamName: 's',
      CurrentShardLevelMetrics: ALL_SEVEN,
      DesiredShardLevelMetrics: ALL_SEVEN.filter((m) => m !== 'IncomingRecords' && m !== 'OutgoingRecords'),
      StreamARN: ARN,
    });
  });

  it("removes everything with 'ALL', and ignores metrics that are not enabled", () => {
    const { kinesis } = engine();
    kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingBytes'] });
    expect(kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['OutgoingBytes'] }).DesiredShardLevelMetrics).toEqual([
      'IncomingBytes',
    ]);
    expect(kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] })).toMatchObject({
      CurrentShardLevelMetrics: ['IncomingBytes'],
      DesiredShardLevelMetrics: [],
    });
    expect(described(kinesis)).toEqual([{ ShardLevelMetrics: [] }]);
  });

  it('refuses a stream that is CREATING or DELETING', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 100, deleteStreamDelayMs: 100 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(rejection(() => kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state CREATING`,
    });
    clock.advance(100);
    kinesis.deleteStream({ StreamName: 's' });
    expect(rejection(() => kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state DELETING`,
    });
  });
});

describe('EnhancedMonitoring in outputs', () => {
  it('hands out copies of the metrics: changing a returned list does not change the stream', () => {
    const { kinesis } = engine();
    const enabled = kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingBytes'] });
    enabled.DesiredShardLevelMetrics!.push('OutgoingRecords');
    described(kinesis)[0]!.ShardLevelMetrics!.push('OutgoingBytes');
    const summary = kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    summary.EnhancedMonitoring[0]!.ShardLevelMetrics!.push('IncomingRecords');
    expect(described(kinesis)).toEqual([{ ShardLevelMetrics: ['IncomingBytes'] }]);
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.EnhancedMonitoring).toEqual([
      { ShardLevelMetrics: ['IncomingBytes'] },
    ]);
  });
});
