// Fault injection on the Kinesis API: which calls a rule fails, with what, how often, and that an injected
// failure changes nothing.

import { describe, expect, it } from 'vitest';
import {
  FAULT_ERROR_NAMES,
  Kinesis,
  KinesisError,
  ManualClock,
  ProvisionedThroughputExceededException,
  evenRanges,
  shardIndexForKey,
  type FaultRule,
} from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { ACCOUNT, T0, arnOf, shardId as shardIdOf } from '../support/stream-fixture.js';

const data = new Uint8Array([1, 2, 3]);

/** What `call` threw (an AWS error's name and message), or undefined when it succeeded. */
function failure(call: () => unknown): { name: string; message: string } | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    if (!(error instanceof KinesisError)) throw error;
    return { name: error.name, message: error.message };
  }
}

function fixture(options: ConstructorParameters<typeof Kinesis>[0] = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  kinesis.createStream({ StreamName: 't', ShardCount: 1 });
  return { clock, kinesis };
}

/** A partition key that routes to shard `index` of a 2-shard stream. */
const KEY_FOR_SHARD = ['a', 'b'];
const put = (kinesis: Kinesis, StreamName = 's', PartitionKey = 'a') => kinesis.putRecord({ StreamName, PartitionKey, Data: data });
const iteratorOf = (kinesis: Kinesis, ShardId = 'shardId-000000000000', StreamName = 's') =>
  kinesis.getShardIterator({ StreamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
const readAll = (kinesis: Kinesis, StreamName = 's') =>
  kinesis.listShards({ StreamName }).Shards!.flatMap((s) => kinesis.getRecords({ ShardIterator: iteratorOf(kinesis, s.ShardId, StreamName) }).Records);

describe('kinesis.faults', () => {
  it('is off until a rule is injected, and off again once every rule is gone', () => {
    const { kinesis } = fixture();
    expect(kinesis.faults.active).toBe(false);
    const handle = kinesis.faults.inject({ operation: 'PutRecord', error: 'InternalFailure' });
    expect(kinesis.faults.active).toBe(true);
    expect(kinesis.faults.rules).toEqual([{ id: 1, rule: { operation: 'PutRecord', error: 'InternalFailure' }, fired: 0 }]);
    handle.remove();
    handle.remove();
    expect(kinesis.faults.remove(handle.id)).toBe(false);
    expect(kinesis.faults.active).toBe(false);
    expect(put(kinesis).ShardId).toBe('shardId-000000000000');
  });

  it('answers each error with AWS\'s name, HTTP status and $fault', () => {
    const { kinesis } = fixture();
    const expected: Record<string, [number, string]> = {
      InternalFailure: [500, 'server'],
      InternalFailureException: [500, 'server'],
      ServiceUnavailable: [503, 'server'],
    };
    for (const error of FAULT_ERROR_NAMES) {
      const handle = kinesis.faults.inject({ error });
      let thrown: unknown;
      try {
        kinesis.describeStream({ StreamName: 's' });
      } catch (e) {
        thrown = e;
      }
      handle.remove();
      expect(thrown).toBeInstanceOf(KinesisError);
      const [status, fault] = expected[error] ?? [400, 'client'];
      expect(thrown).toMatchObject({ name: error, statusCode: status, $fault: fault });
    }
    expect(FAULT_ERROR_NAMES).toContain('KMSThrottlingException');
    expect(FAULT_ERROR_NAMES).toContain('ExpiredIteratorException');
  });

  it('uses AWS\'s texts by default, filled in from what the call names, and a given message otherwise', () => {
    const { clock, kinesis } = fixture();
    const iterator = iteratorOf(kinesis, 'shardId-000000000001');
    clock.advance(1234);
    kinesis.faults.inject({ operation: 'PutRecord', error: 'ProvisionedThroughputExceededException', count: 1 });
    kinesis.faults.inject({ operation: 'GetRecords', error: 'ProvisionedThroughputExceededException', count: 1 });
    kinesis.faults.inject({ operation: 'GetRecords', error: 'ExpiredIteratorException', count: 1 });
    kinesis.faults.inject({ operation: 'SplitShard', error: 'LimitExceededException', count: 1 });
    kinesis.faults.inject({ operation: 'ListStreams', error: 'InternalFailure', count: 1 });
    kinesis.faults.inject({ operation: 'ListStreams', error: 'ServiceUnavailable', count: 1, message: 'try later' });
    expect(rejection(() => put(kinesis, 's', 'b'))).toEqual({
      name: 'ProvisionedThroughputExceededException',
      message: `Rate exceeded for shard shardId-000000000001 in stream s under account ${ACCOUNT}.`,
    });
    expect(rejection(() => kinesis.getRecords({ ShardIterator: iterator })).message).toBe(`Rate exceeded for Shard - ${ACCOUNT}/s/shardId-000000000001`);
    expect(rejection(() => kinesis.getRecords({ ShardIterator: iterator })).message).toBe(
      'Iterator expired. The iterator was created at time Mon Jan 01 00:00:00 UTC 2024 while right now it is ' +
        'Mon Jan 01 00:00:01 UTC 2024 which is further in the future than the tolerated delay of 300000 milliseconds.',
    );
    expect(rejection(() => kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '5' }))).toEqual({
      name: 'LimitExceededException',
      message: `Rate exceeded for stream s under account ${ACCOUNT}.`,
    });
    expect(rejection(() => kinesis.listStreams())).toEqual({ name: 'InternalFailure', message: '' });
    expect(rejection(() => kinesis.listStreams())).toEqual({ name: 'ServiceUnavailable', message: 'try later' });
    expect(kinesis.listStreams().StreamNames).toEqual(['s', 't']);
  });

  it('throws the exported class where kinesim has one', () => {
    const { kinesis } = fixture();
    kinesis.faults.inject({ error: 'ProvisionedThroughputExceededException' });
    expect(() => put(kinesis)).toThrow(ProvisionedThroughputExceededException);
  });

  it('fails only the operations named', () => {
    const { kinesis } = fixture();
    kinesis.faults.inject({ operation: ['PutRecord', 'PutRecords'], error: 'InternalFailure' });
    expect(rejection(() => put(kinesis)).name).toBe('InternalFailure');
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: data }] })).name).toBe('InternalFailure');
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamName).toBe('s');
  });

  it('fails only calls naming the stream, however they name it', () => {
    const { kinesis } = fixture();
    const consumer = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer.ConsumerARN;
    const iterator = iteratorOf(kinesis);
    kinesis.faults.inject({ streamName: 's', error: 'ServiceUnavailable' });
    const calls: (() => unknown)[] = [
      () => put(kinesis),
      () => kinesis.describeStream({ StreamARN: arnOf('s') }),
      () => kinesis.listTagsForResource({ ResourceARN: arnOf('s') }),
      () => kinesis.describeStreamConsumer({ ConsumerARN: consumer }),
      () => kinesis.getRecords({ ShardIterator: iterator }),
    ];
    for (const call of calls) expect(rejection(call).name).toBe('ServiceUnavailable');
    expect(put(kinesis, 't').ShardId).toBe('shardId-000000000000');
    expect(kinesis.listStreams().StreamNames).toEqual(['s', 't']);
  });

  it('fails only calls naming the shard: ShardId, the iterator\'s shard, the shard a put routes to', () => {
    const { kinesis } = fixture();
    const iterator0 = iteratorOf(kinesis, 'shardId-000000000000');
    const iterator1 = iteratorOf(kinesis, 'shardId-000000000001');
    kinesis.faults.inject({ shardId: 'shardId-000000000001', error: 'ProvisionedThroughputExceededException' });
    expect(rejection(() => put(kinesis, 's', KEY_FOR_SHARD[1])).name).toBe('ProvisionedThroughputExceededException');
    expect(put(kinesis, 's', KEY_FOR_SHARD[0]).ShardId).toBe('shardId-000000000000');
    expect(rejection(() => kinesis.getRecords({ ShardIterator: iterator1 })).name).toBe('ProvisionedThroughputExceededException');
    expect(kinesis.getRecords({ ShardIterator: iterator0 }).Records).toHaveLength(1);
    expect(rejection(() => iteratorOf(kinesis, '1')).name).toBe('ProvisionedThroughputExceededException');
    const batch = (keys: string[]) => kinesis.putRecords({ StreamName: 's', Records: keys.map((PartitionKey) => ({ PartitionKey, Data: data })) });
    expect(rejection(() => batch(['a', 'b'])).name).toBe('ProvisionedThroughputExceededException');
    expect(batch(['a', 'c']).FailedRecordCount).toBe(0);
  });

  it('fires a counted rule that many times, then removes it', () => {
    const { kinesis } = fixture();
    const handle = kinesis.faults.inject({ operation: 'PutRecord', error: 'InternalFailure', count: 2 });
    expect([handle.fired, handle.active]).toEqual([0, true]);
    expect(rejection(() => put(kinesis)).name).toBe('InternalFailure');
    expect(kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamName).toBe('s');
    expect(rejection(() => put(kinesis)).name).toBe('InternalFailure');
    expect([handle.fired, handle.active, kinesis.faults.active]).toEqual([2, false, false]);
    expect(put(kinesis).SequenceNumber).toMatch(/1$/);
  });

  it('draws probabilities from the rule\'s seeded generator: the same seed fails the same calls', () => {
    const pattern = (seed: number | undefined) => {
      const { kinesis } = fixture();
      kinesis.faults.inject({ operation: 'PutRecord', error: 'InternalFailure', probability: 0.3, ...(seed === undefined ? {} : { seed }) });
      return Array.from({ length: 1000 }, () => (failure(() => put(kinesis)) ? 'x' : '.')).join('');
    };
    const first = pattern(7);
    expect(pattern(7)).toBe(first);
    expect(pattern(8)).not.toBe(first);
    expect(pattern(undefined)).toBe(pattern(1)); // the first rule's default seed is 1
    const failures = first.split('').filter((c) => c === 'x').length;
    expect(failures).toBeGreaterThan(250);
    expect(failures).toBeLessThan(350);
  });

  it('fails only within its engine-time window [fromMs, untilMs)', () => {
    const { clock, kinesis } = fixture();
    kinesis.faults.inject({ operation: 'PutRecord', error: 'ServiceUnavailable', fromMs: T0 + 1000, untilMs: T0 + 2000 });
    const outcomes: string[] = [];
    for (const at of [999, 1000, 1999, 2000]) {
      clock.set(T0 + at);
      outcomes.push(failure(() => put(kinesis))?.name ?? 'ok');
    }
    expect(outcomes).toEqual(['ok', 'ServiceUnavailable', 'ServiceUnavailable', 'ok']);
  });

  it('checks rules in the order they were injected; the first that fires decides', () => {
    const { kinesis } = fixture();
    kinesis.faults.inject({ operation: 'PutRecord', error: 'ServiceUnavailable', count: 1 });
    const second = kinesis.faults.inject({ error: 'InternalFailure', count: 2 });
    kinesis.faults.inject({ error: 'AccessDeniedException' });
    expect(rejection(() => put(kinesis)).name).toBe('ServiceUnavailable');
    expect(rejection(() => put(kinesis)).name).toBe('InternalFailure');
    expect(kinesis.faults.rules.map((r) => [r.id, r.fired])).toEqual([[2, 1], [3, 0]]);
    expect(kinesis.faults.remove(second.id)).toBe(true);
    expect(rejection(() => put(kinesis)).name).toBe('AccessDeniedException');
    kinesis.faults.clear();
    expect(kinesis.faults.rules).toEqual([]);
    expect(put(kinesis).ShardId).toBeDefined();
  });

  it('changes nothing when it fails a call: the engine\'s state is byte for byte what it was', () => {
    const { clock, kinesis } = fixture({ updateStreamDelayMs: 10 });
    put(kinesis);
    const before = kinesis.snapshot();
    clock.advance(60_000);
    kinesis.faults.inject({ error: 'InternalFailure' });
    for (const call of [
      () => put(kinesis),
      () => kinesis.createStream({ StreamName: 'u', ShardCount: 1 }),
      () => kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '5' }),
      () => kinesis.deleteStream({ StreamName: 't' }),
      () => kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }),
    ]) {
      expect(rejection(call).name).toBe('InternalFailure');
    }
    expect(Buffer.compare(kinesis.snapshot(), before)).toBe(0);
  });

  it('lets input validation answer first, without using up the rule', () => {
    const { kinesis } = fixture();
    const handle = kinesis.faults.inject({ operation: 'PutRecord', error: 'InternalFailure', count: 1 });
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', PartitionKey: '', Data: data })).name).toBe('ValidationException');
    expect(handle.fired).toBe(0);
    expect(rejection(() => put(kinesis)).name).toBe('InternalFailure');
  });

  it('refuses rules that could not work, naming the member', () => {
    const { kinesis } = fixture();
    const refused = (rule: unknown) => {
      try {
        kinesis.faults.inject(rule as FaultRule);
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'accepted';
    };
    expect(refused({ error: 'Boom' })).toMatch(/^RangeError: fault rule error must be one of InternalFailure, /);
    expect(refused({ error: 'InternalFailure', operation: 'PutRecordz' })).toBe(
      `RangeError: fault rule operation must be an AWS operation name like 'PutRecords', got "PutRecordz"`,
    );
    expect(refused({ error: 'InternalFailure', probability: 1.5 })).toBe('RangeError: fault rule probability must be a number from 0 to 1, got 1.5');
    expect(refused({ error: 'InternalFailure', count: 0 })).toBe('RangeError: fault rule count must be a whole number > 0, got 0');
    expect(refused({ operation: 'PutRecord', records: { indexes: [0] } })).toMatch(/^RangeError: fault rule operation must be 'PutRecords'/);
    expect(refused({ records: {} })).toMatch(/^RangeError: fault rule records must be given indexes, a probability or both/);
    expect(refused({ records: { indexes: [-1] } })).toMatch(/^RangeError: fault rule records.indexes must be/);
    expect(refused({ records: { indexes: [0] }, error: 'ServiceUnavailable' })).toMatch(/^RangeError: fault rule error must be ProvisionedThroughputExceededException or InternalFailure/);
    expect(refused({ transport: 'drop', streamName: 's' })).toMatch(/^RangeError: fault rule streamName must be absent for a transport fault/);
    expect(refused({ transport: 'latency' })).toMatch(/^RangeError: fault rule latencyMs must be a number of ms >= 0/);
    expect(refused({ error: 'InternalFailure', transport: 'drop' })).toBe('RangeError: a fault rule needs exactly one of error, records or transport');
    expect(refused({})).toBe('RangeError: a fault rule needs exactly one of error, records or transport');
    expect(refused(null)).toBe('TypeError: a fault rule is an object');
    // A misspelt member would leave a rule that fires forever (or never): named, with the members there are.
    expect(refused({ operation: 'PutRecords', error: 'ServiceUnavailable', cout: 3 })).toBe(
      'RangeError: fault rule has no member cout; its members are operation, streamName, shardId, count, probability, seed, fromMs, untilMs, error, message, records, transport, latencyMs',
    );
    expect(refused({ operation: 'PutRecords', eror: 'x' })).toMatch(/^RangeError: fault rule has no member eror; /);
    expect(refused({ records: { indexs: [0] } })).toBe('RangeError: fault rule has no member records.indexs; its members are records.indexes, records.probability');
    expect(refused({ records: [0] })).toBe('RangeError: fault rule records must be an object, got [0]');
    expect(kinesis.faults.active).toBe(false);
  });
});

describe('records faults: PutRecords fails chosen entries and stores the rest', () => {
  const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ PartitionKey: `key-${i}`, Data: new Uint8Array([i]) }));

  it('fails the entries at the given indexes with AWS\'s per-entry ErrorCode and ErrorMessage', () => {
    const { kinesis } = fixture();
    kinesis.faults.inject({ records: { indexes: [1, 3] } });
    const out = kinesis.putRecords({ StreamName: 's', Records: entries(5) });
    expect(out.FailedRecordCount).toBe(2);
    expect(out.Records.map((r) => r.ErrorCode ?? 'ok')).toEqual(['ok', 'ProvisionedThroughputExceededException', 'ok', 'ProvisionedThroughputExceededException', 'ok']);
    const shardOf1 = shardIdOf(shardIndexForKey('key-1', evenRanges(2)));
    expect(out.Records[1]).toEqual({
      ErrorCode: 'ProvisionedThroughputExceededException',
      ErrorMessage: `Rate exceeded for shard ${shardOf1} in stream s under account ${ACCOUNT}.`,
    });
    expect(readAll(kinesis).map((r) => r.Data[0]).sort()).toEqual([0, 2, 4]);
  });

  it('fails InternalFailure entries with "Internal service failure." and can say something else', () => {
    const { kinesis } = fixture();
    kinesis.faults.inject({ records: { indexes: [0] }, error: 'InternalFailure', count: 1 });
    kinesis.faults.inject({ records: { indexes: [0] }, error: 'InternalFailure', message: 'custom', count: 1 });
    expect(kinesis.putRecords({ StreamName: 's', Records: entries(2) }).Records[0]).toEqual({ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' });
    expect(kinesis.putRecords({ StreamName: 's', Records: entries(2) }).Records[0]).toEqual({ ErrorCode: 'InternalFailure', ErrorMessage: 'custom' });
  });

  it('fails entries by probability, deterministically, and only those routed to the shard named', () => {
    const run = () => {
      const { kinesis } = fixture();
      kinesis.faults.inject({ records: { probability: 0.5 }, shardId: 'shardId-000000000000', seed: 3 });
      return kinesis.putRecords({ StreamName: 's', Records: entries(400) });
    };
    const out = run();
    expect(run()).toEqual(out);
    const okShards = new Set(out.Records.map((r) => r.ShardId).filter((s) => s !== undefined));
    expect(okShards).toEqual(new Set(['shardId-000000000000', 'shardId-000000000001']));
    expect(out.FailedRecordCount).toBeGreaterThan(60);
    expect(out.FailedRecordCount).toBeLessThan(140);
    // Every failed entry's message names shard 0.
    expect(out.Records.filter((r) => r.ErrorCode !== undefined).every((r) => r.ErrorMessage!.includes('shardId-000000000000'))).toBe(true);
  });

  it('counts calls that failed entries, and a whole-request error fails nothing and counts nothing', () => {
    const { kinesis } = fixture();
    const handle = kinesis.faults.inject({ records: { indexes: [0] }, count: 1 });
    expect(rejection(() => kinesis.putRecords({ StreamName: 'missing', Records: entries(2) })).name).toBe('ResourceNotFoundException');
    expect(handle.fired).toBe(0);
    expect(kinesis.putRecords({ StreamName: 's', Records: entries(2) }).FailedRecordCount).toBe(1);
    expect([handle.fired, handle.active]).toEqual([1, false]);
    expect(kinesis.putRecords({ StreamName: 's', Records: entries(2) }).FailedRecordCount).toBe(0);
  });

  it('injected entries use no throughput: the shard\'s limit still admits 1000 others', () => {
    const { kinesis } = fixture({ throughputLimits: true });
    const sameShard = (n: number) => Array.from({ length: n }, () => ({ PartitionKey: 'a', Data: data }));
    kinesis.faults.inject({ records: { indexes: [0, 1, 2, 3, 4] }, count: 1 });
    expect(kinesis.putRecords({ StreamName: 's', Records: sameShard(500) }).FailedRecordCount).toBe(5);
    expect(kinesis.putRecords({ StreamName: 's', Records: sameShard(500) }).FailedRecordCount).toBe(0);
    expect(kinesis.putRecords({ StreamName: 's', Records: sameShard(10) }).FailedRecordCount).toBe(5);
  });
});

describe('transport faults', () => {
  it('never touch direct calls, and are handed out to transports in order, counted', () => {
    const { kinesis } = fixture();
    kinesis.faults.inject({ transport: 'drop', operation: 'PutRecord', count: 1 });
    kinesis.faults.inject({ transport: 'latency', latencyMs: 250 });
    expect(put(kinesis).ShardId).toBeDefined();
    expect(kinesis.faults.transportFault('ListStreams')).toEqual({ latencyMs: 250 });
    expect(kinesis.faults.transportFault('PutRecord')).toEqual({ drop: true });
    expect(kinesis.faults.transportFault('PutRecord')).toEqual({ latencyMs: 250 });
    expect(kinesis.faults.transportFault(undefined)).toEqual({ latencyMs: 250 });
  });
});
