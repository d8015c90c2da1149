// `npm run demo`: the Kinesis getting-started scenario, in process, on a manual clock.
// A producer writes JSON sensor readings; a consumer reads them back with GetShardIterator + GetRecords.
// Then the stream is resharded (split, merge, UpdateShardCount) while the producer keeps writing, and a
// consumer that follows ChildShards drains everything in lineage order.

import { Kinesis, ManualClock, renderShardGraphMermaid } from '../src/index.js';

const startedMs = performance.now();
const clock = new ManualClock(Date.UTC(2026, 0, 1));
const kinesis = new Kinesis({ clock, accountId: '123456789012', region: 'us-east-1' });
const StreamName = 'sensor-readings';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

kinesis.createStream({ StreamName, ShardCount: 2 });

// Producer: ten readings from three sensors, one second apart; the sensor ID is the partition key.
const sensors = ['sensor-kitchen', 'sensor-garage', 'sensor-attic'];
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
for (let i = 0; i < 10; i++) {
  const sensor = sensors[i % sensors.length]!;
  const reading = { sensor, temperature: Math.round((18 + next() * 8) * 10) / 10, humidity: Math.round(40 + next() * 30) };
  const put = kinesis.putRecord({ StreamName, PartitionKey: sensor, Data: encoder.encode(JSON.stringify(reading)) });
  console.log(`put ${JSON.stringify(reading)} -> ${put.ShardId} ${put.SequenceNumber}`);
  clock.advance(1000);
}

// Consumer: read every shard from TRIM_HORIZON.
const { StreamDescription } = kinesis.describeStream({ StreamName });
console.log(`\nstream ${StreamDescription.StreamName} is ${StreamDescription.StreamStatus}, ${StreamDescription.Shards.length} shards:`);
for (const shard of StreamDescription.Shards) {
  console.log(`  ${shard.ShardId} hash keys ${shard.HashKeyRange.StartingHashKey}..${shard.HashKeyRange.EndingHashKey}`);
  const { ShardIterator } = kinesis.getShardIterator({ StreamName, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' });
  const page = kinesis.getRecords({ ShardIterator: ShardIterator!, Limit: 100 });
  for (const record of page.Records) {
    const when = record.ApproximateArrivalTimestamp?.toISOString();
    console.log(`    ${record.PartitionKey} @ ${when}: ${decoder.decode(record.Data)}`);
  }
  console.log(`    (${page.Records.length} records, MillisBehindLatest ${page.MillisBehindLatest})`);
}

// Resharding while producing: split shard 0, merge the two shards that cover the upper half, then
// scale uniformly to 3 shards. Between each step the producer writes more readings.
const produce = (count: number) => {
  for (let i = 0; i < count; i++) {
    const sensor = `sensor-${i % 7}`;
    const reading = { sensor, temperature: Math.round((18 + next() * 8) * 10) / 10, humidity: Math.round(40 + next() * 30) };
    kinesis.putRecord({ StreamName, PartitionKey: sensor, Data: encoder.encode(JSON.stringify(reading)) });
    clock.advance(250);
  }
};
const openShards = () =>
  kinesis
    .listShards({ StreamName, ShardFilter: { Type: 'AT_LATEST' } })
    .Shards!.sort((a, b) => (BigInt(a.HashKeyRange.StartingHashKey) < BigInt(b.HashKeyRange.StartingHashKey) ? -1 : 1));
const firstShard = openShards()[0]!;
const middle = (BigInt(firstShard.HashKeyRange.StartingHashKey) + BigInt(firstShard.HashKeyRange.EndingHashKey)) / 2n;
produce(20);
kinesis.splitShard({ StreamName, ShardToSplit: firstShard.ShardId, NewStartingHashKey: middle.toString() });
console.log(`\nsplit ${firstShard.ShardId} at ${middle}`);
produce(20);
const [, upperOfSplit, lastShard] = openShards();
kinesis.mergeShards({ StreamName, ShardToMerge: upperOfSplit!.ShardId, AdjacentShardToMerge: lastShard!.ShardId });
console.log(`merged ${upperOfSplit!.ShardId} + ${lastShard!.ShardId}`);
produce(20);
const scaled = kinesis.updateShardCount({ StreamName, TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
console.log(`UpdateShardCount ${scaled.CurrentShardCount} -> ${scaled.TargetShardCount}`);
produce(20);

// A consumer that follows the lineage: a shard is read only after all its parents are drained, so each
// sensor's readings come out in the order they were written.
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
console.log(`\nlineage-order consumer read ${total} records from ${drained.size} shards; every sensor in write order: ${inOrder}`);

const graph = kinesis.describeShardGraph({ StreamName });
console.log('\nshard lineage (Mermaid):');
console.log(renderShardGraphMermaid(graph));
console.log('\nrecords per shard:');
for (const shard of graph.Shards) {
  console.log(`  ${shard.ShardId}  ${shard.State.padEnd(6)}  ${String(shard.RecordCount).padStart(3)} records`);
}
console.log(`\nthe whole scenario took ${(performance.now() - startedMs).toFixed(1)} ms of real time and ${(clock.now() - Date.UTC(2026, 0, 1)) / 1000} s of simulated time`);
