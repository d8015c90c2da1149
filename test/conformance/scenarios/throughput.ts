// The opt-in per-shard throughput limits as clients see them: PutRecords' per-entry failures in its output,
// and the thrown throttles as the SDK's own ProvisionedThroughputExceededException (the SDK client makes one
// attempt, see drivers.ts, so its retry of throttling errors does not hide them).
import { expect } from 'vitest';
import type { Scenario } from '../scenario.js';
import { ACCOUNT } from '../../support/stream-fixture.js';

const SHARD_0 = 'shardId-000000000000';
const THROTTLED = 'ProvisionedThroughputExceededException';
const writeThrottle = `Rate exceeded for shard ${SHARD_0} in stream orders under account ${ACCOUNT}.`;

function records(count: number, key: string) {
  return Array.from({ length: count }, () => ({ Data: new Uint8Array([1]), PartitionKey: key }));
}

export const throughputScenarios: Scenario[] = [
  {
    name: 'Throughput limits: a shard over 1000 records/s fails PutRecords entries alone and throws on PutRecord',
    operations: ['CreateStream', 'PutRecords', 'PutRecord'],
    options: { throughputLimits: true },
    async run({ ok, fails, clock }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      for (let i = 0; i < 2; i++) {
        expect((await ok('PutRecords', { StreamName: 'orders', Records: records(500, 'k') })).FailedRecordCount).toBe(0);
      }
      const over = await ok('PutRecords', { StreamName: 'orders', Records: records(2, 'k') });
      expect(over).toEqual({
        FailedRecordCount: 2,
        Records: [
          { ErrorCode: THROTTLED, ErrorMessage: writeThrottle },
          { ErrorCode: THROTTLED, ErrorMessage: writeThrottle },
        ],
      });
      expect(await fails('PutRecord', { StreamName: 'orders', Data: new Uint8Array([1]), PartitionKey: 'k' })).toEqual({
        name: THROTTLED,
        message: writeThrottle,
        fault: 'client',
      });
      clock.advance(1000);
      expect((await ok('PutRecord', { StreamName: 'orders', Data: new Uint8Array([1]), PartitionKey: 'k' })).ShardId).toBe(SHARD_0);
    },
  },
  {
    name: 'Throughput limits: the 6th GetRecords call on a shard in one second is throttled',
    operations: ['CreateStream', 'GetShardIterator', 'GetRecords'],
    options: { throughputLimits: true },
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const start = await ok('GetShardIterator', { StreamName: 'orders', ShardId: SHARD_0, ShardIteratorType: 'LATEST' });
      let iterator: string = start.ShardIterator;
      for (let i = 0; i < 5; i++) iterator = (await ok('GetRecords', { ShardIterator: iterator })).NextShardIterator;
      expect(await fails('GetRecords', { ShardIterator: iterator })).toEqual({
        name: THROTTLED,
        message: `Rate exceeded for Shard - ${ACCOUNT}/orders/${SHARD_0}`,
        fault: 'client',
      });
    },
  },
];
