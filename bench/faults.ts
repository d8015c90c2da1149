// faults: what watching the engine costs per PutRecords call (500 x 100 B, 4 shards). Off (nothing injected, no
// history, no listener) must cost nothing: an engine whose rule was removed is timed against a fresh one in the
// same run, in alternating rounds. On, the call takes the observed path: a rule that never matches, and the
// call history.

import { do_not_optimize } from 'mitata';
import type { PutRecordsRequestEntry } from '../src/index.js';
import { sampleWith, type Stats } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, type Engine } from './support/workload.js';

const PER_BATCH = 500;
/** Records an engine may hold before the benchmark swaps in a fresh one (outside the timed region). */
const RESET_RECORDS = size(250_000, 5_000);

async function putInto(pool: PutRecordsRequestEntry[][], prepare: (e: Engine) => void): Promise<Stats> {
  const fresh = () => {
    const e = engine(4);
    prepare(e);
    return e;
  };
  let e = fresh();
  let stored = 0;
  let i = 0;
  const next = () => {
    stored += PER_BATCH;
    if (stored > RESET_RECORDS) {
      e = fresh();
      stored = PER_BATCH;
    }
    return pool[i++ % pool.length]!;
  };
  return sampleWith(next, (Records) => do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records })), { minCpuTimeMs: 300 });
}

const best = (runs: Stats[]) => runs.reduce((a, b) => (b.p50 < a.p50 ? b : a)).p50;

export async function run(): Promise<BenchResult> {
  const report = new Reporter('faults');
  const pool = batches(91, size(64, 4), PER_BATCH);
  const variants: Record<string, (e: Engine) => void> = {
    plain: () => undefined,
    removed: (e) => e.kinesis.faults.inject({ operation: 'ListShards', error: 'InternalFailure' }).remove(),
    idleRule: (e) => void e.kinesis.faults.inject({ operation: 'ListShards', error: 'InternalFailure' }),
    history: (e) => e.kinesis.history.start(),
  };
  const runs: Record<string, Stats[]> = { plain: [], removed: [], idleRule: [], history: [] };
  for (let round = 0; round < size(4, 1); round++) {
    for (const [name, prepare] of Object.entries(variants)) runs[name]!.push(await putInto(pool, prepare));
  }
  const plain = best(runs.plain!);
  report.info(`baseline: PutRecords of ${PER_BATCH} x 100 B into a fresh engine, best median of ${runs.plain!.length} rounds: ${(plain / 1e3).toFixed(0)} us`);
  report.add('faults off (a rule injected, then removed)', best(runs.removed!) / plain, 'x baseline', { note: 'one branch per call: 1.0 within noise' });
  report.add('a rule that never matches the call', best(runs.idleRule!) / plain, 'x baseline');
  report.add('call history recording', best(runs.history!) / plain, 'x baseline');
  return { bench: 'faults', figures: report.figures };
}
