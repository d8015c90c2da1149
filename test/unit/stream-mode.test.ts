import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT, arnOf, shardLimitMessage } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
const DELAY_MS = 1500;
const MiB = 1024 * 1024;

function engine(options: ConstructorParameters<typeof Kinesis>[0] = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, updateStreamDelayMs: DELAY_MS, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  return { clock, kinesis };
}

const summary = (kinesis: Kinesis, StreamName = 's') => kinesis.describeStreamSummary({ StreamName }).StreamDescriptionSummary;
const notActive = (status: string) => ({
  name: 'ResourceInUseException',
  message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state ${status}`,
});

describe('UpdateStreamMode', () => {
  it('keeps the stream UPDATING for the update delay, then switches mode and keeps its shards', () => {
    const { clock, kinesis } = engine();
    expect(kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } })).toEqual({});
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'UPDATING', StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    clock.advance(DELAY_MS);
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'ACTIVE', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, OpenShardCount: 2 });
    expect(kinesis.listStreams().StreamSummaries![0]!.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
    expect(kinesis.describeLimits().OnDemandStreamCount).toBe(1);
    kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    clock.advance(DELAY_MS);
    expect(summary(kinesis).StreamModeDetails).toEqual({ StreamMode: 'PROVISIONED' });
  });

  it('refuses a switch to on-demand beyond the account quota, changing nothing', () => {
    const { kinesis } = engine({ onDemandStreamCountLimit: 1 });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expect(rejection(() => kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }))).toEqual({
      name: 'LimitExceededException',
      message: `This request would exceed the on-demand stream limit for the account ${ACCOUNT} in us-east-1. Limit: 1.`,
    });
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'ACTIVE', StreamModeDetails: { StreamMode: 'PROVISIONED' } });
  });

  it('refuses a stream that is not ACTIVE or does not exist', () => {
    const { clock, kinesis } = engine();
    kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expect(rejection(() => kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'PROVISIONED' } }))).toEqual(
      notActive('UPDATING'),
    );
    clock.advance(DELAY_MS);
    expect(summary(kinesis).StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
    expect(rejection(() => kinesis.updateStreamMode({ StreamARN: ARN.replace('/s', '/x'), StreamModeDetails: { StreamMode: 'ON_DEMAND' } }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream x under account ${ACCOUNT} not found.`,
    });
  });

  it('requires StreamARN and StreamModeDetails', () => {
    const { kinesis } = engine();
    const input = {} as Parameters<Kinesis['updateStreamMode']>[0];
    expect(rejection(() => kinesis.updateStreamMode(input))).toEqual({
      name: 'ValidationException',
      message:
        "2 validation errors detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'streamModeDetails' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe('UpdateStreamWarmThroughput', () => {
  function onDemand() {
    const { clock, kinesis } = engine();
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } });
    return { clock, kinesis };
  }

  it('reports the new target and the current throughput, which reaches the target when UPDATING ends', () => {
    const { clock, kinesis } = onDemand();
    expect(summary(kinesis, 'od').WarmThroughput).toEqual({ TargetMiBps: 0, CurrentMiBps: 0 });
    expect(kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 200 })).toEqual({
      StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/od`,
      StreamName: 'od',
      WarmThroughput: { TargetMiBps: 200, CurrentMiBps: 0 },
    });
    expect(summary(kinesis, 'od')).toMatchObject({ StreamStatus: 'UPDATING', WarmThroughput: { TargetMiBps: 200, CurrentMiBps: 0 } });
    clock.advance(DELAY_MS);
    expect(summary(kinesis, 'od')).toMatchObject({ StreamStatus: 'ACTIVE', WarmThroughput: { TargetMiBps: 200, CurrentMiBps: 200 } });
    expect(kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 50 }).WarmThroughput).toEqual({
      TargetMiBps: 50,
      CurrentMiBps: 200,
    });
  });

  it('refuses a provisioned stream, changing nothing', () => {
    const { kinesis } = onDemand();
    expect(rejection(() => kinesis.updateStreamWarmThroughput({ StreamName: 's', WarmThroughputMiBps: 10 }))).toEqual({
      name: 'InvalidArgumentException',
      message: `Warm throughput is not supported for stream s under account ${ACCOUNT} because it is in Provisioned mode.`,
    });
    expect(summary(kinesis).StreamStatus).toBe('ACTIVE');
    expect(summary(kinesis).WarmThroughput).toBeUndefined();
  });

  it('refuses an account without a billing commitment, and hides warm throughput there', () => {
    const { kinesis } = engine();
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expect(summary(kinesis, 'od').WarmThroughput).toBeUndefined();
    expect(rejection(() => kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 10 }))).toEqual({
      name: 'InvalidArgumentException',
      message: `Warm throughput requires MinimumThroughputBillingCommitment to be enabled for account ${ACCOUNT}.`,
    });
    expect(summary(kinesis, 'od').StreamStatus).toBe('ACTIVE');
  });

  it('refuses more than 10 GiBps', () => {
    const { kinesis } = onDemand();
    expect(rejection(() => kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 10241 }))).toEqual({
      name: 'LimitExceededException',
      message: 'Requested warm throughput (10241 MiBps) exceeds the maximum of 10240 MiBps for an on-demand stream.',
    });
    expect(summary(kinesis, 'od').WarmThroughput).toEqual({ TargetMiBps: 0, CurrentMiBps: 0 });
    kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 10240 });
  });

  it('refuses a stream that is not ACTIVE', () => {
    const { kinesis } = onDemand();
    kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 10 });
    expect(rejection(() => kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 20 }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream od under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`,
    });
    expect(summary(kinesis, 'od').WarmThroughput).toEqual({ TargetMiBps: 10, CurrentMiBps: 0 });
  });

  it('takes WarmThroughputMiBps from UpdateStreamMode when switching to on-demand', () => {
    const { clock, kinesis } = onDemand();
    kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' }, WarmThroughputMiBps: 64 });
    clock.advance(DELAY_MS);
    expect(summary(kinesis).WarmThroughput).toEqual({ TargetMiBps: 64, CurrentMiBps: 64 });
  });
});

describe('UpdateMaxRecordSize', () => {
  const big = () => ({ StreamName: 's', Data: new Uint8Array(2 * MiB), PartitionKey: 'a' });

  it('changes the limit that later writes are checked against, at once', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.putRecord(big())).name).toBe('ValidationException');
    expect(kinesis.updateMaxRecordSize({ StreamARN: ARN, MaxRecordSizeInKiB: 4096 })).toEqual({});
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'ACTIVE', MaxRecordSizeInKiB: 4096 });
    expect(kinesis.putRecord(big()).ShardId).toBe('shardId-000000000000');
    expect(kinesis.putRecords({ StreamName: 's', Records: [{ Data: new Uint8Array(4 * MiB - 1), PartitionKey: 'a' }] }).FailedRecordCount).toBe(0);
  });

  it('leaves sizes outside 1024..10240 KiB to the validator', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.updateMaxRecordSize({ StreamARN: ARN, MaxRecordSizeInKiB: 10241 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '10241' at 'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value less than or equal to 10240",
    });
    expect(summary(kinesis).MaxRecordSizeInKiB).toBe(1024);
  });

  it('needs a StreamARN naming an ACTIVE stream', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.updateMaxRecordSize({ MaxRecordSizeInKiB: 2048 }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Either StreamName or StreamARN must be provided.',
    });
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'k' });
    expect(rejection(() => kinesis.updateMaxRecordSize({ StreamARN: ARN, MaxRecordSizeInKiB: 2048 }))).toEqual(notActive('UPDATING'));
    expect(summary(kinesis).MaxRecordSizeInKiB).toBe(1024);
  });
});

describe('warm throughput across mode switches', () => {
  it('[U] drops warm throughput when an on-demand stream turns provisioned: switching back starts from 0', () => {
    const { clock, kinesis } = engine();
    const odArn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/od`;
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } });
    kinesis.updateStreamWarmThroughput({ StreamName: 'od', WarmThroughputMiBps: 200 });
    clock.advance(DELAY_MS);
    expect(summary(kinesis, 'od').WarmThroughput).toEqual({ TargetMiBps: 200, CurrentMiBps: 200 });
    kinesis.updateStreamMode({ StreamARN: odArn, StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    clock.advance(DELAY_MS);
    expect(summary(kinesis, 'od').WarmThroughput).toBeUndefined();
    kinesis.updateStreamMode({ StreamARN: odArn, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    clock.advance(DELAY_MS);
    expect(summary(kinesis, 'od').WarmThroughput).toEqual({ TargetMiBps: 0, CurrentMiBps: 0 });
  });
});

describe('UpdateStreamMode to PROVISIONED and the account shard limit', () => {
  it('refuses a switch whose shards would exceed the shard limit, changing nothing', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 4 });
    kinesis.createStream({ StreamName: 'p', ShardCount: 4 });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const toProvisioned = () => kinesis.updateStreamMode({ StreamARN: arnOf('od'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    expect(rejection(toProvisioned)).toEqual({ name: 'LimitExceededException', message: shardLimitMessage(4, 4, 4) });
    expect(kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary).toMatchObject({
      StreamStatus: 'ACTIVE',
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
    });
    expect(kinesis.describeLimits()).toMatchObject({ OpenShardCount: 4, OnDemandStreamCount: 1 });
  });

  it('accepts the switch when the shards fit', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0), shardLimit: 8 });
    kinesis.createStream({ StreamName: 'p', ShardCount: 4 });
    kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    kinesis.updateStreamMode({ StreamARN: arnOf('od'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    expect(kinesis.describeLimits()).toMatchObject({ OpenShardCount: 8, OnDemandStreamCount: 0 });
  });
});
