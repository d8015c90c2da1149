// DescribeStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStream.html

import type { Account } from '../model/account.js';
import type { Stream } from '../model/stream.js';
import type { DescribeStreamInput, DescribeStreamOutput, StreamDescription } from '../api-types/streams.js';
import { shardShape } from './output/shard-output.js';
import { findStream } from './_internals/stream-ref.js';

/** DescribeStream returns at most 100 shards per call, whatever Limit asks for. */
const MAX_SHARDS_PER_CALL = 100;

export function describeStream(account: Account, input: DescribeStreamInput): DescribeStreamOutput {
  const nowMs = account.now();
  const stream = findStream(account, input);
  const status = stream.status(nowMs);
  const limit = Math.min(input.Limit ?? MAX_SHARDS_PER_CALL, MAX_SHARDS_PER_CALL);
  const after = input.ExclusiveStartShardId;
  // While CREATING AWS shows no shards; a pending reshard is not visible until it applies.
  const shards = !stream.hasShards(nowMs) ? [] : stream.visibleShards(nowMs).filter((s) => after === undefined || s.id > after);
  const description: StreamDescription = {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamStatus: status,
    StreamModeDetails: { StreamMode: stream.mode },
    Shards: shards.slice(0, limit).map(shardShape),
    HasMoreShards: shards.length > limit,
    RetentionPeriodHours: stream.retentionHours,
    StreamCreationTimestamp: new Date(stream.createdAtMs),
    EnhancedMonitoring: [{ ShardLevelMetrics: [...stream.shardLevelMetrics] }],
    EncryptionType: stream.encryptionType,
  };
  if (stream.keyId !== undefined) description.KeyId = stream.keyId;
  return { StreamDescription: description };
}

/** Number of open shards as descriptions report it (0 while CREATING). */
export function openShardCountOf(stream: Stream, nowMs: number): number {
  return stream.hasShards(nowMs) ? stream.openShards().length : 0;
}
