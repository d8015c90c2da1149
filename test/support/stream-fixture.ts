// Shared test fixtures: a stream 's' on a ManualClock, the check that a rejected call changed nothing observable,
// and the constants and AWS texts many tests spell the same way.

import { expect } from 'vitest';
import { Kinesis, ManualClock, type KinesisOptions } from '../../src/index.js';

export const T0 = Date.UTC(2024, 0, 1);

/** A Kinesis on a ManualClock at T0 holding stream 's' with `shardCount` shards. */
export function streamFixture(shardCount: number, options: KinesisOptions = {}): { clock: ManualClock; kinesis: Kinesis } {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: shardCount });
  return { clock, kinesis };
}

/** Everything observable about the stream's shards, to prove a rejected call changed nothing. */
export function snapshot(kinesis: Kinesis) {
  return { describe: kinesis.describeStream({ StreamName: 's' }), graph: kinesis.describeShardGraph({ StreamName: 's' }) };
}

/** `call` throws the AWS error `name` with `message`, and stream 's' is exactly as it was. */
export function expectRejected(kinesis: Kinesis, call: () => unknown, name: string, message: string): void {
  const before = snapshot(kinesis);
  expect(call).toThrow(expect.objectContaining({ name, message }));
  expect(snapshot(kinesis)).toEqual(before);
}

/** AWS's shard ID for an index, written out independently of the engine's own formatter. */
export function shardId(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}

/** A Kinesis on `clock` (a ManualClock at T0 by default) holding stream 's' with `shardCount` shards. */
export function engine(shardCount: number, clock = new ManualClock(T0)): Kinesis {
  const kinesis = new Kinesis({ clock });
  kinesis.createStream({ StreamName: 's', ShardCount: shardCount });
  return kinesis;
}

/** The default account of an engine. */
export const ACCOUNT = '000000000000';

export const HOUR_MS = 3_600_000;

/** The ARN of stream `name` in the default account and region. */
export const arnOf = (name: string) => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`;

const LIMITS_URL = 'http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html';

/** AWS's LimitExceededException text for the account shard quota, spelled out independently of the engine. */
export const shardLimitMessage = (current: number, limit: number, additional: number) =>
  `This request would exceed the shard limit for the account ${ACCOUNT} in us-east-1. Current shard count for the account: ${current}. ` +
  `Limit: ${limit}. Number of additional shards that would have resulted from this request: ${additional}. ` +
  `Refer to the AWS Service Limits page (${LIMITS_URL}) for current limits and how to request higher limits.`;
