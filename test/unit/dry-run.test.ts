// DryRun on PutRecord, PutRecords, GetShardIterator and GetRecords: every check of the real call, then
// DryRunOperationException, and nothing changes (https://docs.aws.amazon.com/streams/latest/dev/kds-dryrun-validation.html).
import { describe, expect, it } from 'vitest';
import { DryRunOperationException, Kinesis, ManualClock, ThrottlingException } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { ACCOUNT, T0, shardId, snapshot } from '../support/stream-fixture.js';

/** [U] EC2's wording: AWS's text for Kinesis is not public. */
const DRY_RUN = { name: 'DryRunOperationException', message: 'Request would have succeeded, but DryRun flag is set.' };
const bytes = (...b: number[]) => new Uint8Array(b);

function fixture(throughputLimits = false) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, throughputLimits });
  kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  return { clock, kinesis };
}

describe('a DryRun that passes every check', () => {
  it('PutRecord answers DryRunOperationException and stores nothing: the next record gets the first sequence number', () => {
    const { kinesis } = fixture();
    const twin = fixture().kinesis;
    const before = snapshot(kinesis);
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1), DryRun: true }))).toEqual(DRY_RUN);
    expect(snapshot(kinesis)).toEqual(before);
    const input = { StreamName: 's', PartitionKey: 'k', Data: bytes(1) };
    expect(kinesis.putRecord(input)).toEqual(twin.putRecord(input));
  });

  it('PutRecords answers DryRunOperationException and stores nothing', () => {
    const { kinesis } = fixture();
    const before = snapshot(kinesis);
    const Records = [{ PartitionKey: 'a', Data: bytes(1) }, { PartitionKey: 'b', Data: bytes(2) }];
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records, DryRun: true }))).toEqual(DRY_RUN);
    expect(snapshot(kinesis)).toEqual(before);
  });

  it('GetShardIterator and GetRecords answer DryRunOperationException', () => {
    const { kinesis } = fixture();
    const input = { StreamName: 's', ShardId: shardId(0), ShardIteratorType: 'TRIM_HORIZON' } as const;
    expect(rejection(() => kinesis.getShardIterator({ ...input, DryRun: true }))).toEqual(DRY_RUN);
    const { ShardIterator } = kinesis.getShardIterator(input);
    expect(rejection(() => kinesis.getRecords({ ShardIterator: ShardIterator!, DryRun: true }))).toEqual(DRY_RUN);
  });

  it('is an exported KinesisError subclass, a client fault', () => {
    const { kinesis } = fixture();
    const call = () => kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1), DryRun: true });
    expect(call).toThrow(DryRunOperationException);
    expect(call).toThrow(expect.objectContaining({ $fault: 'client', statusCode: 400 }));
  });

  it('DryRun false is an ordinary call', () => {
    const { kinesis } = fixture();
    expect(kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1), DryRun: false }).ShardId).toMatch(/^shardId-/);
  });
});

describe('a DryRun that fails a check answers what the real call would', () => {
  it.each([
    ['a missing stream', { StreamName: 'nope', PartitionKey: 'k', Data: bytes(1) }, 'ResourceNotFoundException'],
    ['a missing partition key', { StreamName: 's', Data: bytes(1) }, 'ValidationException'],
    ['an explicit hash key out of range', { StreamName: 's', PartitionKey: 'k', Data: bytes(1), ExplicitHashKey: (1n << 128n).toString() }, 'InvalidArgumentException'],
    ['a bad SequenceNumberForOrdering', { StreamName: 's', PartitionKey: 'k', Data: bytes(1), SequenceNumberForOrdering: '1' }, 'InvalidArgumentException'],
    ['a model violation', { StreamName: 's', PartitionKey: '', Data: bytes(1) }, 'ValidationException'],
  ])('PutRecord with %s', (_, input, name) => {
    const { kinesis } = fixture();
    const real = rejection(() => kinesis.putRecord(input));
    expect(real.name).toBe(name);
    expect(rejection(() => kinesis.putRecord({ ...input, DryRun: true }))).toEqual(real);
  });

  it('GetShardIterator with a missing shard, GetRecords with an expired iterator', () => {
    const { kinesis, clock } = fixture();
    const missing = { StreamName: 's', ShardId: shardId(9), ShardIteratorType: 'LATEST' } as const;
    expect(rejection(() => kinesis.getShardIterator({ ...missing, DryRun: true }))).toEqual(rejection(() => kinesis.getShardIterator(missing)));
    const { ShardIterator } = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(0), ShardIteratorType: 'LATEST' });
    clock.advance(300_001);
    expect(rejection(() => kinesis.getRecords({ ShardIterator: ShardIterator!, DryRun: true })).name).toBe('ExpiredIteratorException');
  });

  it('DryRun must be a boolean (model)', () => {
    const { kinesis } = fixture();
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1), DryRun: 'yes' as never })).name)
      .toBe('SerializationException');
  });
});

describe('the DryRun limit (with throughputLimits): 1 per second per stream, shared by the operations [D]', () => {
  it('answers ThrottlingException past it [U text], counts nothing when throttled, and resets each second', () => {
    const { kinesis, clock } = fixture(true);
    const put = { StreamName: 's', PartitionKey: 'k', Data: bytes(1), DryRun: true };
    expect(rejection(() => kinesis.putRecord(put))).toEqual(DRY_RUN);
    const throttled = { name: 'ThrottlingException', message: `Rate exceeded for stream s under account ${ACCOUNT}.` };
    expect(rejection(() => kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(1), ShardIteratorType: 'LATEST', DryRun: true }))).toEqual(throttled);
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'k', Data: bytes(1) }], DryRun: true }))).toEqual(throttled);
    clock.advance(1000);
    expect(rejection(() => kinesis.putRecord(put))).toEqual(DRY_RUN);
  });

  it('is the stream\'s own: another stream and real calls are not held by it, nor do dry runs use shard capacity', () => {
    const { kinesis } = fixture(true);
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: bytes(1), DryRun: true }))).toEqual(DRY_RUN);
    expect(rejection(() => kinesis.putRecord({ StreamName: 't', PartitionKey: 'k', Data: bytes(1), DryRun: true }))).toEqual(DRY_RUN);
    // A full second's worth of writes to one shard still fits after the dry runs.
    const Records = Array.from({ length: 500 }, () => ({ PartitionKey: 'k', Data: bytes(1) }));
    expect(kinesis.putRecords({ StreamName: 's', Records }).FailedRecordCount).toBe(0);
    expect(kinesis.putRecords({ StreamName: 's', Records }).FailedRecordCount).toBe(0);
  });

  it('ThrottlingException is exported and not a modelled Kinesis error', () => {
    const { kinesis } = fixture(true);
    const put = { StreamName: 's', PartitionKey: 'k', Data: bytes(1), DryRun: true };
    expect(() => kinesis.putRecord(put)).toThrow(DryRunOperationException);
    expect(() => kinesis.putRecord(put)).toThrow(ThrottlingException);
  });
});
