// Part 2 of `npm run demo`: resharding while a producer keeps writing, then a consumer that follows the
// lineage (ChildShards) so each partition key comes out in write order, and the lineage drawn.

import { renderShardGraphMermaid, type Shard } from '../../src/index.js';
import { renderLineagePicture } from './lineage-picture.js';
import type { DemoStream } from './producer-consumer.js';

const encoder = new TextEncoder();

/** Splits, merges and rescales the stream between bursts of writes, drains it in lineage order, draws the lineage. */
export function reshardLineage(stream: DemoStream, startMs: number): void {
  reshardWhileProducing(stream);
  const { total, shards, inOrder } = drainInLineageOrder(stream);
  console.log(`\nlineage-order consumer read ${total} records from ${shards} shards; every sensor in write order: ${inOrder}`);

  const graph = stream.kinesis.describeShardGraph({ StreamName: stream.StreamName });
  console.log('\nshard lineage (describeShardGraph), oldest shard first:');
  console.log(renderLineagePicture(graph, startMs));
  console.log('\nthe same graph as Mermaid text (renderShardGraphMermaid; renderShardGraphDot gives Graphviz):');
  console.log(renderShardGraphMermaid(graph));
}

/** Split the first shard, merge the two that cover the upper half, then UpdateShardCount to 3, writing between. */
function reshardWhileProducing({ kinesis, clock, StreamName, reading }: DemoStream): void {
  const produce = (count: number) => {
    for (let i = 0; i < count; i++) {
      const sensor = `sensor-${i % 7}`;
      kinesis.putRecord({ StreamName, PartitionKey: sensor, Data: encoder.encode(JSON.stringify(reading(sensor))) });
      clock.advance(250);
    }
  };
  const openShards = (): Shard[] =>
    kinesis
      .listShards({ StreamName, ShardFilter: { Type: 'AT_LATEST' } })
      .Shards!.sort((a, b) => (BigInt(a.HashKeyRange.StartingHashKey) < BigInt(b.HashKeyRange.StartingHashKey) ? -1 : 1));

  console.log('the producer keeps writing 20 readings (5 s) before, between and after the steps:');
  const first = openShards()[0]!;
  const middle = (BigInt(first.HashKeyRange.StartingHashKey) + BigInt(first.HashKeyRange.EndingHashKey)) / 2n;
  produce(20);
  kinesis.splitShard({ StreamName, ShardToSplit: first.ShardId, NewStartingHashKey: middle.toString() });
  console.log(`  SplitShard ${first.ShardId} at hash key ${middle}`);
  produce(20);
  const [, upperOfSplit, last] = openShards();
  kinesis.mergeShards({ StreamName, ShardToMerge: upperOfSplit!.ShardId, AdjacentShardToMerge: last!.ShardId });
  console.log(`  MergeShards ${upperOfSplit!.ShardId} + ${last!.ShardId}`);
  produce(20);
  const scaled = kinesis.updateShardCount({ StreamName, TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
  console.log(`  UpdateShardCount ${scaled.CurrentShardCount} -> ${scaled.TargetShardCount} (UNIFORM_SCALING: kinesim merges and splits, as AWS does)`);
  produce(20);
}

/** Reads a shard only after all its parents are drained (as KCL does), recording each sensor's arrival times. */
function drainInLineageOrder({ kinesis, StreamName }: DemoStream): { total: number; shards: number; inOrder: boolean } {
  const drained = new Set<string>();
  const waiting = new Map<string, string[]>();
  const ready = kinesis.listShards({ StreamName, ShardFilter: { Type: 'AT_TRIM_HORIZON' } }).Shards!.map((s) => s.ShardId);
  const perSensor = new Map<string, number[]>();
  let total = 0;
  while (ready.length > 0) {
    const shardId = ready.shift()!;
    let iterator = kinesis.getShardIterator({ StreamName, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    while (iterator !== undefined) {
      const page = kinesis.getRecords({ ShardIterator: iterator, Limit: 25 });
      for (const record of page.Records) {
        const times = perSensor.get(record.PartitionKey!) ?? [];
        times.push(record.ApproximateArrivalTimestamp!.getTime());
        perSensor.set(record.PartitionKey!, times);
        total++;
      }
      for (const child of page.ChildShards ?? []) waiting.set(child.ShardId, child.ParentShards);
      // A closed shard ends with no NextShardIterator; an open one is drained once a page comes back empty.
      const caughtUp = page.Records.length === 0 && page.MillisBehindLatest === 0;
      iterator = caughtUp ? undefined : page.NextShardIterator;
    }
    drained.add(shardId);
    for (const [child, parents] of waiting) {
      if (parents.every((p) => drained.has(p))) {
        waiting.delete(child);
        ready.push(child);
      }
    }
  }
  const inOrder = [...perSensor.values()].every((times) => times.every((t, i) => i === 0 || times[i - 1]! <= t));
  return { total, shards: drained.size, inOrder };
}
