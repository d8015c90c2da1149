// The getting-started producer and consumer of Amazon Kinesis Data Streams, written with boto3 as AWS's Python examples
// write them (a stream created and waited for with the stream_exists waiter, records put one by one and in batches, every
// shard read from TRIM_HORIZON), pointed at `kinesim serve` only through AWS_ENDPOINT_URL: no code change.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { available, kinesimServe, run, type Served } from './support.js';

const hasBoto3 = available('boto3', 'python3', ['-c', 'import boto3']);

const PRODUCER = `
import json, sys, boto3
kinesis = boto3.client('kinesis')
kinesis.create_stream(StreamName='getting-started', ShardCount=2)
kinesis.get_waiter('stream_exists').wait(StreamName='getting-started', WaiterConfig={'Delay': 1, 'MaxAttempts': 30})
sent = []
for i in range(20):
    data = json.dumps({'ticker': 'AMZN', 'price': 100 + i}).encode()
    out = kinesis.put_record(StreamName='getting-started', Data=data, PartitionKey=f'key-{i % 5}')
    sent.append({'data': data.decode(), 'seq': out['SequenceNumber'], 'shard': out['ShardId']})
batch = kinesis.put_records(StreamName='getting-started', Records=[
    {'Data': bytes([i, 255 - i]), 'PartitionKey': f'batch-{i}'} for i in range(30)])
print(json.dumps({'sent': sent, 'failed': batch['FailedRecordCount'], 'batch': len(batch['Records'])}))
`;

const CONSUMER = `
import json, boto3
kinesis = boto3.client('kinesis')
summary = kinesis.describe_stream_summary(StreamName='getting-started')['StreamDescriptionSummary']
records = []
for shard in kinesis.list_shards(StreamName='getting-started')['Shards']:
    iterator = kinesis.get_shard_iterator(StreamName='getting-started', ShardId=shard['ShardId'],
                                          ShardIteratorType='TRIM_HORIZON')['ShardIterator']
    while iterator:
        page = kinesis.get_records(ShardIterator=iterator, Limit=7)
        records += [{'shard': shard['ShardId'], 'seq': r['SequenceNumber'], 'data': list(r['Data']),
                     'key': r['PartitionKey'], 'at': r['ApproximateArrivalTimestamp'].isoformat()} for r in page['Records']]
        iterator = page.get('NextShardIterator') if page['Records'] or page['MillisBehindLatest'] > 0 else None
try:
    kinesis.describe_stream(StreamName='absent')
except kinesis.exceptions.ResourceNotFoundException as e:
    error = e.response['Error']
print(json.dumps({'status': summary['StreamStatus'], 'shards': summary['OpenShardCount'], 'records': records, 'error': error}))
`;

describe.skipIf(!hasBoto3)('boto3 through AWS_ENDPOINT_URL against kinesim serve', () => {
  let server: Served;
  beforeAll(async () => {
    server = await kinesimServe('--log');
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('the producer writes and the consumer reads back every record, in order per shard', async () => {
    const env = { AWS_ENDPOINT_URL: server.url };
    const produced = JSON.parse(await run('python3', ['-c', PRODUCER], env));
    expect([produced.failed, produced.batch, produced.sent.length]).toEqual([0, 30, 20]);
    const consumed = JSON.parse(await run('python3', ['-c', CONSUMER], env));
    expect([consumed.status, consumed.shards]).toEqual(['ACTIVE', 2]);
    expect(consumed.records).toHaveLength(50);
    const bySeq = new Map<string, { data: number[]; shard: string }>(consumed.records.map((r: { seq: string }) => [r.seq, r]));
    for (const sent of produced.sent) {
      expect(bySeq.get(sent.seq)).toMatchObject({ shard: sent.shard, data: [...new TextEncoder().encode(sent.data)] });
    }
    for (const shard of ['shardId-000000000000', 'shardId-000000000001']) {
      const seqs = consumed.records.filter((r: { shard: string }) => r.shard === shard).map((r: { seq: string }) => BigInt(r.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    }
    expect(consumed.error).toEqual({ Code: 'ResourceNotFoundException', Message: 'Stream absent under account 000000000000 not found.' });
    // botocore speaks HTTP/1.1; the log shows each call.
    expect(server.stderr()).toMatch(/ PutRecords 200 \S+ HTTP\/1\.1\n/);
    expect(server.stderr()).toMatch(/ GetRecords 200 \S+ HTTP\/1\.1\n/);
  });
});
