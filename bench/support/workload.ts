// Seeded record batches and engines set up the way every benchmark uses them.

import { Kinesis, ManualClock } from '../../src/index.js';
import type { PutRecordsRequestEntry, Shard } from '../../src/index.js';
import { XorShift32 } from './prng.js';

export const STREAM = 'bench';
export const PAYLOAD_BYTES = 100;

export interface Engine {
  kinesis: Kinesis;
  clock: ManualClock;
  stream: string;
}

/** A fresh engine on a ManualClock with one ACTIVE stream of `shards` shards. */
export function engine(shards: number, options: { shardLimit?: number } = {}): Engine {
  const clock = new ManualClock(1_700_000_000_000);
  const kinesis = new Kinesis({ clock, shardLimit: options.shardLimit ?? Math.max(1000, shards * 4) });
  kinesis.createStream({ StreamName: STREAM, ShardCount: shards });
  return { kinesis, clock, stream: STREAM };
}

/** `count` PutRecords entry lists of `perBatch` records: random 10-36 character keys, `payloadBytes` random bytes. */
export function batches(seed: number, count: number, perBatch = 500, payloadBytes = PAYLOAD_BYTES): PutRecordsRequestEntry[][] {
  const rng = new XorShift32(seed);
  const out: PutRecordsRequestEntry[][] = [];
  for (let b = 0; b < count; b++) {
    const entries: PutRecordsRequestEntry[] = [];
    for (let i = 0; i < perBatch; i++) entries.push({ Data: rng.bytes(payloadBytes), PartitionKey: rng.key(10, 36) });
    out.push(entries);
  }
  return out;
}

/** Every shard of a stream (all ListShards pages), in order. */
export function listAllShards(e: Engine): Shard[] {
  const out: Shard[] = [];
  let token: string | undefined;
  do {
    const page = token === undefined ? e.kinesis.listShards({ StreamName: e.stream }) : e.kinesis.listShards({ NextToken: token });
    out.push(...(page.Shards ?? []));
    token = page.NextToken;
  } while (token !== undefined);
  return out;
}

/** The shard IDs of a stream, in order. */
export function shardIds(e: Engine): string[] {
  return listAllShards(e).map((s) => s.ShardId);
}

/**
 * Reads every record of every shard from TRIM_HORIZON with GetRecords(limit) and returns how many
 * came back (also a sum the optimiser cannot drop).
 */
export function drain(e: Engine, ids: readonly string[], limit = 10_000): number {
  let total = 0;
  for (const ShardId of ids) {
    let iterator = e.kinesis.getShardIterator({ StreamName: e.stream, ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    while (iterator !== undefined) {
      const out = e.kinesis.getRecords({ ShardIterator: iterator, Limit: limit });
      const n = out.Records.length;
      if (n === 0) break;
      total += n;
      iterator = out.NextShardIterator;
    }
  }
  return total;
}
