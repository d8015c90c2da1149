// server: kinesim's HTTP server (`kinesim serve`), kinesalite 3.3.3 and a trivial floor server (fixed answers, no
// work), each in a child process on 127.0.0.1, driven by the same @aws-sdk/client-kinesis client in this process:
// PutRecords 500 x 100 B and GetRecords reads of 10000 records, over HTTP/1.1 (NodeHttpHandler) and the SDK's default
// handler (cleartext HTTP/2, one session per request; kinesalite cannot speak it), one call at a time and four at
// once (four producers; four shards read side by side). Servers take turns within each round, so every ratio
// compares figures from the same moments of a machine that may be busy with other work.
import { readFileSync } from 'node:fs';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { PutRecordsRequestEntry } from '../src/index.js';
import { startChildServer, type ChildServer } from './support/child-server.js';
import { median } from './support/measure.js';
import { SMOKE, size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches } from './support/workload.js';

const PER_PUT = 500;
const PER_READ = size(10_000, 200);
const ROUNDS = size(3, 1);
const SHARDS = 4;
const PARALLEL = [1, 4] as const;
const HANDLERS = ['HTTP/1.1', 'HTTP/2'] as const;

type Handler = (typeof HANDLERS)[number];
type Parallel = (typeof PARALLEL)[number];

/** kinesalite is about 10x slower: it gets less work so a round takes seconds, not minutes (rates are per record). */
const SIZES: Record<string, { putBatches: number; reads: number }> = {
  floor: { putBatches: size(48, 4), reads: size(8, 4) },
  kinesim: { putBatches: size(48, 4), reads: size(8, 4) },
  kinesalite: { putBatches: size(12, 4), reads: size(4, 4) },
};

interface Sample {
  /** Records per second. */
  rate: number;
  /** Server and client CPU microseconds per record. */
  serverCpu: number;
  clientCpu: number;
}

function client(server: ChildServer, handler: Handler): KinesisClient {
  return new KinesisClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
    ...(handler === 'HTTP/1.1' ? { requestHandler: new NodeHttpHandler() } : {}),
  });
}

async function activeStream(kinesis: KinesisClient, StreamName: string): Promise<void> {
  await kinesis.send(new CreateStreamCommand({ StreamName, ShardCount: SHARDS }));
  for (;;) {
    const out = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }));
    if (out.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends every batch, `parallel` calls at a time. */
async function putAll(kinesis: KinesisClient, StreamName: string, work: readonly PutRecordsRequestEntry[][], parallel: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < work.length; i = next++) {
      const out = await kinesis.send(new PutRecordsCommand({ StreamName, Records: work[i] }));
      if (out.FailedRecordCount !== 0 || out.Records?.length !== work[i]!.length) throw new Error('PutRecords failed records');
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** `reads` GetRecords calls of PER_READ records, chained from TRIM_HORIZON, spread over `parallel` shards read side by side. */
async function readAll(kinesis: KinesisClient, StreamName: string, reads: number, parallel: number): Promise<void> {
  const shard = async (index: number): Promise<void> => {
    const ShardId = `shardId-${String(index).padStart(12, '0')}`;
    let iterator = (await kinesis.send(new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    for (let i = 0; i < reads / parallel; i++) {
      const out = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: PER_READ }));
      if (out.Records?.length !== PER_READ) throw new Error(`GetRecords returned ${out.Records?.length} records, expected ${PER_READ}`);
      iterator = out.NextShardIterator;
    }
  };
  await Promise.all(Array.from({ length: parallel }, (_, index) => shard(index)));
}

/**
 * A 'put' stream, and a 'read' stream whose first shard holds `reads` reads' worth of records and the others a quarter
 * of that each (ExplicitHashKey puts them where they belong). The floor needs no records: it answers the same body.
 */
async function prepare(server: ChildServer): Promise<void> {
  const { reads } = SIZES[server.name]!;
  const kinesis = client(server, 'HTTP/1.1');
  await activeStream(kinesis, 'put');
  await activeStream(kinesis, 'read');
  if (server.name !== 'floor') {
    for (let index = 0; index < SHARDS; index++) {
      const ExplicitHashKey = ((2n ** 128n / BigInt(SHARDS)) * BigInt(index)).toString();
      const records = (index === 0 ? reads : reads / SHARDS) * PER_READ;
      const work = batches(5 + index, records / PER_PUT, PER_PUT).map((batch) => batch.map((entry) => ({ ...entry, ExplicitHashKey })));
      await putAll(kinesis, 'read', work, 1);
    }
  }
  kinesis.destroy();
}

/** CPU microseconds (user + system) a process has used so far, from /proc (0 where there is none). */
function cpuMicros(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

async function timed(server: ChildServer, records: number, work: () => Promise<void>): Promise<Sample> {
  const serverBefore = cpuMicros(server.proc.pid);
  const clientBefore = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const clientUsage = process.cpuUsage(clientBefore);
  return {
    rate: (records * 1e3) / ms,
    serverCpu: (cpuMicros(server.proc.pid) - serverBefore) / records,
    clientCpu: (clientUsage.user + clientUsage.system) / records,
  };
}

async function measure(server: ChildServer, handler: Handler, parallel: Parallel, work: readonly PutRecordsRequestEntry[][]) {
  const { putBatches, reads } = SIZES[server.name]!;
  const kinesis = client(server, handler);
  try {
    await putAll(kinesis, 'put', work.slice(0, parallel), parallel); // warm-up: connections, JIT on both sides
    await readAll(kinesis, 'read', parallel, parallel);
    const put = await timed(server, putBatches * PER_PUT, () => putAll(kinesis, 'put', work.slice(0, putBatches), parallel));
    const get = await timed(server, reads * PER_READ, () => readAll(kinesis, 'read', reads, parallel));
    return { put, get };
  } finally {
    kinesis.destroy();
  }
}

export async function run(): Promise<BenchResult> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const report = new Reporter('server');
  const servers: ChildServer[] = [];
  try {
    servers.push(await startChildServer('floor', './floor-server.ts', [String(PER_READ), String(PER_PUT), String(SHARDS)]));
    servers.push(await startChildServer('kinesim', './kinesim-server.ts'));
    servers.push(await startChildServer('kinesalite', './kinesalite-server.cjs'));
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    const reason = `a server did not start: ${(error as Error).message}`;
    report.info(`skipped: ${reason}`);
    return { bench: 'server', figures: [], skipped: reason };
  }
  const samples = new Map<string, Sample[]>();
  const add = (key: string, sample: Sample) => samples.set(key, [...(samples.get(key) ?? []), sample]);
  try {
    const work = batches(11, SIZES['kinesim']!.putBatches, PER_PUT);
    for (const server of servers) await prepare(server);
    for (let round = 0; round < ROUNDS; round++) {
      for (const parallel of PARALLEL) {
        for (const handler of HANDLERS) {
          for (const server of servers) {
            if (server.name === 'kinesalite' && handler === 'HTTP/2') continue;
            const { put, get } = await measure(server, handler, parallel, work);
            add(key(server.name, handler, 'put', parallel), put);
            add(key(server.name, handler, 'get', parallel), get);
          }
        }
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  reportSamples(report, samples);
  return { bench: 'server', figures: report.figures };
}

function key(server: string, handler: Handler, op: 'put' | 'get', parallel: Parallel): string {
  return `${server} ${handler} ${op === 'put' ? 'PutRecords' : 'GetRecords'} x${parallel}`;
}

function reportSamples(report: Reporter, samples: Map<string, Sample[]>): void {
  report.info(`SDK v3 in this process, each server in a child process on 127.0.0.1; ${ROUNDS} round(s), medians (min-max)`);
  report.info(`PutRecords ${PER_PUT} x 100 B; GetRecords of ${PER_READ} records; x1 one call at a time, x4 four at once`);
  for (const [name, list] of samples) {
    const rates = list.map((s) => s.rate);
    const cpu = (field: 'serverCpu' | 'clientCpu') => median(list.map((s) => s[field])).toFixed(2);
    report.info(`${name.padEnd(36)} ${Math.round(median(rates)).toLocaleString('en-US').padStart(8)} rec/s (${spread(rates)}); CPU/record server ${cpu('serverCpu')} us, client ${cpu('clientCpu')} us`);
  }
  const ratio = (a: string, b: string) => {
    const x = samples.get(a)!;
    const y = samples.get(b)!;
    const perRound = x.map((sample, i) => sample.rate / y[i]!.rate);
    return { value: median(perRound), note: `per round ${perRound.map((r) => r.toFixed(2)).join(', ')}` };
  };
  for (const op of ['put', 'get'] as const) {
    const name = op === 'put' ? 'PutRecords' : 'GetRecords';
    report.add(`kinesim ${name} x4 over HTTP/1.1`, median(samples.get(key('kinesim', 'HTTP/1.1', op, 4))!.map((s) => s.rate)), 'rec/s');
    for (const parallel of [...PARALLEL].reverse()) {
      const target = parallel === 4;
      const peer = ratio(key('kinesim', 'HTTP/1.1', op, parallel), key('kinesalite', 'HTTP/1.1', op, parallel));
      report.add(`${name} x${parallel}: kinesim / kinesalite (HTTP/1.1)`, peer.value, 'x', { ...(target ? { target: { op: '>=', value: 10 } } : {}), note: peer.note });
      const ceiling = ratio(key('floor', 'HTTP/1.1', op, parallel), key('kinesalite', 'HTTP/1.1', op, parallel));
      report.add(`${name} x${parallel}: floor / kinesalite (the most any server gets)`, ceiling.value, 'x', { note: ceiling.note });
      for (const handler of HANDLERS) {
        const floor = ratio(key('kinesim', handler, op, parallel), key('floor', handler, op, parallel));
        report.add(`${name} x${parallel}: kinesim / floor (${handler})`, floor.value, 'x', { ...(target ? { target: { op: '>=', value: 0.8 } } : {}), note: floor.note });
      }
    }
  }
  if (SMOKE) report.info('smoke mode: sizes are tiny, the ratios mean nothing');
}

function spread(values: readonly number[]): string {
  return values.length < 2 ? '1 round' : `${Math.round(Math.min(...values)).toLocaleString('en-US')}-${Math.round(Math.max(...values)).toLocaleString('en-US')}`;
}
