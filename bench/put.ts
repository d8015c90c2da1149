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

async function putRecordsInto(shards: number, pool: PutRecordsRequestEntry[][]): Promise<Stats> {
  const r = rotation(pool, PER_BATCH, () => engine(shards));
  return sampleWith(r.next, (Records) => {
    const e = r.store();
    do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records }));
  });
}

async function floorPut(pool: PutRecordsRequestEntry[][]): Promise<Stats> {
  const r = rotation(pool, PER_BATCH, () => new FloorStore(4));
  return sampleWith(r.next, (Records) => do_not_optimize(r.store().put(Records, 0)));
}

async function putRecord(pool: PutRecordsRequestEntry[][]): Promise<Stats> {
  const singles = pool.flat();
  const r = rotation(singles, 1, (): Engine => engine(4));
  return sampleWith(r.next, (entry) => {
    const e = r.store();
    do_not_optimize(e.kinesis.putRecord({ StreamName: e.stream, Data: entry.Data, PartitionKey: entry.PartitionKey }));
  });
}

/** Sustained records per second: the mean includes the GC and page-fault time the median hides. */
const perSecond = (stats: Stats, records: number) => (records * 1e9) / stats.avg;

export async function run(): Promise<BenchResult> {
  const report = new Reporter('put');
  const pool = batches(11, size(64, 4), PER_BATCH);
  const floor = await floorPut(pool);
  const four = await putRecordsInto(4, pool);
  const wide = await putRecordsInto(256, pool);
  const single = await putRecord(pool);

  const floorRate = perSecond(floor, PER_BATCH);
  report.info(`baseline: floor (md5Key + lookup + array push), 4 shards: ${Math.round(floorRate).toLocaleString('en-US')} rec/s`);
  report.info(`p50 per batch: floor ${(floor.p50 / 1e3).toFixed(0)} us, 4 shards ${(four.p50 / 1e3).toFixed(0)} us, 256 shards ${(wide.p50 / 1e3).toFixed(0)} us`);
  const fourRate = perSecond(four, PER_BATCH);
  const wideRate = perSecond(wide, PER_BATCH);
  report.add('PutRecords 500 x 100 B, 4 shards', fourRate, 'rec/s', { note: `${(floorRate / fourRate).toFixed(2)}x floor time` });
  report.add('PutRecords 500 x 100 B, 256 shards', wideRate, 'rec/s', { note: `${(floorRate / wideRate).toFixed(2)}x floor time` });
  report.add('PutRecord, 100 B, 4 shards', single.avg, 'ns/op', { note: `p50 ${single.p50.toFixed(0)} ns` });
  return { bench: 'put', figures: report.figures };
}
