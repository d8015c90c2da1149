import { FloorStore } from '../support/floor.js';
import { sample, collect } from '../support/measure.js';
import { batches, engine, drain, shardIds } from '../support/workload.js';
const pool = batches(31, 64, 500);
const floor = new FloorStore(4);
const e = engine(4);
for (let c = 0; c < 2000; c++) { floor.put(pool[c % 64]!, e.clock.now()); e.clock.advance(1); e.kinesis.putRecords({StreamName: e.stream, Records: pool[c%64]!}); }
collect();
const ids = shardIds(e);
for (let r = 0; r < 3; r++) {
  const f = await sample(() => floor.drain(), { minSamples: 5, minCpuTimeMs: 0 });
  console.log('floor avg', (f.avg / 1e6).toFixed(0), 'ms p50', (f.p50 / 1e6).toFixed(0), 'min', (f.min/1e6).toFixed(0));
  const g = await sample(() => drain(e, ids), { minSamples: 5, minCpuTimeMs: 0 });
  console.log('engine avg', (g.avg / 1e6).toFixed(0), 'ms p50', (g.p50 / 1e6).toFixed(0), 'min', (g.min/1e6).toFixed(0));
}
