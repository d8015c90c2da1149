// sim: the simulation lab's speed. Simulated records per wall-clock second on a 64-shard stream with one
// polling consumer, against raw PutRecords into a 64-shard engine measured in the same run (alternating
// rounds, best of each); and one simulated hour at 10,000 records/s over 64 shards: wall time and peak RSS.

import { Kinesis, ManualClock } from '../src/index.js';
import { simulate, type Scenario } from '../src/sim/index.js';
import { collect, MiB } from './support/measure.js';
import { SMOKE, size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches } from './support/workload.js';

const SHARDS = 64;

/** The workload of the rate figure: 75% of the stream's record limit, uniform keys, 100-byte records. */
function rateScenario(durationSeconds: number): Scenario {
  return {
    name: 'bench', seed: 1, durationSeconds, stream: { shardCount: SHARDS },
    producers: [{ rate: { recordsPerSecond: 48_000 }, keys: { distribution: 'uniform', count: 100_000 }, recordBytes: 100 }],
    consumers: [{ type: 'polling' }],
  };
}

/** Simulated records per wall-clock second of one run. */
function simRate(durationSeconds: number): number {
  collect();
  const t0 = performance.now();
  const s = simulate(rateScenario(durationSeconds));
  const ms = performance.now() - t0;
  if (s.totals.recordsConsumed !== s.totals.recordsProduced) throw new Error('bench run lost records');
  return (s.totals.recordsProduced / ms) * 1000;
}

/** Raw PutRecords (500 x 100 B) into a fresh 64-shard engine, records per second. */
function rawRate(records: number): number {
  const pool = batches(11, 16, 500);
  const kinesis = new Kinesis({ clock: new ManualClock(0) });
  kinesis.createStream({ StreamName: 'raw', ShardCount: SHARDS });
  collect();
  const t0 = performance.now();
  for (let i = 0; i < records / 500; i++) kinesis.putRecords({ StreamName: 'raw', Records: pool[i % pool.length]! });
  return (records / (performance.now() - t0)) * 1000;
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('sim');
  // The long run first, so the process's peak RSS is its own.
  const hour = size(3600, 60);
  const rate = size(10_000, 1000);
  const t0 = performance.now();
  const s = simulate({
    name: 'hour', seed: 1, durationSeconds: hour, stream: { shardCount: SHARDS },
    producers: [{ rate: { recordsPerSecond: rate }, keys: { distribution: 'uniform', count: 100_000 }, recordBytes: 8 }],
    consumers: [{ type: 'polling' }],
  });
  const hourMs = performance.now() - t0;
  const peakRss = (process.resourceUsage().maxRSS * 1024) / MiB;
  report.info(`${hour} s at ${rate} records/s (8-byte records): ${s.totals.recordsProduced.toLocaleString('en-US')} records, all consumed: ${s.totals.recordsConsumed === s.totals.recordsProduced}`);
  report.add(`one simulated ${SMOKE ? 'minute' : 'hour'}, ${rate.toLocaleString('en-US')} records/s, 64 shards: wall time`, hourMs / 1000, 's', SMOKE ? {} : { target: { op: '<=', value: 60 } });
  report.add(`one simulated ${SMOKE ? 'minute' : 'hour'}: peak RSS`, peakRss, 'MiB', SMOKE ? {} : { target: { op: '<=', value: 2048 }, note: "8-byte records; the lab's engine keeps sizes only (recordPayloads 'size-only')" });

  const duration = size(40, 2);
  const rawRecords = size(2_000_000, 20_000);
  simRate(size(5, 1));
  rawRate(rawRecords / 4);
  let sim = 0;
  let raw = 0;
  for (let round = 0; round < size(3, 1); round++) {
    raw = Math.max(raw, rawRate(rawRecords));
    sim = Math.max(sim, simRate(duration));
  }
  report.info(`raw PutRecords 500 x 100 B into 64 shards: ${Math.round(raw).toLocaleString('en-US')} records/s (best of the alternating rounds)`);
  report.add('simulated records per wall-clock second, 64 shards, 1 polling consumer', sim, 'rec/s', { target: { op: '>=', value: 1_000_000 } });
  report.add('simulation rate / raw PutRecords rate (same run)', sim / raw, 'x', { target: { op: '>=', value: 0.4 } });
  return { bench: 'sim', figures: report.figures };
}
