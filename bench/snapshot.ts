// snapshot: kinesis.snapshot() and Kinesis.restore() of 10M stored records of 100 B over 16 shards: wall time,
// size, and memory (live heap + array buffers after each step, and the process's peak RSS). The baseline is one
// copy of a buffer of the snapshot's size in the same run: the least any snapshot must do.

import { do_not_optimize } from 'mitata';
import { Kinesis } from '../src/index.js';
import { collect, memory, MiB, timeMs } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine } from './support/workload.js';

const PER_BATCH = 500;
const SHARDS = 16;

const peakRss = () => process.resourceUsage().maxRSS * 1024;
const live = (m: { heapUsed: number; arrayBuffers: number }) => m.heapUsed + m.arrayBuffers;

export async function run(): Promise<BenchResult> {
  const report = new Reporter('snapshot');
  const records = size(10_000_000, 20_000);
  const pool = batches(81, size(64, 4), PER_BATCH);
  const start = memory();
  let e: ReturnType<typeof engine> | undefined = engine(SHARDS);
  const progressEvery = records / PER_BATCH / 10;
  for (let c = 0; c < records / PER_BATCH; c++) {
    e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c % pool.length]! });
    e.clock.advance(1);
    if (c > 0 && c % progressEvery === 0) process.stderr.write(`    storing records: ${Math.round((c * 100) / (records / PER_BATCH))}%\r`);
  }
  const held = memory();
  const stateBytes = live(held) - live(start);

  const rssBeforeSnapshot = held.rss;
  let snap: Uint8Array | undefined;
  const snapshotMs = timeMs(() => {
    snap = e!.kinesis.snapshot();
  });
  const snapshotPeak = peakRss() - rssBeforeSnapshot;
  const withSnapshot = memory();
  const snapBytes = snap!.length;
  const copyMs = timeMs(() => do_not_optimize(snap!.slice()));
  collect();

  // Restore from the snapshot alone: the original engine is gone, as after a restart.
  const expected = e.kinesis.describeStream({ StreamName: e.stream });
  e = undefined;
  const onlySnapshot = memory();
  let twin: Kinesis | undefined;
  const restoreMs = timeMs(() => {
    twin = Kinesis.restore(snap!);
  });
  const restorePeak = peakRss() - onlySnapshot.rss;
  const restored = memory();
  if (JSON.stringify(twin!.describeStream({ StreamName: 'bench' })) !== JSON.stringify(expected)) throw new Error('restored engine differs');
  const summary = twin!.describeStreamSummary({ StreamName: 'bench' }).StreamDescriptionSummary;
  if (summary.OpenShardCount !== SHARDS) throw new Error('restored engine lost shards');

  const perSecond = (ms: number) => records / (ms / 1000);
  report.info(`baseline: one copy of a ${(snapBytes / MiB).toFixed(0)} MiB buffer takes ${copyMs.toFixed(0)} ms`);
  report.info(`state: ${(stateBytes / MiB).toFixed(0)} MiB live (heap + array buffers) for ${records.toLocaleString('en-US')} records of 100 B`);
  report.add(`snapshot of ${records.toLocaleString('en-US')} records`, snapshotMs / 1000, 's', {
    note: `${(snapshotMs / copyMs).toFixed(1)}x one copy; ${Math.round(perSecond(snapshotMs)).toLocaleString('en-US')} rec/s`,
  });
  report.add(`restore of ${records.toLocaleString('en-US')} records`, restoreMs / 1000, 's', {
    note: `${(restoreMs / copyMs).toFixed(1)}x one copy; ${Math.round(perSecond(restoreMs)).toLocaleString('en-US')} rec/s`,
  });
  report.add('snapshot size per record', snapBytes / records, 'B/record', { note: `${(snapBytes / MiB).toFixed(0)} MiB in all` });
  report.add('live memory after snapshot, over state + snapshot', (live(withSnapshot) - live(held) - snapBytes) / MiB, 'MiB');
  report.add('live memory after restore, over snapshot + state', (live(restored) - live(onlySnapshot) - stateBytes) / MiB, 'MiB');
  report.add('peak RSS growth while snapshotting, per snapshot byte', snapshotPeak / snapBytes, 'x', {
    note: 'the process peak (maxRSS) over RSS before the call: one buffer is 1.0',
  });
  report.add('peak RSS growth while restoring, per state byte', restorePeak / stateBytes, 'x', {
    note: 'the restored engine is the state: 1.0 means nothing beyond it',
  });
  return { bench: 'snapshot', figures: report.figures };
}
