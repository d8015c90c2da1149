// The call history and the engine's listeners: what a test can assert about what its code did.

import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type RecordsPutEvent, type StreamChangeEvent } from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';

const data = new Uint8Array([7]);

function fixture(options: ConstructorParameters<typeof Kinesis>[0] = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  return { clock, kinesis };
}

const attempt = (call: () => unknown) => {
  try {
    call();
  } catch {
    // the history is what the test looks at
  }
};

describe('kinesis.history', () => {
  it('records nothing until started, then every call with its outcome and engine time', () => {
    const { clock, kinesis } = fixture();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: data });
    expect(kinesis.history.recording).toBe(false);
    expect(kinesis.history.calls).toEqual([]);
    kinesis.history.start();
    clock.advance(5);
    const put = kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: data });
    attempt(() => kinesis.describeStream({ StreamName: 'missing' }));
    attempt(() => kinesis.putRecord({ StreamName: 's', PartitionKey: '', Data: data }));
    kinesis.getShardIterator({ StreamName: 's', ShardId: '1', ShardIteratorType: 'LATEST' });
    expect(kinesis.history.calls).toEqual([
      { operation: 'PutRecord', atMs: T0 + 5, streamName: 's', shardId: put.ShardId, outcome: 'ok', injected: false },
      { operation: 'DescribeStream', atMs: T0 + 5, streamName: 'missing', outcome: 'error', error: 'ResourceNotFoundException', injected: false },
      { operation: 'PutRecord', atMs: T0 + 5, outcome: 'error', error: 'ValidationException', injected: false },
      { operation: 'GetShardIterator', atMs: T0 + 5, streamName: 's', shardId: 'shardId-000000000001', outcome: 'ok', injected: false },
    ]);
  });

  it('tells injected failures from real ones, and counts PutRecords entries and failures', () => {
    const { kinesis } = fixture();
    kinesis.history.start();
    kinesis.faults.inject({ operation: 'PutRecords', error: 'InternalFailure', count: 2 });
    kinesis.faults.inject({ records: { indexes: [0] }, count: 1 });
    const batch = () => kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: data }, { PartitionKey: 'b', Data: data }] });
    for (let i = 0; i < 4; i++) attempt(batch);
    expect(kinesis.history.filter({ operation: 'PutRecords' }).map(({ outcome, error, injected, records, failedRecordCount }) => ({ outcome, error, injected, records, failedRecordCount }))).toEqual([
      { outcome: 'error', error: 'InternalFailure', injected: true, records: undefined, failedRecordCount: undefined },
      { outcome: 'error', error: 'InternalFailure', injected: true, records: undefined, failedRecordCount: undefined },
      { outcome: 'ok', error: undefined, injected: true, records: 2, failedRecordCount: 1 },
      { outcome: 'ok', error: undefined, injected: false, records: 2, failedRecordCount: 0 },
    ]);
    expect(kinesis.history.count({ operation: 'PutRecords', error: 'InternalFailure' })).toBe(2);
    expect(kinesis.history.count({ injected: true })).toBe(3);
  });

  it('stops, keeps what it recorded until cleared, and keeps only the latest `limit` calls', () => {
    const { kinesis } = fixture();
    kinesis.history.start({ limit: 3 });
    for (let i = 0; i < 10; i++) kinesis.putRecord({ StreamName: 's', PartitionKey: `k${i}`, Data: data });
    kinesis.describeStreamSummary({ StreamName: 's' });
    expect(kinesis.history.calls.map((c) => c.operation)).toEqual(['PutRecord', 'PutRecord', 'DescribeStreamSummary']);
    kinesis.history.stop();
    kinesis.listStreams();
    expect(kinesis.history.count()).toBe(3);
    kinesis.history.clear();
    expect(kinesis.history.calls).toEqual([]);
    expect(() => kinesis.history.start({ limit: 0 })).toThrow(RangeError);
  });

  it('changes nothing the engine does: the same calls leave the same state with or without it', () => {
    const run = (watch: boolean) => {
      const { clock, kinesis } = fixture({ updateStreamDelayMs: 100 });
      if (watch) {
        kinesis.history.start();
        kinesis.events.on('call', () => undefined);
        kinesis.events.on('streamChange', () => undefined);
      }
      kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: data }] });
      kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
      clock.advance(150);
      attempt(() => kinesis.putRecord({ StreamName: 's', PartitionKey: '', Data: data }));
      kinesis.putRecord({ StreamName: 's', PartitionKey: 'b', Data: data });
      return kinesis.snapshot();
    };
    expect(Buffer.compare(run(true), run(false))).toBe(0);
  });
});

describe('kinesis.events', () => {
  it('tells call listeners about every call, after it took effect', () => {
    const { kinesis } = fixture();
    kinesis.history.start();
    const seen: string[] = [];
    // A listener may call the engine: its own calls are recorded, but tell no listener (no endless loop).
    const off = kinesis.events.on('call', (call) => seen.push(`${call.operation}:${call.outcome}:${kinesis.listStreams().StreamNames!.length}`));
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    attempt(() => kinesis.createStream({ StreamName: 't', ShardCount: 1 }));
    off();
    off();
    kinesis.listStreams();
    expect(seen).toEqual(['CreateStream:ok:2', 'CreateStream:error:2']);
    expect(kinesis.history.calls.map((c) => c.operation)).toEqual(['CreateStream', 'ListStreams', 'CreateStream', 'ListStreams', 'ListStreams']);
  });

  it('tells recordsPut listeners which records were stored, failed entries left out', () => {
    const { kinesis } = fixture();
    const events: RecordsPutEvent[] = [];
    kinesis.events.on('recordsPut', (e) => events.push(e));
    kinesis.faults.inject({ records: { indexes: [1] } });
    const one = kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: data });
    const out = kinesis.putRecords({ StreamName: 's', Records: ['x', 'y', 'z'].map((PartitionKey) => ({ PartitionKey, Data: data })) });
    expect(events).toEqual([
      { streamName: 's', atMs: T0, records: [{ shardId: one.ShardId, sequenceNumber: one.SequenceNumber, partitionKey: 'a', data }] },
      {
        streamName: 's',
        atMs: T0,
        records: [0, 2].map((i) => ({ shardId: out.Records[i]!.ShardId, sequenceNumber: out.Records[i]!.SequenceNumber, partitionKey: 'xyz'[i], data })),
      },
    ]);
  });

  it('tells streamChange listeners when a reshard or setting applies, on the call that applied it', () => {
    const { clock, kinesis } = fixture({ updateStreamDelayMs: 1000 });
    const changes: StreamChangeEvent[] = [];
    kinesis.events.on('streamChange', (e) => changes.push(e));
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 126n) });
    expect(changes).toEqual([]);
    clock.advance(1000);
    kinesis.listStreams();
    expect(changes).toEqual([
      { streamName: 's', kind: 'split', atMs: T0 + 1000, openedShardIds: ['shardId-000000000002', 'shardId-000000000003'], closedShardIds: ['shardId-000000000000'] },
    ]);
    const open = () => kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards!.map((s) => s.ShardId);
    kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
    clock.advance(1000);
    expect(open()).toEqual(['shardId-000000000001', 'shardId-000000000004']); // the upper half was already even
    expect(changes[1]).toEqual({
      streamName: 's', kind: 'scale', atMs: T0 + 2000, openedShardIds: ['shardId-000000000004'], closedShardIds: ['shardId-000000000002', 'shardId-000000000003'],
    });
    // From halves to thirds takes intermediate shards, opened and closed within the change: in neither list.
    kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
    clock.advance(1000);
    const now = open();
    const thirds = changes[2]!;
    expect(thirds.closedShardIds).toEqual(['shardId-000000000001', 'shardId-000000000004']);
    expect(thirds.openedShardIds).toEqual(now);
    expect(kinesis.listShards({ StreamName: 's' }).Shards!.length).toBeGreaterThan(5 + now.length);
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'k' });
    clock.advance(1000);
    kinesis.listStreams();
    expect(changes[3]).toEqual({ streamName: 's', kind: 'encryption', atMs: T0 + 4000, openedShardIds: [], closedShardIds: [] });
  });

  it('lets a throwing listener fail the call it observed, after the call took effect', () => {
    const { kinesis } = fixture();
    kinesis.events.on('call', () => {
      throw new Error('assertion in a listener');
    });
    expect(() => kinesis.createStream({ StreamName: 't', ShardCount: 1 })).toThrow('assertion in a listener');
    expect(() => kinesis.listStreams()).toThrow('assertion in a listener');
  });

  it('refuses unknown events and non-functions', () => {
    const { kinesis } = fixture();
    expect(() => kinesis.events.on('nope' as 'call', () => undefined)).toThrow('unknown event nope; known: call, recordsPut, streamChange');
    expect(() => kinesis.events.on('call', 5 as unknown as () => void)).toThrow(TypeError);
  });
});
