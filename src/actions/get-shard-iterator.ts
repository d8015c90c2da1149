// GetShardIterator — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html

import { ProvisionedThroughputExceededException, ResourceNotFoundException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { encodeIterator } from '../tokens/shard-iterator.js';
import type { Account } from '../model/account.js';
import { parseShardId, shardIdOf } from '../model/shard.js';
import type { GetShardIteratorInput, GetShardIteratorOutput } from '../api-types/records.js';
import { answerDryRun } from './_internals/dry-run.js';
import { startPosition } from './_internals/starting-position.js';
import { lookupStream, resolveRef } from './_internals/stream-ref.js';

export function getShardIterator(account: Account, input: GetShardIteratorInput): GetShardIteratorOutput {
  const nowMs = account.timeline.now();
  const ref = resolveRef(account, input);
  const index = parseShardId(input.ShardId);
  if (index === undefined) throw new ResourceNotFoundException(msg.couldNotFindShard(input.ShardId, ref.name, ref.accountId));
  const stream = lookupStream(account, ref);
  const shard = stream === undefined || !stream.hasShards(nowMs) ? undefined : stream.shards[index];
  if (stream !== undefined && shard !== undefined) stream.releaseExpired(shard, nowMs);
  if (stream === undefined || shard === undefined || stream.isExpired(shard, nowMs)) {
    throw new ResourceNotFoundException(msg.shardNotExist(shardIdOf(index), ref.name, ref.accountId));
  }
  const position = startPosition(account, stream, shard, {
    type: input.ShardIteratorType,
    sequenceNumber: input.StartingSequenceNumber,
    timestamp: input.Timestamp,
    operation: 'GetShardIterator',
  }, nowMs);
  if (input.DryRun === true) answerDryRun(account, stream, nowMs);
  // Throughput is the last check. [U] The message: AWS's text for this throttle is not public; the write one is used.
  if (account.throughputLimits && !shard.throughput().admitIterator(nowMs)) {
    throw new ProvisionedThroughputExceededException(msg.rateExceededShard(shard.id, stream.name, account.accountId));
  }
  const ShardIterator = encodeIterator(account.sealer, {
    createdAtMs: nowMs,
    streamName: stream.name,
    streamCreatedAtMs: stream.createdAtMs,
    incarnation: stream.incarnation,
    shardIndex: shard.index,
    position,
  });
  return { ShardIterator };
}
