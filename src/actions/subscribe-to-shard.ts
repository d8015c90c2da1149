// SubscribeToShard — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShard.html

import { ResourceInUseException, ResourceNotFoundException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { SUBSCRIPTION_TAKEOVER_MS } from '../model/limits.js';
import { parseShardId, shardIdOf } from '../model/shard.js';
import { Subscription } from '../model/subscription.js';
import type { SubscribeToShardInput, SubscribeToShardOutput } from '../api-types/subscriptions.js';
import { answerDryRun } from './_internals/dry-run.js';
import { consumerByArn } from './_internals/resource-ref.js';
import { startPosition } from './_internals/starting-position.js';
import { openShardSubscription } from './output/shard-subscription.js';

/**
 * Opens a subscription of the consumer to the shard, taking over one that is at least 5 seconds old (which
 * then ends with a ResourceInUseException event). Every check comes before anything changes; a DryRun stops
 * after the last one (DryRunOperationException).
 */
export function subscribeToShard(account: Account, input: SubscribeToShardInput): SubscribeToShardOutput {
  const nowMs = account.timeline.now();
  const found = consumerByArn(account, input.ConsumerARN);
  if (found === undefined) throw new ResourceNotFoundException(msg.consumerNotFound(input.ConsumerARN, account.accountId));
  const { stream, consumer } = found;
  if (consumer.status(nowMs) !== 'ACTIVE') {
    throw new ResourceInUseException(msg.subscribeConsumerNotActive(consumer.name, consumer.createdAtSecs, stream.name, account.accountId));
  }
  const index = parseShardId(input.ShardId);
  if (index === undefined) throw new ResourceNotFoundException(msg.couldNotFindShard(input.ShardId, stream.name, account.accountId));
  const shard = stream.hasShards(nowMs) ? stream.shards[index] : undefined;
  if (shard !== undefined) stream.releaseExpired(shard, nowMs);
  if (shard === undefined || stream.isExpired(shard, nowMs)) {
    throw new ResourceNotFoundException(msg.shardNotExist(shardIdOf(index), stream.name, account.accountId));
  }
  const start = input.StartingPosition;
  const position = startPosition(account, stream, shard, {
    type: start.Type,
    sequenceNumber: start.SequenceNumber,
    timestamp: start.Timestamp,
    operation: 'SubscribeToShard',
  }, nowMs);
  // [D] "within 5 seconds of a successful call": counted from the last accepted call, whether or not its
  // subscription is still open [U] (one that ended or was closed by its client counts too).
  const previous = consumer.subscriptions.get(shard.index);
  if (previous !== undefined && nowMs - previous.startedAtMs < SUBSCRIPTION_TAKEOVER_MS) {
    account.metrics.subscribeToShard(stream, consumer.name, nowMs, false);
    throw new ResourceInUseException(msg.anotherActiveSubscription(account.accountId, stream.name, shard.id, consumer.name));
  }
  if (input.DryRun === true) answerDryRun(account, stream, nowMs);
  previous?.endAt(nowMs, 'taken-over');
  const subscription = new Subscription(stream, shard, consumer, position, nowMs, account.throughputLimits);
  consumer.subscriptions.set(shard.index, subscription);
  account.metrics.subscribeToShard(stream, consumer.name, nowMs, true);
  return openShardSubscription(account, subscription);
}
