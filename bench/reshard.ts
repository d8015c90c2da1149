// reshard: SplitShard and MergeShards on shards holding many records, against the same calls on an
// identical but empty stream in the same run; UpdateShardCount 1000 -> 2000 against CreateStream of 2000.
// Resharding must not copy records: the ratio to the empty stream should stay near 1.

import { do_not_optimize } from 'mitata';
import type { Kinesis } from '../src/index.js';
import { collect, median, timeMs } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, engine, listAllShards, type Engine } from './support/workload.js';

const SHARDS = 8;
const PER_BATCH = 500;

/** The resharding operations, which may not exist yet on this build of Kinesis. */
interface Resharding {
  splitShard(input: { StreamName: string; ShardToSplit: string; NewStartingHashKey: string }): unknown;
  mergeShards(input: { StreamName: string; ShardToMerge: string; AdjacentShardToMerge: string }): unknown;
  updateShardCount(input: { StreamName: string; TargetShardCount: number; ScalingType: 'UNIFORM_SCALING' }): unknown;
}

function missing(kinesis: Kinesis): string | undefined {
  const k = kinesis as unknown as Partial<Record<keyof Resharding, unknown>>;
  const absent = (['splitShard', 'mergeShards', 'updateShardCount'] as const).filter((m) => typeof k[m] !== 'function');
  return absent.length === 0 ? undefined : `Kinesis has no ${absent.join(', ')} yet`;
}

const ops = (e: Engine) => e.kinesis as unknown as Resharding;

function fill(e: Engine, records: number): void {
  const pool = batches(51, size(64, 4), PER_BATCH);
  for (let c = 0; c < records / PER_BATCH; c++) {
    e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c % pool.length]! });
    e.clock.advance(1);
  }
}

function openShards(e: Engine): { id: string; start: bigint; end: bigint }[] {
  return listAllShards(e).filter((s) => s.SequenceNumberRange.EndingSequenceNumber === undefined).map((s) => ({ id: s.ShardId, start: BigInt(s.HashKeyRange.StartingHashKey), end: BigInt(s.HashKeyRange.EndingHashKey) }));
}

/** Milliseconds of each SplitShard (at the middle of every original shard). */
function splits(e: Engine): number[] {
  return openShards(e).map((s) => {
    e.clock.advance(1000);
    const NewStartingHashKey = ((s.start + s.end + 1n) / 2n).toString();
    return timeMs(() => do_not_optimize(ops(e).splitShard({ StreamName: e.stream, ShardToSplit: s.id, NewStartingHashKey })));
  });
}

/** Milliseconds of each MergeShards (pairs of neighbouring original shards). */
function merges(e: Engine): number[] {
  const open = openShards(e).sort((a, b) => (a.start < b.start ? -1 : 1));
  const out: number[] = [];
  for (let i = 0; i + 1 < open.length; i += 2) {
    e.clock.advance(1000);
    const input = { StreamName: e.stream, ShardToMerge: open[i]!.id, AdjacentShardToMerge: open[i + 1]!.id };
    out.push(timeMs(() => do_not_optimize(ops(e).mergeShards(input))));
  }
  return out;
}

/** One kind of reshard on shards holding `records` records, against the same on an empty stream. */
function withAndWithoutRecords(report: Reporter, label: string, reshard: (e: Engine) => number[], records: number): void {
  reshard(engine(SHARDS)); // warm-up: the first calls compile the reshard path
  const empty = reshard(engine(SHARDS));
  const full = engine(SHARDS);
  fill(full, records);
  collect();
  const loaded = reshard(full);
  report.info(`baseline: ${label} on an empty ${SHARDS}-shard stream ${median(empty).toFixed(3)} ms (median of ${empty.length})`);
  report.add(`${label}, ${SHARDS} shards holding ${records.toLocaleString('en-US')} records`, median(loaded), 'ms', {
    note: `${(median(loaded) / median(empty)).toFixed(2)}x empty stream`,
  });
}

/** UpdateShardCount doubling a stream that holds records, against CreateStream of the target size. */
function doubling(report: Reporter): void {
  const from = size(1000, 16);
  const to = from * 2;
  const createMs: number[] = [];
  const updateMs: number[] = [];
  for (let rep = 0; rep < size(3, 1); rep++) {
    const base = engine(1, { shardLimit: 10 * to });
    createMs.push(timeMs(() => do_not_optimize(base.kinesis.createStream({ StreamName: 'wide', ShardCount: to }))));
    const e = engine(from, { shardLimit: 10 * to });
    fill(e, size(200_000, 2_000));
    collect();
    updateMs.push(timeMs(() => do_not_optimize(ops(e).updateShardCount({ StreamName: e.stream, TargetShardCount: to, ScalingType: 'UNIFORM_SCALING' }))));
    const open = openShards(e).length;
    if (open !== to) throw new Error(`UpdateShardCount left ${open} open shards, expected ${to}`);
  }
  report.info(`baseline: CreateStream with ${to} shards ${median(createMs).toFixed(1)} ms`);
  report.add(`UpdateShardCount ${from} -> ${to} shards (applied, no delay)`, median(updateMs), 'ms', {
    note: `${(median(updateMs) / median(createMs)).toFixed(2)}x CreateStream(${to})`,
  });
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('reshard');
  const reason = missing(engine(1).kinesis);
  if (reason !== undefined) {
    report.info(`skipped: ${reason}`);
    return { bench: 'reshard', figures: [], skipped: reason };
  }
  const records = size(1_000_000, 4_000);
  withAndWithoutRecords(report, 'SplitShard', splits, records);
  withAndWithoutRecords(report, 'MergeShards', merges, records);
  doubling(report);
  return { bench: 'reshard', figures: report.figures };
}
