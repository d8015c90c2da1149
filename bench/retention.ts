// retention: the first call after 1M records expire trims them (whole segments released, nothing copied);
// its time against the same call with nothing to trim, and the memory given back.

import { do_not_optimize } from 'mitata';
import { collect, median, memory, MiB, timeMs } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, type Engine } from './support/workload.js';

const PER_BATCH = 500;
const RETENTION_MS = 24 * 3_600_000;

function trimHorizon(e: Engine): void {
  do_not_optimize(e.kinesis.getShardIterator({ StreamName: e.stream, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('retention');
  const records = size(1_000_000, 4_000);
  const pool = batches(61, size(64, 4), PER_BATCH);
  // Warm the call path so the measured call pays for trimming, not for compilation.
  const warm = engine(1);
  for (let i = 0; i < 100; i++) trimHorizon(warm);

  const e = engine(1);
  for (let c = 0; c < records / PER_BATCH; c++) {
    e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c % pool.length]! });
    e.clock.advance(1);
  }
  const full = memory();
  e.clock.advance(RETENTION_MS + 1);
  const trimMs = timeMs(() => trimHorizon(e));
  const trimmed = memory();
  const idleMs = median(Array.from({ length: 9 }, () => timeMs(() => trimHorizon(e))));
  collect();

  const left = e.kinesis.getRecords({
    ShardIterator: e.kinesis.getShardIterator({ StreamName: e.stream, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!,
  }).Records.length;
  if (left !== 0) throw new Error(`${left} expired records still readable`);

  report.info(`baseline: the same call with nothing to trim ${(idleMs * 1e3).toFixed(1)} us`);
  report.add(`GetShardIterator that trims ${records.toLocaleString('en-US')} expired records`, trimMs, 'ms', { note: `${(trimMs / idleMs).toFixed(0)}x the call with nothing to trim` });
  const heapFreed = full.heapUsed - trimmed.heapUsed;
  const buffersFreed = full.arrayBuffers - trimmed.arrayBuffers;
  report.add('heap released by trimming', heapFreed / MiB, 'MiB', { note: `${(heapFreed / records).toFixed(1)} B/record` });
  report.add('array buffers released by trimming', buffersFreed / MiB, 'MiB', { note: `${(buffersFreed / records).toFixed(1)} B/record; payload is ${(records * 100 / MiB).toFixed(0)} MiB` });
  report.info(`RSS ${(full.rss / MiB).toFixed(0)} MiB before, ${(trimmed.rss / MiB).toFixed(0)} MiB after trimming`);
  return { bench: 'retention', figures: report.figures };
}
