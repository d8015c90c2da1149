// DescribeStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStream.html

import type { Account } from '../model/account.js';
import { DESCRIBE_STREAM_MAX_SHARDS } from '../model/limits.js';
import type { DescribeStreamInput, DescribeStreamOutput } from '../api-types/streams.js';
import { shardOutput } from './output/shard-output.js';
import { streamDescription } from './output/stream-description.js';
import { findStream } from './_internals/stream-ref.js';


export function describeStream(account: Account, input: DescribeStreamInput): DescribeStreamOutput {
  const nowMs = account.timeline.now();
  const stream = findStream(account, input);
  const limit = Math.min(input.Limit ?? DESCRIBE_STREAM_MAX_SHARDS, DESCRIBE_STREAM_MAX_SHARDS);
  const after = input.ExclusiveStartShardId;
  stream.releaseExpiredShards(nowMs);
  // While CREATING AWS shows no shards; a pending reshard is not visible until it applies.
  const shards = !stream.hasShards(nowMs) ? [] : stream.visibleShards(nowMs).filter((s) => after === undefined || s.id > after);
  return { StreamDescription: streamDescription(stream, nowMs, shards.slice(0, limit).map(shardOutput), shards.length > limit) };
}
