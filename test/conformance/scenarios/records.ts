// The data plane: PutRecord, PutRecords, GetShardIterator (every type), GetRecords.
import { expect } from 'vitest';
import { START_MS } from '../drivers.js';
import type { Play, Scenario } from '../scenario.js';

/** Bytes that are not UTF-8 and cover every base64 padding case across the three records. */
const PAYLOADS = [new Uint8Array([0, 255, 128, 10]), new Uint8Array([0xfb, 0xff]), new Uint8Array([])];
/** The lowest hash key routes to the first shard whatever the partition key. */
const FIRST_SHARD = { ExplicitHashKey: '0' };
const SHARD_0 = 'shardId-000000000000';

async function trimHorizon(ok: Play['ok'], shardId = SHARD_0): Promise<string> {
  const out = await ok('GetShardIterator', { StreamName: 'orders', ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
  return out.ShardIterator;
}

export const recordScenarios: Scenario[] = [
  {
    name: 'PutRecord stores bytes that GetRecords returns unchanged, with the arrival time in ms',
    operations: ['CreateStream', 'PutRecord', 'GetShardIterator', 'GetRecords'],
    async run({ ok, clock }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 2 });
      clock.advance(1234);
      const put = await ok('PutRecord', { StreamName: 'orders', Data: PAYLOADS[0], PartitionKey: 'k', ...FIRST_SHARD });
      expect(put.ShardId).toBe(SHARD_0);
      expect(put.SequenceNumber).toMatch(/^[1-9]\d*$/);
      const got = await ok('GetRecords', { ShardIterator: await trimHorizon(ok) });
      expect(got.Records).toHaveLength(1);
      const [record] = got.Records;
      expect(record.Data).toBeInstanceOf(Uint8Array);
      expect([...record.Data]).toEqual([...PAYLOADS[0]!]);
      expect(record).toMatchObject({ PartitionKey: 'k', SequenceNumber: put.SequenceNumber });
      expect(record.ApproximateArrivalTimestamp).toEqual(new Date(START_MS + 1234));
      expect(got.MillisBehindLatest).toBe(0);
      expect(typeof got.NextShardIterator).toBe('string');
    },
  },
  {
    name: 'PutRecords stores every entry in order, empty Data included',
    operations: ['CreateStream', 'PutRecords', 'GetShardIterator', 'GetRecords'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 2 });
      const records = PAYLOADS.map((Data, i) => ({ Data, PartitionKey: `key-${i}`, ...FIRST_SHARD }));
      const put = await ok('PutRecords', { StreamName: 'orders', Records: records });
      expect(put.FailedRecordCount).toBe(0);
      expect(put.Records.map((r: { ShardId: string }) => r.ShardId)).toEqual([SHARD_0, SHARD_0, SHARD_0]);
      const got = await ok('GetRecords', { ShardIterator: await trimHorizon(ok) });
      expect(got.Records.map((r: { Data: Uint8Array }) => [...r.Data])).toEqual(PAYLOADS.map((p) => [...p]));
      expect(got.Records.map((r: { SequenceNumber: string }) => r.SequenceNumber)).toEqual(
        put.Records.map((r: { SequenceNumber: string }) => r.SequenceNumber),
      );
    },
  },
  {
    name: 'PutRecord and PutRecords answer no EncryptionType on an unencrypted stream, KMS on an encrypted one',
    operations: ['CreateStream', 'PutRecord', 'PutRecords', 'StartStreamEncryption'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const record = { StreamName: 'orders', Data: PAYLOADS[0], PartitionKey: 'k' };
      expect(Object.keys(await ok('PutRecord', record)).sort()).toEqual(['SequenceNumber', 'ShardId']);
      const batch = { StreamName: 'orders', Records: [{ Data: PAYLOADS[1], PartitionKey: 'k' }] };
      expect(Object.keys(await ok('PutRecords', batch)).sort()).toEqual(['FailedRecordCount', 'Records']);
      await ok('StartStreamEncryption', { StreamName: 'orders', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' });
      expect((await ok('PutRecord', record)).EncryptionType).toBe('KMS');
      expect((await ok('PutRecords', batch)).EncryptionType).toBe('KMS');
    },
  },
  {
    name: 'GetShardIterator positions AT and AFTER a sequence number, AT_TIMESTAMP and LATEST',
    operations: ['CreateStream', 'PutRecord', 'GetShardIterator', 'GetRecords'],
    async run({ ok, clock }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const sequences: string[] = [];
      for (const key of ['a', 'b', 'c']) {
        clock.advance(1500);
        sequences.push((await ok('PutRecord', { StreamName: 'orders', Data: PAYLOADS[1], PartitionKey: key })).SequenceNumber);
      }
      const keysFrom = async (input: object) => {
        const { ShardIterator } = await ok('GetShardIterator', { StreamName: 'orders', ShardId: SHARD_0, ...input });
        return (await ok('GetRecords', { ShardIterator })).Records.map((r: { PartitionKey: string }) => r.PartitionKey);
      };
      expect(await keysFrom({ ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: sequences[1] })).toEqual(['b', 'c']);
      expect(await keysFrom({ ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: sequences[1] })).toEqual(['c']);
      // The second record arrived at START + 3000 ms; a timestamp 1 ms later starts at the third.
      expect(await keysFrom({ ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(START_MS + 3000) })).toEqual(['b', 'c']);
      expect(await keysFrom({ ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(START_MS + 3001) })).toEqual(['c']);
      expect(await keysFrom({ ShardIteratorType: 'LATEST' })).toEqual([]);
    },
  },
  {
    name: 'GetRecords honours Limit and continues from NextShardIterator',
    operations: ['CreateStream', 'PutRecords', 'GetShardIterator', 'GetRecords'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const records = ['a', 'b', 'c'].map((PartitionKey) => ({ Data: PAYLOADS[0], PartitionKey }));
      await ok('PutRecords', { StreamName: 'orders', Records: records });
      const first = await ok('GetRecords', { ShardIterator: await trimHorizon(ok), Limit: 2 });
      expect(first.Records.map((r: { PartitionKey: string }) => r.PartitionKey)).toEqual(['a', 'b']);
      const rest = await ok('GetRecords', { ShardIterator: first.NextShardIterator });
      expect(rest.Records.map((r: { PartitionKey: string }) => r.PartitionKey)).toEqual(['c']);
      expect((await ok('GetRecords', { ShardIterator: rest.NextShardIterator })).Records).toEqual([]);
    },
  },
];
