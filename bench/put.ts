// put: PutRecords (500 x 100 B, random 10-36 character keys) into 4 and 256 shards, and single PutRecord,
// against the floor (bench/support/floor.ts) doing the same records in the same run.

import { do_not_optimize } from 'mitata';
import type { PutRecordsRequestEntry } from '../src/index.js';
import { FloorStore } from './support/floor.js';
import { sampleWith, type Stats } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, type Engine } from './support/workload.js';

const PER_BATCH = 500;

/** Records a store may hold before the benchmark swaps in a fresh one (outside the timed region). */
const RESET_RECORDS = size(250_000, 5_000);

/** Cycles through `pool`, replacing the store with `fresh()` every RESET_RECORDS records. */
function rotation<T, S>(pool: readonly T[], perItem: number, fresh: () => S): { next: () => T; store: () => S } {
  let store = fresh();
  let stored = 0;
  let i = 0;
  return {
    next() {
      stored += perItem;
      if (stored > RESET_RECORDS) {
        store = fresh();
        stored = perItem;
      }
      return pool[i++ % pool.length]!;
    },
    store: () => store,
  };
}

type Budget = { minCpuTimeMs?: number };

async function putRecordsInto(shards: number, pool: PutRecordsRequestEntry[][], budget: Budget): Promise<Stats> {
  const r = rotation(pool, PER_BATCH, () => engine(shards));
  return sampleWith(r.next, (Records) => {
    const e = r.store();
    do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records }));
  }, budget);
}

async function floorPut(shards: number, pool: PutRecordsRequestEntry[][], budget: Budget): Promise<Stats> {
  const r = rotation(pool, PER_BATCH, () => new FloorStore(shards));
  return sampleWith(r.next, (Records) => do_not_optimize(r.store().put(Records, 0)), budget);
}

async function putRecord(pool: PutRecordsRequestEntry[][]): Promise<Stats> {
  const singles = pool.flat();
  const r = rotation(singles, 1, (): Engine => engine(4));
  return sampleWith(r.next, (entry) => {
    const e = r.store();
    do_not_optimize(e.kinesis.putRecord({ StreamName: e.stream, Data: entry.Data, PartitionKey: entry.PartitionKey }));
  });
}

/**
 * Records per second of a typical call (mitata's median): steady to the background load of a shared
 * machine. The floor benchmark measures sustained throughput from an empty store, GC and page faults included.
 */
const perSecond = (stats: Stats, records: number) => (records * 1e9) / stats.p50;

/** The fastest of several mitata medians: the rounds alternate with the baseline, so load hits both alike. */
const best = (runs: Stats[]) => runs.reduce((a, b) => (b.p50 < a.p50 ? b : a));

export async function run(): Promise<BenchResult> {
  const report = new Reporter('put');
  const pool = batches(11, size(64, 4), PER_BATCH);
  const runs = { floor: [] as Stats[], four: [] as Stats[], wideFloor: [] as Stats[], wide: [] as Stats[] };
  const budget = { minCpuTimeMs: 300 };
  for (let round = 0; round < size(3, 1); round++) {
    runs.floor.push(await floorPut(4, pool, budget));
    runs.four.push(await putRecordsInto(4, pool, budget));
    runs.wideFloor.push(await floorPut(256, pool, budget));
    runs.wide.push(await putRecordsInto(256, pool, budget));
  }
  const single = await putRecord(pool);
  const [floor, four, wideFloor, wide] = [best(runs.floor), best(runs.four), best(runs.wideFloor), best(runs.wide)];

  const floorRate = perSecond(floor, PER_BATCH);
  const wideFloorRate = perSecond(wideFloor, PER_BATCH);
  report.info(`baseline: floor (md5Key + lookup + array push): 4 shards ${Math.round(floorRate).toLocaleString('en-US')} rec/s, 256 shards ${Math.round(wideFloorRate).toLocaleString('en-US')} rec/s`);
  report.info(`best of ${runs.four.length} alternating rounds; mean per call (GC included): 4 shards ${(four.avg / 1e3).toFixed(0)} us (floor ${(floor.avg / 1e3).toFixed(0)}), 256 shards ${(wide.avg / 1e3).toFixed(0)} us (floor ${(wideFloor.avg / 1e3).toFixed(0)})`);
  const fourRate = perSecond(four, PER_BATCH);
  const wideRate = perSecond(wide, PER_BATCH);
  report.add('PutRecords 500 x 100 B, 4 shards', fourRate, 'rec/s', { note: `${(floorRate / fourRate).toFixed(2)}x floor time` });
  report.add('PutRecords 500 x 100 B, 256 shards', wideRate, 'rec/s', { note: `${(wideFloorRate / wideRate).toFixed(2)}x floor time` });
  report.add('PutRecord, 100 B, 4 shards', single.p50, 'ns/op', { note: `mean ${single.avg.toFixed(0)} ns` });
  return { bench: 'put', figures: report.figures };
}
