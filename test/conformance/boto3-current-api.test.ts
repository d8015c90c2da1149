// boto3 on the botocore installed here (1.43.11, whose model predates the channel operations, AUTO distribution and
// DryRun) keeps working against kinesim/http now that kinesim serves the current model: the new output members
// (ChannelCount, RecordDistributionStrategy, ChannelCountLimit), which its parser drops, and a record without a
// PartitionKey parse fine.
import { execFile, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';

const probe = spawnSync('python3', ['-c', 'import boto3, botocore; print(botocore.__version__)'], { timeout: 30_000, encoding: 'utf8' });
const botocore = probe.status === 0 ? probe.stdout.trim() : undefined;
if (botocore === undefined) console.log('boto3 smoke test skipped: python3 cannot import boto3');

const SCRIPT = `
import json, sys, boto3, botocore.exceptions
k = boto3.client('kinesis', endpoint_url=sys.argv[1], region_name='us-east-1',
                 aws_access_key_id='AKIDKINESIM', aws_secret_access_key='kinesim')
out = {'operations': sorted(k.meta.service_model.operation_names)}
k.create_stream(StreamName='keyed', ShardCount=1)
put = k.put_record(StreamName='keyed', Data=b'one', PartitionKey='p')
batch = k.put_records(StreamName='keyed', Records=[{'Data': b'two', 'PartitionKey': 'q'}])
it = k.get_shard_iterator(StreamName='keyed', ShardId=put['ShardId'], ShardIteratorType='TRIM_HORIZON')['ShardIterator']
out['keyed'] = [[r['PartitionKey'], r['Data'].decode()] for r in k.get_records(ShardIterator=it)['Records']]
out['failed'] = batch['FailedRecordCount']
summary = k.describe_stream_summary(StreamName='auto')['StreamDescriptionSummary']
out['summary'] = {key: summary.get(key) for key in ('StreamName', 'StreamStatus', 'OpenShardCount', 'ChannelCount', 'RecordDistributionStrategy')}
limits = k.describe_limits()
out['limits'] = {key: limits.get(key) for key in ('OnDemandStreamCount', 'ChannelCount', 'ChannelCountLimit')}
records = []
for shard in k.list_shards(StreamName='auto')['Shards']:
    it = k.get_shard_iterator(StreamName='auto', ShardId=shard['ShardId'], ShardIteratorType='TRIM_HORIZON')['ShardIterator']
    records += k.get_records(ShardIterator=it)['Records']
out['auto'] = [['PartitionKey' in r, r['Data'].decode()] for r in records]
try:
    k.put_record(StreamName='auto', Data=b'x')
    out['keyless'] = 'sent'
except botocore.exceptions.ParamValidationError:
    out['keyless'] = 'refused by botocore'
print(json.dumps(out))
`;

describe('boto3 (botocore 1.43) against the current model', () => {
  let server: KinesisHttpServer;
  beforeAll(async () => {
    const kinesis = new Kinesis({ clock: new ManualClock(Date.UTC(2024, 0, 1)) });
    kinesis.createStream({ StreamName: 'auto', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, RecordDistributionStrategy: 'AUTO' });
    kinesis.putRecord({ StreamName: 'auto', Data: new TextEncoder().encode('no key') });
    server = await startHttpServer(kinesis);
  });
  afterAll(async () => {
    await server?.close();
  });

  test.skipIf(botocore === undefined)(`its calls are unaffected (botocore ${botocore ?? 'not installed'})`, async () => {
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        'python3',
        ['-c', SCRIPT, server.url],
        { timeout: 30_000, env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
        (error, stdout, stderr) => (error === null ? resolve({ stdout, stderr }) : reject(new Error(`${error.message}\n${stderr}`))),
      );
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    // Whatever botocore's model knows, kinesim serves (an older model simply knows fewer operations).
    expect(out.operations).toContain('PutRecord');
    expect(out.keyed).toEqual([['p', 'one'], ['q', 'two']]);
    expect(out.failed).toBe(0);
    // botocore's parser reads the members its model has and drops the ones it does not know (an old model: 39 operations).
    const oldModel = !out.operations.includes('CreateChannel');
    expect(out.summary).toEqual({
      StreamName: 'auto', StreamStatus: 'ACTIVE', OpenShardCount: 4,
      ChannelCount: oldModel ? null : 0, RecordDistributionStrategy: oldModel ? null : 'AUTO',
    });
    expect(out.limits).toEqual({ OnDemandStreamCount: 1, ChannelCount: oldModel ? null : 0, ChannelCountLimit: oldModel ? null : 100 });
    expect(out.auto).toEqual([[false, 'no key']]);
    // An older botocore requires PartitionKey itself; the service never sees the call.
    expect(out.keyless).toBe(oldModel ? 'refused by botocore' : 'sent');
  });
});
