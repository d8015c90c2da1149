// peer: kinesalite 3.3.3 (in memory, in a child process on 127.0.0.1) driven by @aws-sdk/client-kinesis over
// HTTP/1.1, doing the same PutRecords and GetRecords work as kinesim in this process; records/s and ratio.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { PutRecordsRequestEntry } from '../src/index.js';
import { median, timeMs } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, drain, engine, shardIds } from './support/workload.js';

const SHARDS = 4;
const PER_BATCH = 500;
const START_TIMEOUT_MS = 15_000;

interface Peer {
  proc: ChildProcess;
  client: KinesisClient;
}

function startKinesalite(): Promise<Peer> {
  // The SDK's notice that its 2027 releases need Node 22 is noise in a benchmark report.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  return new Promise((resolve, reject) => {
    const server = fileURLToPath(new URL('./support/kinesalite-server.cjs', import.meta.url));
    const proc = fork(server, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`no port after ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kinesalite exited with code ${code}`));
    });
    proc.once('message', (m) => {
      clearTimeout(timer);
      const { port } = m as { port: number };
      const client = new KinesisClient({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
        maxAttempts: 1,
        // The SDK's default transport is HTTP/2, which kinesalite does not speak.
        requestHandler: new NodeHttpHandler(),
      });
      resolve({ proc, client });
    });
  });
}

async function stop(peer: Peer): Promise<void> {
  peer.client.destroy();
  if (peer.proc.exitCode !== null) return;
  const exited = new Promise((r) => peer.proc.once('exit', r));
  peer.proc.kill();
  await exited;
}

async function createActiveStream(client: KinesisClient, StreamName: string): Promise<void> {
  await client.send(new CreateStreamCommand({ StreamName, ShardCount: SHARDS }));
  for (;;) {
    const out = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
    if (out.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function peerPut(client: KinesisClient, StreamName: string, work: PutRecordsRequestEntry[][]): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (const Records of work) {
    const out = await client.send(new PutRecordsCommand({ StreamName, Records }));
    if (out.FailedRecordCount !== 0) throw new Error(`kinesalite failed ${out.FailedRecordCount} records`);
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function peerDrain(client: KinesisClient, StreamName: string): Promise<{ ms: number; records: number }> {
  const shards = (await client.send(new ListShardsCommand({ StreamName }))).Shards ?? [];
  const t0 = process.hrtime.bigint();
  let records = 0;
  for (const shard of shards) {
    let iterator = (await client.send(new GetShardIteratorCommand({ StreamName, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (iterator !== undefined) {
      const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
      const n = out.Records?.length ?? 0;
      if (n === 0) break;
      records += n;
      iterator = out.NextShardIterator;
    }
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, records };
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('peer');
  const records = size(20_000, 500);
  const work = batches(81, records / PER_BATCH, PER_BATCH);

  // kinesim, in process: the same batches into a fresh 4-shard engine, then a full drain. One round takes
  // milliseconds, so it is repeated (median of 15, after 3 warm-up rounds) to see through background load.
  const putMs: number[] = [];
  const getMs: number[] = [];
  const warmup = 3;
  for (let rep = 0; rep < warmup + 15; rep++) {
    const e = engine(SHARDS);
    const put = timeMs(() => work.forEach((Records) => e.kinesis.putRecords({ StreamName: e.stream, Records })));
    const ids = shardIds(e);
    let read = 0;
    const get = timeMs(() => (read = drain(e, ids)));
    if (read !== records) throw new Error(`kinesim drained ${read} of ${records}`);
    if (rep >= warmup) (putMs.push(put), getMs.push(get));
  }
  const kinesimPut = (records * 1e3) / median(putMs);
  const kinesimGet = (records * 1e3) / median(getMs);

  let peer: Peer;
  try {
    peer = await startKinesalite();
  } catch (err) {
    const reason = `kinesalite did not start: ${(err as Error).message}`;
    report.info(`skipped: ${reason}`);
    return { bench: 'peer', figures: [], skipped: reason };
  }
  try {
    await createActiveStream(peer.client, 'warmup');
    await peerPut(peer.client, 'warmup', work.slice(0, 2));
    await peerDrain(peer.client, 'warmup');
    await createActiveStream(peer.client, 'bench');
    const peerPutMs = await peerPut(peer.client, 'bench', work);
    const drained = await peerDrain(peer.client, 'bench');
    if (drained.records !== records) throw new Error(`kinesalite drained ${drained.records} of ${records}`);
    const peerPutRate = (records * 1e3) / peerPutMs;
    const peerGetRate = (records * 1e3) / drained.ms;

    report.info(`${records.toLocaleString('en-US')} records of 100 B, ${SHARDS} shards; kinesalite via SDK v3 + NodeHttpHandler (HTTP/1.1, loopback)`);
    report.info(`baseline: kinesalite PutRecords ${Math.round(peerPutRate).toLocaleString('en-US')} rec/s, GetRecords ${Math.round(peerGetRate).toLocaleString('en-US')} rec/s`);
    report.add('kinesim PutRecords (in process)', kinesimPut, 'rec/s');
    report.add('kinesim GetRecords drain (in process)', kinesimGet, 'rec/s');
    report.add('kinesalite PutRecords (SDK v3, HTTP/1.1)', peerPutRate, 'rec/s');
    report.add('kinesalite GetRecords drain (SDK v3, HTTP/1.1)', peerGetRate, 'rec/s');
    report.add('put: kinesim / kinesalite', kinesimPut / peerPutRate, 'x', { target: { op: '>=', value: 50 } });
    report.add('get: kinesim / kinesalite', kinesimGet / peerGetRate, 'x', { target: { op: '>=', value: 100 } });
  } finally {
    await stop(peer);
  }
  return { bench: 'peer', figures: report.figures };
}
