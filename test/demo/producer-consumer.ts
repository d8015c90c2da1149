// Part 1 of `npm run demo`: a producer and a consumer, the way a unit test would use kinesim.
// A producer writes JSON sensor readings with PutRecord; a consumer reads them back with GetShardIterator +
// GetRecords and checks each record against what was put, byte for byte.

import type { Kinesis, ManualClock } from '../../src/index.js';
import type { SensorReading } from './sensor-readings.js';

export interface DemoStream {
  kinesis: Kinesis;
  clock: ManualClock;
  StreamName: string;
  reading: (sensor: string) => SensorReading;
}

const SENSORS = ['sensor-kitchen', 'sensor-garage', 'sensor-attic'];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Puts ten readings one simulated second apart, then reads every shard from TRIM_HORIZON. */
export function producerConsumer({ kinesis, clock, StreamName, reading }: DemoStream): void {
  kinesis.createStream({ StreamName, ShardCount: 2 });
  console.log(`CreateStream ${StreamName} with 2 shards, on a ManualClock the demo moves by hand.\n`);

  // The sensor ID is the partition key, so each sensor's readings stay on one shard, in order.
  const put = new Map<string, string>();
  for (let i = 0; i < 10; i++) {
    const sensor = SENSORS[i % SENSORS.length]!;
    const data = JSON.stringify(reading(sensor));
    const answer = kinesis.putRecord({ StreamName, PartitionKey: sensor, Data: encoder.encode(data) });
    put.set(answer.SequenceNumber, data);
    console.log(`PutRecord ${data} -> ${answer.ShardId} ${answer.SequenceNumber}`);
    clock.advance(1000);
  }

  const { StreamDescription } = kinesis.describeStream({ StreamName });
  console.log(`\nDescribeStream: ${StreamDescription.StreamName} is ${StreamDescription.StreamStatus}, ${StreamDescription.Shards.length} shards`);
  let readBack = 0;
  let identical = 0;
  for (const shard of StreamDescription.Shards) {
    const { StartingHashKey, EndingHashKey } = shard.HashKeyRange;
    console.log(`  ${shard.ShardId} (hash keys ${StartingHashKey}..${EndingHashKey})`);
    const { ShardIterator } = kinesis.getShardIterator({ StreamName, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' });
    const page = kinesis.getRecords({ ShardIterator: ShardIterator!, Limit: 100 });
    for (const record of page.Records) {
      const text = decoder.decode(record.Data);
      readBack++;
      if (put.get(record.SequenceNumber) === text) identical++;
      console.log(`    GetRecords: ${record.PartitionKey} @ ${record.ApproximateArrivalTimestamp?.toISOString()}: ${text}`);
    }
    console.log(`    (${page.Records.length} records, MillisBehindLatest ${page.MillisBehindLatest})`);
  }
  console.log(`\nread back ${readBack} of ${put.size} records put; identical to what was put: ${identical} of ${put.size}`);
}
