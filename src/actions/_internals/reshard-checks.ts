// The checks SplitShard, MergeShards and UpdateShardCount share, in AWS's order.

import { InvalidArgumentException, ResourceNotFoundException, ValidationException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import { parseShardId, shardIdOf, type Shard } from '../../model/shard.js';
import type { Stream } from '../../model/stream.js';
import { requireActive } from './active-stream.js';
import { lookupStream, type ResolvedRef } from './stream-ref.js';

/**
 * The stream a resharding request names, checked in order: exists, provisioned, ACTIVE.
 * @throws ResourceNotFoundException when it does not exist
 * @throws ValidationException for an on-demand stream ([U] checked before the status: AWS's order is unknown)
 * @throws ResourceInUseException when it is not ACTIVE
 */
export function reshardableStream(account: Account, ref: ResolvedRef, nowMs: number): Stream {
  const stream = lookupStream(account, ref);
  if (stream === undefined) throw new ResourceNotFoundException(msg.streamNotFound(ref.name, ref.accountId));
  if (stream.mode === 'ON_DEMAND') throw new ValidationException(msg.onDemandStream(stream.name, account.accountId));
  requireActive(account, stream, nowMs);
  return stream;
}

/**
 * The shard index a request's shard ID spells, with AWS's lenient parsing (checked before the stream).
 * @throws ResourceNotFoundException echoing the raw ID when it does not parse
 */
export function shardIndexOf(ref: ResolvedRef, rawShardId: string): number {
  const index = parseShardId(rawShardId);
  if (index === undefined) throw new ResourceNotFoundException(msg.couldNotFindShard(rawShardId, ref.name, ref.accountId));
  return index;
}

/** The shard at `index`. @throws ResourceNotFoundException naming the normalised shard ID when there is none */
export function existingShard(account: Account, stream: Stream, index: number): Shard {
  const shard = stream.shards[index];
  if (shard === undefined) {
    throw new ResourceNotFoundException(msg.couldNotFindShard(shardIdOf(index), stream.name, account.accountId));
  }
  return shard;
}

/** @throws InvalidArgumentException when the shard was already split or merged (expired shards included) */
export function assertOpen(account: Account, stream: Stream, shard: Shard): void {
  if (!shard.isOpen) throw new InvalidArgumentException(msg.shardClosed(shard.id, stream.name, account.accountId));
}
