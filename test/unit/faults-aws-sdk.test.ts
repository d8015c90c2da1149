// What users do with fault injection: run their AWS SDK v3 code against failures and check it copes. The SDK's
// own retry strategy classifies kinesim's answers exactly as it classifies AWS's (status codes and names).

import {
  KMSThrottlingException,
  KinesisClient,
  ProvisionedThroughputExceededException,
  PutRecordCommand,
  PutRecordsCommand,
  type KinesisClientConfig,
  type PutRecordsRequestEntry,
} from '@aws-sdk/client-kinesis';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../src/adapters/aws-sdk.js';
import { Kinesis, ManualClock } from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';

/** A client of a fresh engine; `defaultRetries` keeps the SDK's own retry strategy (with its real backoff). */
function setup(config: Partial<KinesisClientConfig> = {}, defaultRetries = false) {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  kinesis.createStream({ StreamName: 'orders', ShardCount: 2 });
  const client = new KinesisClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: createRequestHandler(kinesis),
    // The SDK's standard classification with a 1 ms backoff, so retries do not make the test wait.
    ...(defaultRetries ? {} : { retryStrategy: new ConfiguredRetryStrategy(4, () => 1) }),
    ...config,
  });
  return { kinesis, client };
}

const record = (i: number) => ({ PartitionKey: `order-${i}`, Data: new TextEncoder().encode(`order ${i}`) });

/** Every record the stream holds, as the text its producer wrote. */
function stored(kinesis: Kinesis): string[] {
  return kinesis.listShards({ StreamName: 'orders' }).Shards!.flatMap((shard) => {
    const it = kinesis.getShardIterator({ StreamName: 'orders', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' });
    return kinesis.getRecords({ ShardIterator: it.ShardIterator! }).Records.map((r) => new TextDecoder().decode(r.Data));
  });
}

describe('the AWS SDK v3 against injected faults', () => {
  it('retries InternalFailure (HTTP 500) with its default strategy and succeeds', async () => {
    const { kinesis, client } = setup({ maxAttempts: 3 }, true);
    kinesis.history.start();
    kinesis.faults.inject({ operation: 'PutRecord', error: 'InternalFailure', count: 2 });
    const out = await client.send(new PutRecordCommand({ StreamName: 'orders', ...record(1) }));
    expect(out.$metadata.attempts).toBe(3);
    expect(kinesis.history.filter({ operation: 'PutRecord' }).map((c) => c.error ?? c.outcome)).toEqual(['InternalFailure', 'InternalFailure', 'ok']);
    expect(stored(kinesis)).toEqual(['order 1']);
  });

  it('retries throttling (ProvisionedThroughputExceededException, 400) and ServiceUnavailable (503)', async () => {
    const { kinesis, client } = setup();
    kinesis.faults.inject({ operation: 'PutRecord', error: 'ProvisionedThroughputExceededException', count: 1 });
    kinesis.faults.inject({ operation: 'PutRecord', error: 'ServiceUnavailable', count: 2 });
    const out = await client.send(new PutRecordCommand({ StreamName: 'orders', ...record(1) }));
    expect(out.$metadata.attempts).toBe(4);
    expect(stored(kinesis)).toEqual(['order 1']);
  });

  it('gives up after maxAttempts with the SDK\'s own exception class', async () => {
    const { kinesis, client } = setup();
    kinesis.history.start();
    kinesis.faults.inject({ operation: 'PutRecord', error: 'ProvisionedThroughputExceededException' });
    const error = await client.send(new PutRecordCommand({ StreamName: 'orders', ...record(1) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect((error as ProvisionedThroughputExceededException).$metadata.attempts).toBe(4);
    expect(kinesis.history.count({ operation: 'PutRecord', injected: true })).toBe(4);
  });

  it('does not retry KMSThrottlingException (the SDKs classify it as a client error)', async () => {
    const { kinesis, client } = setup();
    kinesis.faults.inject({ operation: 'PutRecord', error: 'KMSThrottlingException', count: 1 });
    const error = await client.send(new PutRecordCommand({ StreamName: 'orders', ...record(1) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KMSThrottlingException);
    expect((error as KMSThrottlingException).$metadata.attempts).toBe(1);
    expect(stored(kinesis)).toEqual([]);
  });

  it('retries a dropped connection (ECONNRESET) from the in-process handler', async () => {
    const { kinesis, client } = setup();
    kinesis.history.start();
    kinesis.faults.inject({ transport: 'drop', operation: 'PutRecord', count: 1 });
    const out = await client.send(new PutRecordCommand({ StreamName: 'orders', ...record(1) }));
    expect(out.$metadata.attempts).toBe(2);
    // The dropped request never reached the engine.
    expect(kinesis.history.count({ operation: 'PutRecord' })).toBe(1);
  });

  it('a producer that ignores FailedRecordCount loses records; one that resends failed entries does not', async () => {
    const entries: PutRecordsRequestEntry[] = Array.from({ length: 200 }, (_, i) => record(i));
    const naive = setup();
    naive.kinesis.faults.inject({ records: { probability: 0.1 }, seed: 42 });
    for (let i = 0; i < entries.length; i += 50) {
      await naive.client.send(new PutRecordsCommand({ StreamName: 'orders', Records: entries.slice(i, i + 50) }));
    }
    const lost = entries.length - stored(naive.kinesis).length;
    expect(lost).toBeGreaterThan(5);

    const careful = setup();
    careful.kinesis.faults.inject({ records: { probability: 0.1 }, seed: 42 });
    for (let i = 0; i < entries.length; i += 50) {
      let pending = entries.slice(i, i + 50);
      while (pending.length > 0) {
        const out = await careful.client.send(new PutRecordsCommand({ StreamName: 'orders', Records: pending }));
        pending = pending.filter((_, j) => out.Records![j]!.ErrorCode !== undefined);
      }
    }
    expect(stored(careful.kinesis).sort()).toEqual(entries.map((e) => new TextDecoder().decode(e.Data)).sort());
  });
});
