// SubscribeToShard's wire bytes read by a real client's parser: botocore (boto3's core) parses the event stream
// WireProtocol answers with, in odd-sized chunks, exactly as it parses an HTTP body from AWS (its JSON parser
// insists on the initial-response first). What it sees must equal the in-process events of the same history.
// Skipped, with the reason printed, when python3 cannot import botocore. The same bytes over a socket are the
// HTTP server's part (kinesim serve).
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { Kinesis, ManualClock, type SubscribeToShardEventStream } from '../../src/index.js';
import { WireProtocol } from '../../src/protocol/wire-protocol.js';
import { ACCOUNT, T0, arnOf, shardId } from '../support/stream-fixture.js';

const SCRIPT = fileURLToPath(new URL('../support/botocore-subscribe.py', import.meta.url));
const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { timeout: 20_000 }).status === 0;
if (!hasBotocore) console.log('botocore-subscribe.test.ts: skipped, python3 cannot import botocore');

const HALF = '170141183460469231731687303715884105728';
const dir = mkdtempSync(join(tmpdir(), 'kinesim-botocore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A history on a fresh engine: records (binary data, a non-ASCII key) at distinct times, then `ending`. */
function history(ending: 'split' | 'takeover') {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  const consumerArn = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' }).Consumer.ConsumerARN;
  const input = { ConsumerARN: consumerArn, ShardId: shardId(0), StartingPosition: { Type: 'TRIM_HORIZON' as const } };
  const then = (): void => {
    kinesis.putRecord({ StreamName: 's', Data: new Uint8Array([0, 255, 10, 13]), PartitionKey: 'clé' });
    clock.advance(1234);
    kinesis.putRecord({ StreamName: 's', Data: new TextEncoder().encode('{"json":true}'), PartitionKey: 'k' });
    clock.advance(6000);
    if (ending === 'split') kinesis.splitShard({ StreamName: 's', ShardToSplit: shardId(0), NewStartingHashKey: HALF });
    else kinesis.subscribeToShard(input);
  };
  return { kinesis, input, then };
}

/** The in-process events of the history, as botocore would show them. */
function direct(ending: 'split' | 'takeover'): unknown[] {
  const { kinesis, input, then } = history(ending);
  const subscription = kinesis.subscribeToShard(input);
  then();
  const { events, done } = subscription.poll();
  expect(done).toBe(true);
  return [{ initial: [] }, ...events.map(asBotocore)];
}

function asBotocore(event: SubscribeToShardEventStream): unknown {
  if (event.SubscribeToShardEvent === undefined) {
    const error = Object.values(event)[0]!;
    return { error: { code: error.name, message: error.message } };
  }
  const { Records, ...rest } = event.SubscribeToShardEvent;
  const records = Records.map((r) => ({
    SequenceNumber: r.SequenceNumber,
    ApproximateArrivalTimestampMs: r.ApproximateArrivalTimestamp!.getTime(),
    Data: Buffer.from(r.Data).toString('base64'),
    PartitionKey: r.PartitionKey,
  }));
  return { event: { ...rest, Records: records } };
}

/** The same history through WireProtocol: every message pulled until the stream ends, concatenated. */
function wireBytes(ending: 'split' | 'takeover'): Buffer {
  const { kinesis, input, then } = history(ending);
  const answer = new WireProtocol(kinesis).handle({ target: 'Kinesis_20131202.SubscribeToShard', body: JSON.stringify(input) });
  then();
  const { messages, done } = answer.events!.pull();
  expect(done).toBe(true);
  return Buffer.concat(messages);
}

function botocore(bytes: Buffer, chunkBytes: number): Promise<unknown[]> {
  const file = join(dir, `body-${chunkBytes}-${bytes.length}.bin`);
  writeFileSync(file, bytes);
  return new Promise((resolve, reject) => {
    execFile('python3', [SCRIPT, file, String(chunkBytes)], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as unknown[]);
    });
  });
}

describe.skipIf(!hasBotocore)('botocore reads the SubscribeToShard event stream', () => {
  test('to a closed shard\'s end: records, idle events, and the last event with ChildShards', async () => {
    const seen = await botocore(wireBytes('split'), 7);
    expect(seen).toEqual(direct('split'));
    const last = seen.at(-1) as { event: Record<string, unknown> };
    expect(last.event).not.toHaveProperty('ContinuationSequenceNumber');
    expect(last.event.ChildShards).toHaveLength(2);
    expect(seen.filter((read) => (read as { event?: { Records: unknown[] } }).event?.Records.length === 0).length).toBeGreaterThan(0);
  });

  test('to a takeover: botocore raises the ResourceInUseException event as an EventStreamError', async () => {
    const seen = await botocore(wireBytes('takeover'), 4096);
    expect(seen).toEqual(direct('takeover'));
    expect(seen.at(-1)).toEqual({
      error: { code: 'ResourceInUseException', message: `Another active subscription exists for this consumer: ${ACCOUNT}:s:${shardId(0)}:app` },
    });
  });
});
