// Rendering a subscription's events in AWS's shapes: SubscribeToShardEvent, and the exception that ends a
// stream early (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SubscribeToShardEventStream.html).

import { ResourceInUseException, ResourceNotFoundException, unreachable, type KinesisError } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Subscription, SubscriptionEndCause, SubscriptionEvent } from '../../model/subscription.js';
import type { KinesisRecord } from '../../api-types/records.js';
import type { SubscribeToShardEvent } from '../../api-types/subscriptions.js';
import { markEncryptedRecords } from '../_internals/record-encryption.js';
import { childShardOutputs } from './shard-output.js';

/** The SubscribeToShardEvent of `event`, whose records (read from index `event.first` on) are `records`. */
export function subscribeToShardEvent(subscription: Subscription, event: SubscriptionEvent, records: KinesisRecord[]): SubscribeToShardEvent {
  const { stream, shard } = subscription;
  markEncryptedRecords(stream, shard, event.first, records);
  if (event.shardEnd) {
    // The end of a closed shard: no ContinuationSequenceNumber, the children instead (KCL checks the pairing).
    return { Records: records, MillisBehindLatest: event.millisBehindLatest, ChildShards: childShardOutputs(stream, shard) };
  }
  // [U] With nothing delivered yet, the number of the record before the subscription's position (the shard's
  // starting number at its very start), so AFTER_SEQUENCE_NUMBER resumes exactly there.
  const next = event.next;
  const continuation = next === 0 ? shard.startingSequenceNumber : shard.sequenceNumberOf(next - 1);
  return { Records: records, ContinuationSequenceNumber: continuation, MillisBehindLatest: event.millisBehindLatest };
}

/** The exception event that ends a subscription for `cause`; none for the 5-minute expiry (the stream just ends). */
export function subscriptionEndError(account: Account, subscription: Subscription, cause: Exclude<SubscriptionEndCause, 'cancelled'>): KinesisError | undefined {
  const { stream, shard, consumer } = subscription;
  switch (cause) {
    case 'expired':
      return undefined;
    case 'taken-over':
      return new ResourceInUseException(msg.anotherActiveSubscription(account.accountId, stream.name, shard.id, consumer.name));
    case 'consumer-deleted':
      // [U] Which exception AWS sends to the subscriptions of a deregistered consumer, and its text.
      return new ResourceNotFoundException(msg.consumerNotFound(consumer.arn, account.accountId));
    case 'stream-deleted':
      // [U] Which exception AWS sends to the subscriptions of a deleted stream, and its text.
      return new ResourceNotFoundException(msg.streamNotFound(stream.name, account.accountId));
    default:
      return unreachable(cause);
  }
}
