// Property test of channel delivery: random histories of writes (keyed and AUTO), splits, merges, strategy and
// mode switches, freshness updates and clock jumps. Whatever happens, a channel delivers every record that arrived
// after it was created and ACTIVE exactly once, nothing else, each shard in sequence order, parents' records
// before their children's, and no record later than its data freshness after it arrived.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type S3ObjectDelivery } from '../../src/index.js';
import { T0, arnOf } from '../support/stream-fixture.js';
import { s3Channel } from '../support/channel-fixture.js';

const SECOND = 1000;
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

interface Put {
  readonly id: string;
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly arrivalMs: number;
  /** Whether the record must be delivered: put after CreateChannel, at or after the channel became ACTIVE. */
  readonly expected: boolean;
}

type Step =
  | { kind: 'put'; key: number; count: number; batch: boolean }
  | { kind: 'advance'; ms: number }
  | { kind: 'split'; pick: number }
  | { kind: 'merge'; pick: number }
  | { kind: 'toggleAuto' }
  | { kind: 'freshness'; seconds: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), key: fc.nat(KEYS.length - 1), count: fc.integer({ min: 1, max: 5 }), batch: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 2 * SECOND }), fc.integer({ min: 0, max: 1000 * SECOND })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggleAuto' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('freshness' as const), seconds: fc.integer({ min: 300, max: 900 }) }) },
);

class History {
  readonly clock = new ManualClock(T0);
  readonly kinesis: Kinesis;
  readonly puts: Put[] = [];
  channelArn: string | undefined;
  activeAtMs = Infinity;
  auto = false;
  freshnessMs = 300 * SECOND;
  #next = 0;

  constructor(readonly channelDelayMs: number, seed: number) {
    this.kinesis = new Kinesis({ clock: this.clock, channelDelayMs, seed, shardLimit: 100 });
    this.kinesis.createStream({ StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  }

  createChannel(): void {
    this.channelArn = this.kinesis.createChannel(s3Channel('c', {}, 'STRING')).ChannelDescription.ChannelARN;
    this.activeAtMs = this.clock.now() + this.channelDelayMs;
    // Resharding needs a provisioned stream; the channel keeps delivering across the switch [U].
    this.kinesis.updateStreamMode({ StreamARN: arnOf('s'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
  }

  run(s: Step): void {
    switch (s.kind) {
      case 'put': return this.put(s.key, s.count, s.batch);
      case 'advance':
        this.clock.advance(s.ms);
        return;
      case 'split': return this.split(s.pick);
      case 'merge': return this.merge(s.pick);
      case 'toggleAuto': return this.toggleAuto();
      case 'freshness': return this.freshness(s.seconds);
    }
  }

  put(key: number, count: number, batch: boolean): void {
    const entries = Array.from({ length: count }, () => {
      const id = String(this.#next++);
      return this.auto && key % 2 === 0 ? { Data: new TextEncoder().encode(id) } : { PartitionKey: KEYS[key]!, Data: new TextEncoder().encode(id) };
    });
    const nowMs = this.clock.now();
    const expected = this.channelArn !== undefined && nowMs >= this.activeAtMs;
    const record = (id: Uint8Array, shardId: string, sequenceNumber: string) =>
      this.puts.push({ id: new TextDecoder().decode(id), shardId, sequenceNumber, arrivalMs: nowMs, expected });
    if (batch) {
      const out = this.kinesis.putRecords({ StreamName: 's', Records: entries });
      out.Records.forEach((r, i) => record(entries[i]!.Data, r.ShardId!, r.SequenceNumber!));
    } else {
      for (const entry of entries) {
        const out = this.kinesis.putRecord({ StreamName: 's', ...entry });
        record(entry.Data, out.ShardId, out.SequenceNumber);
      }
    }
  }

  openShards() {
    const shards = this.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards ?? [];
    return shards.sort((x, y) => (BigInt(x.HashKeyRange.StartingHashKey) < BigInt(y.HashKeyRange.StartingHashKey) ? -1 : 1));
  }

  split(pick: number): void {
    if (this.auto) return;
    const open = this.openShards();
    if (open.length >= 12) return;
    const shard = open[pick % open.length]!;
    const start = BigInt(shard.HashKeyRange.StartingHashKey);
    const end = BigInt(shard.HashKeyRange.EndingHashKey);
    if (end - start < 4n) return;
    this.kinesis.splitShard({ StreamName: 's', ShardToSplit: shard.ShardId, NewStartingHashKey: ((start + end) / 2n).toString() });
  }

  merge(pick: number): void {
    if (this.auto) return;
    const open = this.openShards();
    if (open.length < 2) return;
    const i = pick % (open.length - 1);
    this.kinesis.mergeShards({ StreamName: 's', ShardToMerge: open[i]!.ShardId, AdjacentShardToMerge: open[i + 1]!.ShardId });
  }

  /** AUTO needs on-demand mode: on-demand + AUTO, or back to USER_PARTITION_KEY + provisioned. */
  toggleAuto(): void {
    const StreamARN = arnOf('s');
    if (this.auto) {
      this.kinesis.updateStreamRecordDistributionStrategy({ StreamARN, RecordDistributionStrategy: 'USER_PARTITION_KEY' });
      this.kinesis.updateStreamMode({ StreamARN, StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    } else {
      this.kinesis.updateStreamMode({ StreamARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
      this.kinesis.updateStreamRecordDistributionStrategy({ StreamARN, RecordDistributionStrategy: 'AUTO' });
    }
    this.auto = !this.auto;
  }

  freshness(seconds: number): void {
    if (this.channelArn === undefined) return;
    if (this.kinesis.describeChannel({ ChannelARN: this.channelArn }).ChannelDescription.ChannelStatus !== 'ACTIVE') return;
    this.kinesis.updateChannel({ ChannelARN: this.channelArn, S3DestinationConfiguration: { DataFreshnessInSeconds: seconds } });
    this.freshnessMs = Math.max(this.freshnessMs, seconds * SECOND);
  }

  /** The parents of every shard the stream has had. */
  parents(): Map<string, string[]> {
    const graph = this.kinesis.describeShardGraph({ StreamName: 's' });
    return new Map(graph.Shards.map((node) => [node.ShardId, node.ParentShardIds]));
  }
}

describe('channel delivery across reshards', () => {
  it('delivers every record put once the channel is ACTIVE exactly once, in shard order, parents first, on time', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 15 }),
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 120 * SECOND }),
        fc.nat(1000),
        fc.boolean(),
        (before, after, channelDelayMs, seed, endByDelete) => {
          const h = new History(channelDelayMs, seed);
          // Before the channel: on-demand, so only puts, clock jumps and AUTO switches apply.
          for (const s of before) if (s.kind === 'put' || s.kind === 'advance') h.run(s);
          h.createChannel();
          for (const s of after) h.run(s);
          if (endByDelete) h.kinesis.deleteChannel({ ChannelARN: h.channelArn! });
          else h.clock.advance(h.freshnessMs);
          const deliveries = h.kinesis.describeChannelDeliveries({ ChannelARN: h.channelArn! }).Deliveries as S3ObjectDelivery[];
          const delivered = deliveries.flatMap((d) => d.Records.map((r) => ({ record: r, at: d.DeliveredAt.getTime() })));

          // Exactly the expected records, each once.
          const ids = delivered.map((d) => new TextDecoder().decode(d.record.Data));
          expect(new Set(ids).size).toBe(ids.length);
          expect([...ids].sort()).toEqual(h.puts.filter((p) => p.expected).map((p) => p.id).sort());

          // Each record as it was put, and on time: after it arrived, within the freshness period (or at deletion).
          const byId = new Map(h.puts.map((p) => [p.id, p]));
          for (const { record, at } of delivered) {
            const put = byId.get(new TextDecoder().decode(record.Data))!;
            expect([record.ShardId, record.SequenceNumber, record.ApproximateArrivalTimestamp.getTime()]).toEqual([put.shardId, put.sequenceNumber, put.arrivalMs]);
            expect(at).toBeGreaterThan(put.arrivalMs - (endByDelete ? 1 : 0));
            expect(at - put.arrivalMs).toBeLessThanOrEqual(h.freshnessMs);
          }

          // Within a shard, sequence order; across the lineage, a parent's records before its children's.
          const lastSeq = new Map<string, bigint>();
          const position = new Map<string, number>();
          delivered.forEach(({ record }, i) => {
            const seq = BigInt(record.SequenceNumber);
            expect(seq > (lastSeq.get(record.ShardId) ?? -1n)).toBe(true);
            lastSeq.set(record.ShardId, seq);
            if (!position.has(record.ShardId)) position.set(record.ShardId, i);
          });
          const lastOf = new Map<string, number>();
          delivered.forEach(({ record }, i) => lastOf.set(record.ShardId, i));
          for (const [child, parents] of h.parents()) {
            const first = position.get(child);
            if (first === undefined) continue;
            for (const parent of parents) expect(lastOf.get(parent) ?? -1).toBeLessThan(first);
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });
});
