// floor: the same 1M records through the bare minimum (md5Key, a shard lookup, an append to arrays) and
// through Kinesis.putRecords, wall clock from an empty store; then where the engine's time per record goes.

import { do_not_optimize } from 'mitata';
import { putRecords } from '../src/actions/put-records.js';
import { createStream } from '../src/actions/create-stream.js';
import { Account } from '../src/model/account.js';
import { resolveOptions } from '../src/options.js';
import { ManualClock, type PutRecordsRequestEntry } from '../src/index.js';
import { OPERATIONS } from '../src/operations/registry.js';
import { validateInput } from '../src/validation/validate.js';
import { FloorStore } from './support/floor.js';
import { median, paired, sampleWith } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, STREAM } from './support/workload.js';

const PER_BATCH = 500;
const SHARDS = 4;

/** Where a record's time goes: each step alone over the same batches, steady state (mitata p50). */
async function breakdown(report: Reporter, pool: PutRecordsRequestEntry[][]): Promise<void> {
  const clock = new ManualClock(1_700_000_000_000);
  const resetRecords = size(250_000, 5_000);
  const freshAccount = () => {
    const account = new Account(resolveOptions({ clock }));
    createStream(account, { StreamName: STREAM, ShardCount: SHARDS });
    return account;
  };
  let account = freshAccount();
  let floor = new FloorStore(SHARDS);
  let i = 0;
  let stored = 0;
  // Stores are replaced outside the timed region (mitata prepares each call's input before its clock starts).
  const next = () => {
    stored += PER_BATCH;
    if (stored > resetRecords) {
      account = freshAccount();
      floor = new FloorStore(SHARDS);
      stored = 0;
    }
    return pool[i++ % pool.length]!;
  };
  const validateOnly = await sampleWith(next, (Records) => validateInput(OPERATIONS.PutRecords.input, { StreamName: STREAM, Records }));
  const actionOnly = await sampleWith(next, (Records) => do_not_optimize(putRecords(account, { StreamName: STREAM, Records })));
  const floorOnly = await sampleWith(next, (Records) => do_not_optimize(floor.put(Records, 0)));
  const ns = (stats: { p50: number }) => `${(stats.p50 / PER_BATCH).toFixed(0)} ns/record`;
  report.info(`steady state, p50 per record: floor ${ns(floorOnly)}, validateInput ${ns(validateOnly)}, putRecords action (no validation) ${ns(actionOnly)}`);
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('floor');
  const pool = batches(21, size(64, 4), PER_BATCH);
  const records = size(1_000_000, 4_000);
  const calls = records / PER_BATCH;

  let store = new FloorStore(SHARDS);
  let e = engine(SHARDS);
  const { subjectMs, baselineMs, ratio } = paired(
    size(11, 1),
    () => {
      e = engine(SHARDS);
      for (let c = 0; c < calls; c++) do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c % pool.length]! }));
    },
    () => {
      store = new FloorStore(SHARDS);
      for (let c = 0; c < calls; c++) store.put(pool[c % pool.length]!, c);
    },
  );
  do_not_optimize(store);
  const floorRate = (records * 1e3) / median(baselineMs);
  const engineRate = (records * 1e3) / median(subjectMs);
  report.info(`baseline: floor, ${records.toLocaleString('en-US')} records into ${SHARDS} shards from empty: ${Math.round(floorRate).toLocaleString('en-US')} rec/s`);
  report.info(`runs (ms), engine: ${subjectMs.map((m) => m.toFixed(0)).join(' ')}; floor: ${baselineMs.map((m) => m.toFixed(0)).join(' ')}`);
  report.add(`Kinesis.putRecords, ${records.toLocaleString('en-US')} records from empty`, engineRate, 'rec/s');
  const ratios = subjectMs.map((ms, i) => ms / baselineMs[i]!).sort((a, b) => a - b);
  report.info(`engine / floor per round: ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
  report.add('engine put time / floor put time (same records, from empty)', ratio, 'x', { target: { op: '<=', value: 1.4 } });

  await breakdown(report, pool);
  return { bench: 'floor', figures: report.figures };
}
