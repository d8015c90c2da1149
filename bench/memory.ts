// memory: what the engine holds per stored record beyond the record's own payload and partition key,
// for 1M records of 100 bytes (heap, array buffers and RSS growth, after full collections).
// The partition keys come from a pool the benchmark keeps alive, so the engine pays only for what it adds.

import { do_not_optimize } from 'mitata';
import { memory, MiB } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, PAYLOAD_BYTES } from './support/workload.js';

const PER_BATCH = 500;
const SHARDS = 4;

export async function run(): Promise<BenchResult> {
  const report = new Reporter('memory');
  const records = size(1_000_000, 4_000);
  const pool = batches(71, size(64, 4), PER_BATCH);
  const before = memory();
  const e = engine(SHARDS);
  for (let c = 0; c < records / PER_BATCH; c++) {
    do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c % pool.length]! }));
    e.clock.advance(1);
  }
  const after = memory();
  const heap = (after.heapUsed - before.heapUsed) / records;
  const buffers = (after.arrayBuffers - before.arrayBuffers) / records;
  const rss = (after.rss - before.rss) / records;
  report.info(`baseline: memory before the engine existed; ${records.toLocaleString('en-US')} records of ${PAYLOAD_BYTES} B into ${SHARDS} shards`);
  report.info(`heap +${((after.heapUsed - before.heapUsed) / MiB).toFixed(1)} MiB, array buffers +${((after.arrayBuffers - before.arrayBuffers) / MiB).toFixed(1)} MiB, RSS +${((after.rss - before.rss) / MiB).toFixed(1)} MiB`);
  report.add('heap per record', heap, 'B/record');
  report.add('array buffers per record (payload included)', buffers, 'B/record');
  report.add('bytes per record beyond payload and key (heap + array buffers)', heap + buffers - PAYLOAD_BYTES, 'B/record', {
    target: { op: '<=', value: 64 },
  });
  report.add('RSS growth per record beyond payload', rss - PAYLOAD_BYTES, 'B/record');
  return { bench: 'memory', figures: report.figures };
}
