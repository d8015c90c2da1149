// GetShardIterator — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html

import {
  InvalidArgumentException,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
  unreachable,
} from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { decodeSequence, END_COUNTER } from '../keys/sequence-number.js';
import { encodeIterator } from '../tokens/shard-iterator.js';
import type { Account } from '../model/account.js';
import { parseShardId, shardIdOf, type Shard } from '../model/shard.js';
import type { Stream } from '../model/stream.js';
import type { GetShardIteratorInput, GetShardIteratorOutput } from '../api-types/records.js';
import { answerDryRun } from './_internals/dry-run.js';
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
  const position = startPosition(account, stream, shard, input, nowMs);
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

/** The absolute log index an iterator of this request starts at (see the position table in the README). */
function startPosition(account: Account, stream: Stream, shard: Shard, input: GetShardIteratorInput, nowMs: number): number {
  const type = input.ShardIteratorType;
  const seq = input.StartingSequenceNumber;
  switch (type) {
    case 'TRIM_HORIZON':
    case 'LATEST':
      if (seq !== undefined) throw new InvalidArgumentException(msg.iteratorTypeForbidsSequence(type));
      return type === 'TRIM_HORIZON' ? stream.trimHorizon(shard, nowMs) : shard.log.length;
    case 'AT_TIMESTAMP': {
      if (input.Timestamp === undefined) throw new InvalidArgumentException(msg.timestampRequired());
      const t = input.Timestamp.getTime();
      if (t > nowMs) throw new InvalidArgumentException(msg.timestampInFuture(t, nowMs));
      return Math.max(shard.log.firstAtOrAfter(t), stream.trimHorizon(shard, nowMs));
    }
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      if (seq === undefined) throw new InvalidArgumentException(msg.iteratorTypeNeedsSequence(type));
      const counter = checkedCounter(account, stream, shard, seq);
      // Counter 0 is the shard start; record i has counter i + 1. A number beyond the newest record is
      // accepted [U] and positions after the newest record at call time.
      const at = type === 'AT_SEQUENCE_NUMBER' ? Math.max(0, counter - 1) : counter;
      return Math.min(at, shard.log.length);
    }
    default:
      return unreachable(type);
  }
}

function checkedCounter(account: Account, stream: Stream, shard: Shard, seq: string): number {
  const decoded = decodeSequence(seq);
  if (decoded === undefined) {
    throw new InvalidArgumentException(msg.startingSequenceInvalid(seq, shard.id, stream.name, account.accountId));
  }
  if (decoded.shardIndex !== shard.index) {
    throw new InvalidArgumentException(msg.startingSequenceOtherShard(shardIdOf(decoded.shardIndex), shard.id));
  }
  if (decoded.incarnation !== stream.incarnation) {
    throw new InvalidArgumentException(msg.startingSequenceOtherStream(seq, shard.id, stream.name, account.accountId));
  }
  return decoded.counter === END_COUNTER ? Number.MAX_SAFE_INTEGER : decoded.counter;
}
