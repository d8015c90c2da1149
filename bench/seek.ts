// seek: GetShardIterator AT_SEQUENCE_NUMBER and AT_TIMESTAMP in shards of 10k, 1M and 10M records,
// against GetShardIterator LATEST (no search) on the same shard in the same run.

import { do_not_optimize } from 'mitata';
import type { PutRecordsRequestEntry } from '../src/index.js';
import { collect, memory, MiB, sample } from './support/measure.js';
import { size } from './support/mode.js';
import { XorShift32 } from './support/prng.js';
import { Reporter, type BenchResult } from './support/report.js';
import { engine } from './support/workload.js';

const PER_BATCH = 500;
const PROBES = 1024;

/** One batch of tiny records (1-byte payloads, 64 distinct keys): the shard's size is what is measured. */
function tinyBatch(rng: XorShift32): PutRecordsRequestEntry[] {
  const keys = Array.from({ length: 64 }, () => rng.key(10, 36));
  return Array.from({ length: PER_BATCH }, (_, i) => ({ Data: new Uint8Array([i & 0xff]), PartitionKey: keys[i & 63]! }));
}

async function seekIn(report: Reporter, records: number, label: string): Promise<void> {
  const rng = new XorShift32(41);
  const e = engine(1);
  const batch = tinyBatch(rng);
  const startMs = e.clock.now();
  const calls = Math.ceil(records / PER_BATCH);
  const sequenceNumbers: string[] = [];
  const before = memory();
  for (let c = 0; c < calls; c++) {
    const out = e.kinesis.putRecords({ StreamName: e.stream, Records: batch });
    sequenceNumbers.push(out.Records[c % PER_BATCH]!.SequenceNumber!);
    e.clock.advance(1);
  }
  const after = memory();
  const endMs = e.clock.now();
  report.info(`${label}: stored ${(calls * PER_BATCH).toLocaleString('en-US')} records; heap + array buffers grew ${((after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MiB).toFixed(0)} MiB`);
  const atSequence = Array.from({ length: PROBES }, () => sequenceNumbers[rng.next() % sequenceNumbers.length]!);
  const atTime = Array.from({ length: PROBES }, () => new Date(startMs + (rng.next() % (endMs - startMs))));
  const ShardId = 'shardId-000000000000';
  const StreamName = e.stream;
  let i = 0;

  const latest = await sample(() => do_not_optimize(e.kinesis.getShardIterator({ StreamName, ShardId, ShardIteratorType: 'LATEST' })));
  const bySequence = await sample(() =>
    do_not_optimize(e.kinesis.getShardIterator({ StreamName, ShardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: atSequence[i++ & (PROBES - 1)] })),
  );
  const byTime = await sample(() =>
    do_not_optimize(e.kinesis.getShardIterator({ StreamName, ShardId, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: atTime[i++ & (PROBES - 1)] })),
  );
  report.info(`${label}: baseline GetShardIterator LATEST ${latest.p50.toFixed(0)} ns`);
  report.add(`GetShardIterator AT_SEQUENCE_NUMBER, ${label}-record shard`, bySequence.p50, 'ns/op', { note: `${(bySequence.p50 / latest.p50).toFixed(2)}x LATEST` });
  report.add(`GetShardIterator AT_TIMESTAMP, ${label}-record shard`, byTime.p50, 'ns/op', { note: `${(byTime.p50 / latest.p50).toFixed(2)}x LATEST` });
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('seek');
  await seekIn(report, size(10_000, 1_000), size(10_000, 1_000).toLocaleString('en-US'));
  collect();
  await seekIn(report, size(1_000_000, 5_000), size(1_000_000, 5_000).toLocaleString('en-US'));
  collect();
  await seekIn(report, size(10_000_000, 20_000), size(10_000_000, 20_000).toLocaleString('en-US'));
  return { bench: 'seek', figures: report.figures };
}
