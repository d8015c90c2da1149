import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const STREAM_ID = /^[a-z0-9]{20}-[a-z0-9]{3}$/;

function summaryOf(kinesis: Kinesis, name: string) {
  return kinesis.describeStreamSummary({ StreamName: name }).StreamDescriptionSummary;
}

describe('DescribeStreamSummary', () => {
  it('summarises an ACTIVE stream in the SDK v3 shape', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 3, MaxRecordSizeInKiB: 2048 });
    expect(kinesis.describeStreamSummary({ StreamName: 's' })).toEqual({
      StreamDescriptionSummary: {
        StreamName: 's',
        StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`,
        StreamId: expect.stringMatching(STREAM_ID),
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: 'PROVISIONED' },
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: new Date(T0),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
        OpenShardCount: 3,
        ConsumerCount: 0,
        MaxRecordSizeInKiB: 2048,
        ChannelCount: 0,
      },
    });
  });

  it('counts open shards, and none while the stream is CREATING', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 1_000 });
    kinesis.createStream({ StreamName: 's', ShardCount: 7 });
    expect(summaryOf(kinesis, 's').OpenShardCount).toBe(0);
    clock.advance(1_000);
    expect(summaryOf(kinesis, 's').OpenShardCount).toBe(7);
  });

  it("gives a StreamId of AWS's shape that stays the same across calls and writes", () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const id = summaryOf(kinesis, 's').StreamId;
    expect(id).toMatch(STREAM_ID);
    kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a' });
    clock.advance(60_000);
    expect(summaryOf(kinesis, 's').StreamId).toBe(id);
    expect(kinesis.describeStreamSummary({ StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s` }).StreamDescriptionSummary.StreamId).toBe(id);
  });

  it('gives different streams, and a re-created stream of the same name, different StreamIds', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    const first = summaryOf(kinesis, 's').StreamId;
    expect(summaryOf(kinesis, 't').StreamId).not.toBe(first);
    kinesis.deleteStream({ StreamName: 's' });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const second = summaryOf(kinesis, 's').StreamId;
    expect(second).toMatch(STREAM_ID);
    expect(second).not.toBe(first);
  });

  it('gives the same StreamIds to two engines fed the same calls', () => {
    const ids = [0, 1].map(() => {
      const kinesis = new Kinesis({ clock: new ManualClock(T0) });
      kinesis.createStream({ StreamName: 's', ShardCount: 1 });
      return summaryOf(kinesis, 's').StreamId;
    });
    expect(ids[0]).toBe(ids[1]);
  });

  it('reports the ON_DEMAND mode with its four shards', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const summary = summaryOf(kinesis, 's');
    expect(summary.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
    expect(summary.OpenShardCount).toBe(4);
  });

  it('answers ResourceNotFoundException for a missing stream', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    expect(rejection(() => kinesis.describeStreamSummary({ StreamName: 'nope' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream nope under account ${ACCOUNT} not found.`,
    });
  });
});
