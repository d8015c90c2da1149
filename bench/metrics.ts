// metrics: what keeping CloudWatch's metrics costs the put and get paths, measured in the same run as the calls they
// ride on (so the share survives a noisy machine), with enhanced metrics off and on; and what a query costs.

import { do_not_optimize } from 'mitata';
import { createStream } from '../src/actions/create-stream.js';
import { Account } from '../src/model/account.js';
import { resolveOptions } from '../src/options.js';
import { ManualClock, type PutRecordsResultEntry } from '../src/index.js';
import { getMetricStatistics } from '../src/metrics/get-metric-statistics.js';
import { sample, sampleWith, type Stats } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, STREAM } from './support/workload.js';

const PER_BATCH = 500;
const T0 = 1_700_000_000_000;

const p50 = (s: Stats) => s.p50;

export async function run(): Promise<BenchResult> {
  const report = new Reporter('metrics');
  const pool = batches(33, size(16, 2), PER_BATCH);
  const singles = pool.flat();

  // The recording calls alone, on an account like the engine's (time moving 1 ms per call, so minutes roll).
  const account = new Account(resolveOptions({ clock: new ManualClock(T0) }));
  createStream(account, { StreamName: STREAM, ShardCount: 4 });
  const stream = account.streams.get(STREAM)!;
  const results: PutRecordsResultEntry[] = pool[0]!.map((_, i) => ({ ShardId: `shardId-00000000000${i % 4}`, SequenceNumber: '1' }));
  let t = T0;
  const recordPut = await sample(() => account.metrics.putRecord(stream, 'shardId-000000000001', t++, 100));
  const recordPuts = await sample(() => account.metrics.putRecords(stream, t++, pool[0]!, results, 50_000));
  const recordGet = await sample(() => account.metrics.getRecords(stream, 'shardId-000000000001', t++, 100, 10_000, 5));

  // The calls they ride on, through the Kinesis facade (validation included), steady state.
  const e = engine(4);
  let i = 0;
  const putRecord = await sample(() => {
    const entry = singles[i++ % singles.length]!;
    do_not_optimize(e.kinesis.putRecord({ StreamName: e.stream, PartitionKey: entry.PartitionKey!, Data: entry.Data }));
    if (i % 100_000 === 0) e.clock.advance(1);
  });
  const putRecords = await sampleWith(() => pool[i++ % pool.length]!, (Records) => do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records })));
  const share = (a: Stats, b: Stats) => (100 * p50(a)) / p50(b);
  report.info(`recording, p50 per call: PutRecord ${p50(recordPut).toFixed(0)} ns, PutRecords ${p50(recordPuts).toFixed(0)} ns, GetRecords ${p50(recordGet).toFixed(0)} ns`);
  report.add('metrics recording / PutRecord call (100 B)', share(recordPut, putRecord), '%', { target: { op: '<=', value: 5 } });
  report.add('metrics recording / PutRecords call (500 x 100 B)', share(recordPuts, putRecords), '%', { target: { op: '<=', value: 5 } });

  // Enhanced (shard-level) metrics group each PutRecords call's entries by shard: a cost only when enabled.
  const enhanced = engine(4);
  enhanced.kinesis.enableEnhancedMonitoring({ StreamName: enhanced.stream, ShardLevelMetrics: ['ALL'] });
  const putRecordsEnhanced = await sampleWith(() => pool[i++ % pool.length]!, (Records) => do_not_optimize(enhanced.kinesis.putRecords({ StreamName: enhanced.stream, Records })));
  report.add('PutRecords with every shard-level metric enabled / without', p50(putRecordsEnhanced) / p50(putRecords), 'x');

  // A query over a full default retention window: 180 minutes of one stream, one statistic per minute.
  const q = new Account(resolveOptions({ clock: new ManualClock(T0) }));
  createStream(q, { StreamName: STREAM, ShardCount: 4 });
  const qs = q.streams.get(STREAM)!;
  for (let m = 0; m < 180; m++) for (let c = 0; c < 10; c++) q.metrics.putRecords(qs, T0 + m * 60_000 + c, pool[0]!, results, 50_000);
  const query = await sample(() => do_not_optimize(getMetricStatistics(q.metrics, T0 + 180 * 60_000, {
    Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', Dimensions: [{ Name: 'StreamName', Value: STREAM }],
    StartTime: new Date(T0), EndTime: new Date(T0 + 180 * 60_000), Period: 60, Statistics: ['Sum', 'Average', 'Maximum'],
  })));
  report.add('GetMetricStatistics, 180 one-minute datapoints', p50(query) / 1000, 'us');
  return { bench: 'metrics', figures: report.figures };
}
