// The main AWS errors, name, message and fault, as both drivers must report them.
import { expect } from 'vitest';
import type { Scenario } from '../scenario.js';
import { ACCOUNT } from '../../support/stream-fixture.js';

const client = (name: string, message: string) => ({ name, message, fault: 'client' });

export const errorScenarios: Scenario[] = [
  {
    name: 'ResourceNotFoundException for a missing stream or shard',
    operations: ['CreateStream', 'DescribeStream', 'PutRecord', 'GetShardIterator'],
    async run({ ok, fails }) {
      expect(await fails('DescribeStream', { StreamName: 'missing' })).toEqual(
        client('ResourceNotFoundException', `Stream missing under account ${ACCOUNT} not found.`),
      );
      expect(await fails('PutRecord', { StreamName: 'missing', Data: new Uint8Array([1]), PartitionKey: 'k' })).toEqual(
        client('ResourceNotFoundException', `Stream missing under account ${ACCOUNT} not found.`),
      );
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const input = { StreamName: 'orders', ShardId: 'shardId-000000000009', ShardIteratorType: 'LATEST' };
      expect(await fails('GetShardIterator', input)).toEqual(
        client(
          'ResourceNotFoundException',
          `Shard shardId-000000000009 in stream orders under account ${ACCOUNT} does not exist`,
        ),
      );
    },
  },
  {
    name: 'ResourceInUseException for a second stream of the same name',
    operations: ['CreateStream'],
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      expect(await fails('CreateStream', { StreamName: 'orders', ShardCount: 1 })).toEqual(
        client('ResourceInUseException', `Stream orders under account ${ACCOUNT} already exists.`),
      );
    },
  },
  {
    name: 'InvalidArgumentException for arguments that are well-formed but unacceptable',
    operations: ['CreateStream', 'GetShardIterator', 'PutRecord', 'GetRecords', 'ListShards'],
    async run({ ok, fails }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const iterator = { StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER' };
      expect(await fails('GetShardIterator', iterator)).toEqual(
        client(
          'InvalidArgumentException',
          'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or ' +
            '(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber.',
        ),
      );
      const tooBig = '340282366920938463463374607431768211456';
      const put = { StreamName: 'orders', Data: new Uint8Array([1]), PartitionKey: 'k', ExplicitHashKey: tooBig };
      expect(await fails('PutRecord', put)).toEqual(
        client(
          'InvalidArgumentException',
          `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${tooBig}`,
        ),
      );
      expect(await fails('GetRecords', { ShardIterator: 'not-an-iterator' })).toEqual(
        client('InvalidArgumentException', 'Invalid ShardIterator.'),
      );
      expect(await fails('ListShards', {})).toEqual(
        client('InvalidArgumentException', 'Either NextToken or StreamName should be provided.'),
      );
    },
  },
  {
    name: 'ValidationException lists every constraint violation, integers clamped to int32 first',
    operations: ['CreateStream', 'DescribeStream', 'PutRecord'],
    async run({ ok, fails }) {
      expect(await fails('CreateStream', { StreamName: 'bad name!', ShardCount: 0 })).toEqual(
        client(
          'ValidationException',
          "2 validation errors detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: " +
            'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; ' +
            "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
      );
      expect(await fails('DescribeStream', { StreamName: 'orders', Limit: 100_000_000_000 })).toEqual(
        client(
          'ValidationException',
          "1 validation error detected: Value '2147483647' at 'limit' failed to satisfy constraint: " +
            'Member must have value less than or equal to 10000',
        ),
      );
      // PartitionKey is optional in the model since AUTO distribution; a USER_PARTITION_KEY stream still needs one.
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      expect(await fails('PutRecord', { StreamName: 'orders', Data: new Uint8Array([1]) })).toEqual(
        client(
          'ValidationException',
          "1 validation error detected: Value null at 'partitionKey' failed to satisfy constraint: Member must not be null",
        ),
      );
    },
  },
  {
    // The SDK writes what it is given: a string or NaN for an integer travels as a JSON string, a boolean
    // for a string as a JSON boolean. The engine's type check and the wire decoder must word it alike.
    name: 'SerializationException for a member of the wrong type',
    operations: ['CreateStream', 'DescribeStream'],
    async run({ fails }) {
      expect(await fails('CreateStream', { StreamName: 'orders', ShardCount: '2' })).toEqual(
        client('SerializationException', 'class java.lang.String can not be converted to an Integer'),
      );
      expect(await fails('DescribeStream', { StreamName: 'orders', Limit: Number.NaN })).toEqual(
        client('SerializationException', 'class java.lang.String can not be converted to an Integer'),
      );
      expect(await fails('DescribeStream', { StreamName: true })).toEqual(
        client('SerializationException', 'class java.lang.Boolean can not be converted to an String'),
      );
    },
  },
  {
    name: 'ExpiredIteratorException once an iterator is older than 300000 ms',
    operations: ['CreateStream', 'GetShardIterator', 'GetRecords'],
    async run({ ok, fails, clock }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const input = { StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' };
      const { ShardIterator } = await ok('GetShardIterator', input);
      clock.advance(300_000);
      expect((await ok('GetRecords', { ShardIterator })).Records).toEqual([]);
      clock.advance(1);
      expect(await fails('GetRecords', { ShardIterator })).toEqual(
        client(
          'ExpiredIteratorException',
          'Iterator expired. The iterator was created at time Mon Jan 01 00:00:00 UTC 2024 while right now it is ' +
            'Mon Jan 01 00:05:00 UTC 2024 which is further in the future than the tolerated delay of 300000 milliseconds.',
        ),
      );
    },
  },
];
