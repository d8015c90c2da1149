// Where a read starts in a shard: GetShardIterator's iterator types, which SubscribeToShard's StartingPosition
// shares (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartingPosition.html).

import { InvalidArgumentException, unreachable } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import { decodeSequence, END_COUNTER } from '../../keys/sequence-number.js';
import type { Account } from '../../model/account.js';
import { shardIdOf, type Shard } from '../../model/shard.js';
import type { Stream } from '../../model/stream.js';
import type { ShardIteratorType } from '../../service-model/enums.js';

/** A starting position as either operation names it. */
export interface PositionRequest {
  readonly type: ShardIteratorType;
  readonly sequenceNumber: string | undefined;
  readonly timestamp: Date | undefined;
  /** The operation AWS names in the sequence-number messages. */
  readonly operation: 'GetShardIterator' | 'SubscribeToShard';
}

/**
 * The absolute log index a read of this request starts at (see the position table in the README).
 * @throws InvalidArgumentException when the type and its companion member disagree, the timestamp is in the
 * future, or the sequence number is malformed or from another shard or stream
 */
export function startPosition(account: Account, stream: Stream, shard: Shard, request: PositionRequest, nowMs: number): number {
  const { type, sequenceNumber: seq } = request;
  switch (type) {
    case 'TRIM_HORIZON':
    case 'LATEST':
      if (seq !== undefined) throw new InvalidArgumentException(msg.iteratorTypeForbidsSequence(type));
      return type === 'TRIM_HORIZON' ? stream.trimHorizon(shard, nowMs) : shard.log.length;
    case 'AT_TIMESTAMP': {
      if (request.timestamp === undefined) throw new InvalidArgumentException(msg.timestampRequired());
      const t = request.timestamp.getTime();
      if (t > nowMs) throw new InvalidArgumentException(msg.timestampInFuture(t, nowMs));
      return Math.max(shard.log.firstAtOrAfter(t), stream.trimHorizon(shard, nowMs));
    }
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      if (seq === undefined) throw new InvalidArgumentException(msg.iteratorTypeNeedsSequence(type));
      const counter = checkedCounter(account, stream, shard, seq, request.operation);
      // Counter 0 is the shard start; record i has counter i + 1. A number beyond the newest record is
      // accepted [U] and positions after the newest record at call time.
      const at = type === 'AT_SEQUENCE_NUMBER' ? Math.max(0, counter - 1) : counter;
      return Math.min(at, shard.log.length);
    }
    default:
      return unreachable(type);
  }
}

function checkedCounter(account: Account, stream: Stream, shard: Shard, seq: string, operation: string): number {
  const decoded = decodeSequence(seq);
  if (decoded === undefined) {
    throw new InvalidArgumentException(msg.startingSequenceInvalid(seq, operation, shard.id, stream.name, account.accountId));
  }
  if (decoded.shardIndex !== shard.index) {
    throw new InvalidArgumentException(msg.startingSequenceOtherShard(shardIdOf(decoded.shardIndex), shard.id));
  }
  if (decoded.incarnation !== stream.incarnation) {
    throw new InvalidArgumentException(msg.startingSequenceOtherStream(seq, operation, shard.id, stream.name, account.accountId));
  }
  return decoded.counter === END_COUNTER ? Number.MAX_SAFE_INTEGER : decoded.counter;
}
