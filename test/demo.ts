// `npm run demo`: the Kinesis getting-started scenario, in process, on a manual clock.
// A producer writes JSON sensor readings; a consumer reads them back with GetShardIterator + GetRecords.

import { Kinesis, ManualClock } from '../src/index.js';

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
