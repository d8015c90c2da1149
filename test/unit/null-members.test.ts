import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';
import { rejection } from '../support/rejection.js';


function engine(): Kinesis {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  return kinesis;
}

// AWS reads a JSON null as an absent member; the in-process API does the same at every depth.
describe('null members', () => {
  it('PutRecords treats a null ExplicitHashKey as absent and leaves the caller input unchanged', () => {
    const entry = { Data: new Uint8Array([1]), PartitionKey: 'a', ExplicitHashKey: null };
    const input = { StreamName: 's', StreamARN: null, Records: [entry] } as never;
    const withNull = engine().putRecords(input);
    const without = engine().putRecords({ StreamName: 's', Records: [{ Data: new Uint8Array([1]), PartitionKey: 'a' }] });
    expect(withNull).toEqual(without);
    expect(entry.ExplicitHashKey).toBeNull();
  });

  it('PutRecord treats null ExplicitHashKey and SequenceNumberForOrdering as absent', () => {
    const input = { StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a', ExplicitHashKey: null, SequenceNumberForOrdering: null };
    expect(engine().putRecord(input as never)).toEqual(engine().putRecord({ StreamName: 's', Data: new Uint8Array([1]), PartitionKey: 'a' }));
  });

  it('ListShards treats a null NextToken and ShardFilter as absent', () => {
    const kinesis = engine();
    const input = { StreamName: 's', NextToken: null, ShardFilter: null, MaxResults: null };
    expect(kinesis.listShards(input as never)).toEqual(kinesis.listShards({ StreamName: 's' }));
  });

  it('GetShardIterator treats a null StartingSequenceNumber as absent for TRIM_HORIZON', () => {
    const kinesis = engine();
    const input = { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON', StartingSequenceNumber: null };
    expect(kinesis.getShardIterator(input as never).ShardIterator).toMatch(/^AAAAAAAAAAE/);
  });
});

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
