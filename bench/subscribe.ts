// subscribe: SubscribeToShard draining 1M stored records (TRIM_HORIZON, polled event by event), against GetRecords
// (Limit 10000) draining the same records, alternately in the same run; then the same two through WireProtocol
// in JSON: the event stream's framed messages (base64 payloads, CRCs) against GetRecords' JSON bodies.

import { WireProtocol } from '../src/protocol/wire-protocol.js';
import { median, paired } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';
import { batches, drain, engine, shardIds, type Engine } from './support/workload.js';

const SHARDS = 4;
const PER_BATCH = 500;
// A consumer may subscribe to a shard again 5 s after its last call: each round moves the clock past that.
const TAKEOVER_MS = 5_000;

export async function run(): Promise<BenchResult> {
  const report = new Reporter('subscribe');
  const records = size(1_000_000, 4_000);
  const pool = batches(37, size(64, 4), PER_BATCH);
  const e = engine(SHARDS);
  for (let c = 0; c < records / PER_BATCH; c++) {
    e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c % pool.length]! });
    e.clock.advance(1);
  }
  const ids = shardIds(e);
  const streamArn = e.kinesis.describeStreamSummary({ StreamName: e.stream }).StreamDescriptionSummary.StreamARN;
  const consumerArn = e.kinesis.registerStreamConsumer({ StreamARN: streamArn, ConsumerName: 'bench' }).Consumer.ConsumerARN;
  const check = (read: number) => {
    if (read !== records) throw new Error(`drained ${read} records, stored ${records}`);
  };

  const direct = paired(size(7, 2), () => check(subscribeDrain(e, ids, consumerArn)), () => check(drain(e, ids)));
  report.info(`drain ms, SubscribeToShard poll: ${direct.subjectMs.map((m) => m.toFixed(0)).join(' ')}; GetRecords: ${direct.baselineMs.map((m) => m.toFixed(0)).join(' ')}`);
  report.add(`SubscribeToShard in process, draining ${records.toLocaleString('en-US')} records`, (records * 1e3) / median(direct.subjectMs), 'rec/s', {
    note: `${direct.ratio.toFixed(2)}x GetRecords time`,
  });

  const protocol = new WireProtocol(e.kinesis);
  const wire = paired(size(5, 2), () => check(wireSubscribeDrain(e, protocol, ids, consumerArn)), () => check(wireDrain(e, protocol, ids)));
  report.info(`drain ms, event stream (JSON): ${wire.subjectMs.map((m) => m.toFixed(0)).join(' ')}; GetRecords (JSON): ${wire.baselineMs.map((m) => m.toFixed(0)).join(' ')}`);
  report.add('SubscribeToShard event stream through WireProtocol (JSON)', (records * 1e3) / median(wire.subjectMs), 'rec/s', {
    note: `${wire.ratio.toFixed(2)}x GetRecords (JSON) time`,
  });
  return { bench: 'subscribe', figures: report.figures };
}

/** Subscribes to every shard from TRIM_HORIZON and takes every event due: all stored records arrive at once. */
function subscribeDrain(e: Engine, ids: readonly string[], consumerArn: string): number {
  e.clock.advance(TAKEOVER_MS);
  let total = 0;
  for (const ShardId of ids) {
    const subscription = e.kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId, StartingPosition: { Type: 'TRIM_HORIZON' } });
    // One event at a time, as a consumer handles them (taking all at once would keep 1M records alive together).
    for (let events = subscription.poll(1).events; events.length > 0; events = subscription.poll(1).events) {
      total += events[0]!.SubscribeToShardEvent!.Records.length;
    }
    subscription.cancel();
  }
  return total;
}

const utf8 = new TextEncoder();

/** The same through the wire: every message pulled (framed, JSON payloads); records counted from the payloads. */
function wireSubscribeDrain(e: Engine, protocol: WireProtocol, ids: readonly string[], consumerArn: string): number {
  e.clock.advance(TAKEOVER_MS);
  let total = 0;
  for (const ShardId of ids) {
    const body = JSON.stringify({ ConsumerARN: consumerArn, ShardId, StartingPosition: { Type: 'TRIM_HORIZON' } });
    const events = protocol.handle({ target: 'Kinesis_20131202.SubscribeToShard', body: utf8.encode(body) }).events!;
    for (;;) {
      const { messages } = events.pull();
      if (messages.length === 0) break;
      for (const message of messages) total += countRecords(message);
    }
    events.cancel();
  }
  return total;
}

/** GetRecords drained through the wire, JSON bodies parsed as a client would. */
function wireDrain(e: Engine, protocol: WireProtocol, ids: readonly string[]): number {
  let total = 0;
  for (const ShardId of ids) {
    const request = (target: string, input: object) =>
      JSON.parse(new TextDecoder().decode(protocol.handle({ target: `Kinesis_20131202.${target}`, body: utf8.encode(JSON.stringify(input)) }).body));
    let iterator: string | undefined = request('GetShardIterator', { StreamName: e.stream, ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    while (iterator !== undefined) {
      const out = request('GetRecords', { ShardIterator: iterator, Limit: 10_000 });
      if (out.Records.length === 0) break;
      total += out.Records.length;
      iterator = out.NextShardIterator;
    }
  }
  return total;
}

/** Records in one framed message's JSON payload (0 for the initial-response), parsed as a client would. */
function countRecords(message: Uint8Array): number {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const headersEnd = 12 + view.getUint32(4);
  const payload = message.subarray(headersEnd, message.byteLength - 4);
  const parsed = JSON.parse(new TextDecoder().decode(payload)) as { Records?: unknown[] };
  return parsed.Records?.length ?? 0;
}
