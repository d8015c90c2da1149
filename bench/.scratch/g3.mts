import { FloorStore } from '../support/floor.js';
import { collect, sample } from '../support/measure.js';
import { batches, drain, engine, shardIds } from '../support/workload.js';
const records = 1_000_000;
const pool = batches(31, 64, 500);
const e = engine(4);
const floor = new FloorStore(4);
for (let c = 0; c < records / 500; c++) {
  const Records = pool[c % pool.length]!;
  if (process.argv[2] !== 'noengine') e.kinesis.putRecords({ StreamName: e.stream, Records });
  floor.put(Records, e.clock.now());
  e.clock.advance(1);
}
collect();
let read = 0;
const budget = { minSamples: 5, minCpuTimeMs: 0 };
const f = await sample(() => (read = floor.drain()), budget);
console.log('floor', (f.avg/1e6).toFixed(0), (f.min/1e6).toFixed(0));
