// get: GetRecords (Limit 10000) draining 1M stored records, against the floor reading the same records
// from plain arrays into the same response objects, alternately in the same run.

import { FloorStore } from './support/floor.js';
import { median, paired } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, drain, engine, shardIds } from './support/workload.js';

const SHARDS = 4;
const PER_BATCH = 500;

export async function run(): Promise<BenchResult> {
  const report = new Reporter('get');
  const records = size(1_000_000, 4_000);
  const pool = batches(31, size(64, 4), PER_BATCH);
  const e = engine(SHARDS);
  const floor = new FloorStore(SHARDS);
  for (let c = 0; c < records / PER_BATCH; c++) {
    const Records = pool[c % pool.length]!;
    e.kinesis.putRecords({ StreamName: e.stream, Records });
    floor.put(Records, e.clock.now());
    e.clock.advance(1);
  }
  const ids = shardIds(e);
  const check = (read: number) => {
    if (read !== records) throw new Error(`drained ${read} records, stored ${records}`);
  };
  const { subjectMs, baselineMs, ratio } = paired(size(11, 2), () => check(drain(e, ids)), () => check(floor.drain()));
  const engineRate = (records * 1e3) / median(subjectMs);
  const floorRate = (records * 1e3) / median(baselineMs);
  report.info(`baseline: floor read (arrays -> response objects, Date per record): ${Math.round(floorRate).toLocaleString('en-US')} rec/s`);
  report.info(`drain ms, engine: ${subjectMs.map((m) => m.toFixed(0)).join(' ')}; floor: ${baselineMs.map((m) => m.toFixed(0)).join(' ')}`);
  const ratios = subjectMs.map((ms, i) => ms / baselineMs[i]!).sort((a, b) => a - b);
  report.info(`engine / floor per round: ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
  report.add(`GetRecords Limit 10000, draining ${records.toLocaleString('en-US')} records`, engineRate, 'rec/s');
  report.add('engine read time / floor read time (same records)', ratio, 'x', { target: { op: '<=', value: 1.2 } });
  return { bench: 'get', figures: report.figures };
}
