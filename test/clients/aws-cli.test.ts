// The AWS CLI (v1, as installed) through a resharding scenario against kinesim/http: create a stream, write, split
// its shard, list the shards with their lineage, and read from the parent and from the children.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Kinesis } from '../../src/index.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { available, run } from './support.js';

const hasCli = available('AWS CLI', 'aws', ['--version']);
const HALF = (2n ** 127n).toString();

describe.skipIf(!hasCli)('the AWS CLI through a split', () => {
  let server: KinesisHttpServer;
  beforeAll(async () => {
    server = await startHttpServer(new Kinesis({ accountId: '111122223333' }));
  });
  afterAll(async () => {
    await server?.close();
  });

  const aws = async (...args: string[]) => {
    const out = await run('aws', ['kinesis', ...args, '--endpoint-url', server.url, '--output', 'json']);
    return out.trim() === '' ? {} : JSON.parse(out);
  };
  const read = async (shardId: string) => {
    const { ShardIterator } = await aws('get-shard-iterator', '--stream-name', 'cli', '--shard-id', shardId, '--shard-iterator-type', 'TRIM_HORIZON');
    const page = await aws('get-records', '--shard-iterator', ShardIterator);
    return page.Records.map((r: { Data: string }) => Buffer.from(r.Data, 'base64').toString());
  };

  test('create, put, split-shard, list-shards, get-records from the parent and both children', async () => {
    await aws('create-stream', '--stream-name', 'cli', '--shard-count', '1');
    await run('aws', ['kinesis', 'wait', 'stream-exists', '--stream-name', 'cli', '--endpoint-url', server.url]);
    // Hash keys either side of the split point, so each child gets one record.
    await aws('put-record', '--stream-name', 'cli', '--data', 'before', '--partition-key', 'p', '--explicit-hash-key', '1');
    await aws('split-shard', '--stream-name', 'cli', '--shard-to-split', 'shardId-000000000000', '--new-starting-hash-key', HALF);
    await aws('put-record', '--stream-name', 'cli', '--data', 'low', '--partition-key', 'p', '--explicit-hash-key', '5');
    await aws('put-record', '--stream-name', 'cli', '--data', 'high', '--partition-key', 'p', '--explicit-hash-key', HALF);

    const { Shards } = await aws('list-shards', '--stream-name', 'cli');
    expect(Shards.map((s: { ShardId: string; ParentShardId?: string; HashKeyRange: object }) => [s.ShardId, s.ParentShardId, s.HashKeyRange])).toEqual([
      ['shardId-000000000000', undefined, { StartingHashKey: '0', EndingHashKey: (2n ** 128n - 1n).toString() }],
      ['shardId-000000000001', 'shardId-000000000000', { StartingHashKey: '0', EndingHashKey: (2n ** 127n - 1n).toString() }],
      ['shardId-000000000002', 'shardId-000000000000', { StartingHashKey: HALF, EndingHashKey: (2n ** 128n - 1n).toString() }],
    ]);
    expect(Shards[0].SequenceNumberRange.EndingSequenceNumber).toMatch(/^\d+$/);
    expect(await read('shardId-000000000000')).toEqual(['before']);
    expect(await read('shardId-000000000001')).toEqual(['low']);
    expect(await read('shardId-000000000002')).toEqual(['high']);
  });

  test('an AWS error is reported by the CLI with its code and message', async () => {
    const error = await aws('describe-stream', '--stream-name', 'absent').catch((e: Error) => e.message);
    expect(error).toContain('An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream absent under account 111122223333 not found.');
  });
});
