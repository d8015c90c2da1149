import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const KEY = 'arn:aws:kms:us-east-1:000000000000:key/12345678-1234-1234-1234-123456789012';
const SHARD0 = 'shardId-000000000000';
const DELAY_MS = 2000;

function engine() {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, updateStreamDelayMs: DELAY_MS });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  return { clock, kinesis };
}

const put = (kinesis: Kinesis, byte: number) =>
  kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([byte]), PartitionKey: 'a' });

function read(kinesis: Kinesis, shardId = SHARD0) {
  const iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
  return kinesis.getRecords({ ShardIterator: iterator }).Records.map((r) => [r.Data[0], r.EncryptionType]);
}

const summary = (kinesis: Kinesis) => kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;

describe('StartStreamEncryption', () => {
  it('keeps the stream UPDATING for the update delay, then reports KMS and the KeyId', () => {
    const { clock, kinesis } = engine();
    expect(kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY })).toEqual({});
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'UPDATING', EncryptionType: 'NONE' });
    expect(summary(kinesis).KeyId).toBeUndefined();
    clock.advance(DELAY_MS);
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'ACTIVE', EncryptionType: 'KMS', KeyId: KEY });
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription).toMatchObject({ EncryptionType: 'KMS', KeyId: KEY });
  });

  it('makes PutRecord and PutRecords report the stream encryption once the change is applied', () => {
    const { clock, kinesis } = engine();
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    expect(put(kinesis, 1)).not.toHaveProperty('EncryptionType');
    clock.advance(DELAY_MS);
    expect(put(kinesis, 2).EncryptionType).toBe('KMS');
    const batch = kinesis.putRecords({ StreamName: 's', Records: [{ Data: new Uint8Array([3]), PartitionKey: 'a' }] });
    expect(batch.EncryptionType).toBe('KMS');
  });

  it('marks in GetRecords exactly the records written while encryption was on', () => {
    const { clock, kinesis } = engine();
    put(kinesis, 1);
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    put(kinesis, 2); // still UPDATING: written unencrypted
    clock.advance(DELAY_MS);
    put(kinesis, 3);
    put(kinesis, 4);
    kinesis.stopStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    put(kinesis, 5);
    clock.advance(DELAY_MS);
    put(kinesis, 6);
    expect(read(kinesis)).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 'KMS'],
      [4, 'KMS'],
      [5, 'KMS'],
      [6, undefined],
    ]);
  });

  it('marks records in a batch that starts mid-way through an encrypted run', () => {
    const { clock, kinesis } = engine();
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    clock.advance(DELAY_MS);
    put(kinesis, 1);
    put(kinesis, 2);
    const iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: SHARD0, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    const first = kinesis.getRecords({ ShardIterator: iterator, Limit: 1 });
    const second = kinesis.getRecords({ ShardIterator: first.NextShardIterator! });
    expect(second.Records.map((r) => [r.Data[0], r.EncryptionType])).toEqual([[2, 'KMS']]);
  });

  it('encrypts records of shards opened after encryption started', () => {
    const { clock, kinesis } = engine();
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    clock.advance(DELAY_MS);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: SHARD0, NewStartingHashKey: '170141183460469231731687303715884105728' });
    clock.advance(DELAY_MS);
    put(kinesis, 7); // 'a' hashes into the lower half
    expect(read(kinesis, 'shardId-000000000001')).toEqual([[7, 'KMS']]);
  });

  it('switches to a new KeyId when started again', () => {
    const { clock, kinesis } = engine();
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    clock.advance(DELAY_MS);
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'alias/other' });
    clock.advance(DELAY_MS);
    expect(summary(kinesis)).toMatchObject({ EncryptionType: 'KMS', KeyId: 'alias/other' });
  });

  it('refuses EncryptionType NONE, changing nothing', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'NONE', KeyId: KEY }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'KMS is the only valid EncryptionType for this request',
    });
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'ACTIVE', EncryptionType: 'NONE' });
  });

  it('refuses a stream that is not ACTIVE, changing nothing', () => {
    const { clock, kinesis } = engine();
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    expect(rejection(() => kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'alias/x' }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`,
    });
    clock.advance(DELAY_MS);
    expect(summary(kinesis).KeyId).toBe(KEY);

    const creating = new Kinesis({ clock, createStreamDelayMs: 100 });
    creating.createStream({ StreamName: 'c', ShardCount: 1 });
    expect(rejection(() => creating.startStreamEncryption({ StreamName: 'c', EncryptionType: 'KMS', KeyId: KEY }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream c under account ${ACCOUNT} not ACTIVE, instead in state CREATING`,
    });
  });

  it('answers ResourceNotFoundException for a missing stream and ValidationException for a missing KeyId', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.startStreamEncryption({ StreamName: 'x', EncryptionType: 'KMS', KeyId: KEY }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream x under account ${ACCOUNT} not found.`,
    });
    const input = { StreamName: 's', EncryptionType: 'KMS' } as unknown as Parameters<Kinesis['startStreamEncryption']>[0];
    expect(rejection(() => kinesis.startStreamEncryption(input))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe('StopStreamEncryption', () => {
  it('goes UPDATING, then reports NONE without a KeyId', () => {
    const { clock, kinesis } = engine();
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    clock.advance(DELAY_MS);
    expect(kinesis.stopStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY })).toEqual({});
    expect(summary(kinesis)).toMatchObject({ StreamStatus: 'UPDATING', EncryptionType: 'KMS' });
    clock.advance(DELAY_MS);
    const after = summary(kinesis);
    expect(after).toMatchObject({ StreamStatus: 'ACTIVE', EncryptionType: 'NONE' });
    expect('KeyId' in after).toBe(false);
    expect(put(kinesis, 1)).not.toHaveProperty('EncryptionType');
  });

  it('refuses EncryptionType NONE and a stream that is not ACTIVE', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.stopStreamEncryption({ StreamName: 's', EncryptionType: 'NONE', KeyId: KEY }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'KMS is the only valid EncryptionType for this request',
    });
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    expect(rejection(() => kinesis.stopStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY }))).toMatchObject({
      name: 'ResourceInUseException',
    });
  });
});
