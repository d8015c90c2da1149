// RegisterStreamConsumer — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html

import { LimitExceededException, ResourceInUseException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { Consumer } from '../model/consumer.js';
import { ACCOUNT_MAX_CREATING_CONSUMERS, STREAM_MAX_CONSUMERS } from '../model/limits.js';
import type { RegisterStreamConsumerInput, RegisterStreamConsumerOutput } from '../api-types/consumers.js';
import { activeStream } from './_internals/active-stream.js';
import { consumerOutput } from './output/consumer-output.js';
import { addTags } from './_internals/tag-rules.js';


/**
 * Order: stream exists, is ACTIVE ([U]), name is free, limits, tags. The answer always says CREATING
 * (as AWS's does); the consumer turns ACTIVE after `consumerDelayMs`.
 */
export function registerStreamConsumer(account: Account, input: RegisterStreamConsumerInput): RegisterStreamConsumerOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, { StreamARN: input.StreamARN }, nowMs);
  const name = input.ConsumerName;
  if (stream.consumers.has(name)) {
    throw new ResourceInUseException(msg.consumerExists(name, stream.name, account.accountId));
  }
  if (stream.consumers.size >= STREAM_MAX_CONSUMERS) {
    throw new LimitExceededException(msg.consumerLimit(STREAM_MAX_CONSUMERS));
  }
  let creating = 0;
  for (const s of account.streams.values()) for (const c of s.consumers.values()) if (c.status(nowMs) === 'CREATING') creating++;
  if (creating >= ACCOUNT_MAX_CREATING_CONSUMERS) throw new LimitExceededException(msg.consumerCreatingLimit(ACCOUNT_MAX_CREATING_CONSUMERS));
  // Tags are checked before the consumer takes an ARN, so a refused call leaves nothing behind.
  const tags = new Map<string, string>();
  if (input.Tags !== undefined && input.Tags !== null) {
    addTags(tags, input.Tags, { kind: 'consumer', name, accountId: account.accountId });
  }
  const arnSuffix = account.identities.consumerArnSuffix(stream.arn, name, nowMs);
  const consumer = new Consumer(name, stream.arn, nowMs, nowMs + account.consumerDelayMs, arnSuffix);
  for (const [key, value] of tags) consumer.tags.set(key, value);
  stream.consumers.set(name, consumer);
  return { Consumer: { ...consumerOutput(consumer, nowMs), ConsumerStatus: 'CREATING' } };
}
