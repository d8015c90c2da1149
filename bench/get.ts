// get: GetRecords (Limit 10000) draining 1M stored records, against the floor reading the same records
// from plain arrays into the same response objects, in the same run.

import { FloorStore } from './support/floor.js';
import { collect, sample } from './support/measure.js';
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
  collect();

  let read = 0;
  const budget = { minSamples: 5, minCpuTimeMs: 0 };
  const engineDrain = await sample(() => (read = drain(e, ids)), budget);
  if (read !== records) throw new Error(`drained ${read} records, stored ${records}`);
  const floorDrain = await sample(() => (read = floor.drain()), budget);
  if (read !== records) throw new Error(`floor drained ${read} records, stored ${records}`);

  const engineRate = (records * 1e9) / engineDrain.avg;
  const floorRate = (records * 1e9) / floorDrain.avg;
  report.info(`baseline: floor read (arrays -> response objects, Date per record): ${Math.round(floorRate).toLocaleString('en-US')} rec/s`);
  report.info(`per drain (ms): engine avg ${(engineDrain.avg / 1e6).toFixed(0)} p50 ${(engineDrain.p50 / 1e6).toFixed(0)}, floor avg ${(floorDrain.avg / 1e6).toFixed(0)} p50 ${(floorDrain.p50 / 1e6).toFixed(0)}`);
  report.add(`GetRecords Limit 10000, draining ${records.toLocaleString('en-US')} records`, engineRate, 'rec/s', {
    note: `${(floorRate / engineRate).toFixed(2)}x floor time`,
  });
  return { bench: 'get', figures: report.figures };
}
