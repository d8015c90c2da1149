// floor: the same 1M records through the bare minimum (md5Key, a shard lookup, an append to arrays) and
// through Kinesis.putRecords, wall clock from an empty store; then where the engine's time per record goes.

import { do_not_optimize } from 'mitata';
import { putRecords } from '../src/actions/put-records.js';
import { createStream } from '../src/actions/create-stream.js';
import { Account } from '../src/model/account.js';
import { ManualClock } from '../src/index.js';
import { validateInput } from '../src/validation/validate.js';
import { FloorStore } from './support/floor.js';
import { collect, sample, timeMs } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, STREAM } from './support/workload.js';

const PER_BATCH = 500;
const SHARDS = 4;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1]!;
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('floor');
  const pool = batches(21, size(64, 4), PER_BATCH);
  const records = size(1_000_000, 4_000);
  const calls = records / PER_BATCH;

  const floorMs: number[] = [];
  const engineMs: number[] = [];
  for (let rep = 0; rep < size(3, 1); rep++) {
    collect();
    const store = new FloorStore(SHARDS);
    floorMs.push(timeMs(() => {
      for (let c = 0; c < calls; c++) store.put(pool[c % pool.length]!, c);
    }));
    collect();
    const e = engine(SHARDS);
    engineMs.push(timeMs(() => {
      for (let c = 0; c < calls; c++) do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c % pool.length]! }));
    }));
  }
  const floorRate = (records * 1e3) / median(floorMs);
  const engineRate = (records * 1e3) / median(engineMs);
  report.info(`baseline: floor, ${records.toLocaleString('en-US')} records into ${SHARDS} shards from empty: ${Math.round(floorRate).toLocaleString('en-US')} rec/s (runs: ${floorMs.map((m) => m.toFixed(0)).join(', ')} ms)`);
  report.info(`engine runs: ${engineMs.map((m) => m.toFixed(0)).join(', ')} ms`);
  report.add(`Kinesis.putRecords, ${records.toLocaleString('en-US')} records from empty`, engineRate, 'rec/s');
  report.add('engine put time / floor put time', floorRate / engineRate, 'x', { target: { op: '<=', value: 2 } });

  // Where a record's time goes: each step alone over the same batches, steady state (mitata p50).
  const clock = new ManualClock(1_700_000_000_000);
  let account = new Account({ clock });
  const freshAccount = () => {
    account = new Account({ clock });
    createStream(account, { StreamName: STREAM, ShardCount: SHARDS });
  };
  freshAccount();
  let i = 0;
  let stored = 0;
  const next = () => {
    stored += PER_BATCH;
    if (stored > size(250_000, 5_000)) {
      freshAccount();
      stored = 0;
    }
    return pool[i++ % pool.length]!;
  };
  const validateOnly = await sample(() => validateInput('PutRecords', { StreamName: STREAM, Records: next() }));
  const actionOnly = await sample(() => do_not_optimize(putRecords(account, { StreamName: STREAM, Records: next() })));
  const floorStore = new FloorStore(SHARDS);
  const floorOnly = await sample(() => {
    if (floorStore.keys[0]!.length > 60_000) for (let s = 0; s < SHARDS; s++) floorStore.keys[s]!.length = floorStore.data[s]!.length = floorStore.arrivals[s]!.length = 0;
    do_not_optimize(floorStore.put(next(), 0));
  });
  const ns = (stats: { p50: number }) => `${(stats.p50 / PER_BATCH).toFixed(0)} ns/record`;
  report.info(`steady state, p50 per record: floor ${ns(floorOnly)}, validateInput ${ns(validateOnly)}, putRecords action ${ns(actionOnly)}`);
  return { bench: 'floor', figures: report.figures };
}
