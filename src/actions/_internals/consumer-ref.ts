// Resolving the consumer a request names (ConsumerARN, or StreamARN + ConsumerName, or all three).

import { InvalidArgumentException, ResourceNotFoundException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Consumer } from '../../model/consumer.js';
import type { Stream } from '../../model/stream.js';
import type { ConsumerRef } from '../../api-types/consumers.js';
import { consumerByArn } from './resource-ref.js';
import { findStream } from './stream-ref.js';

const CONSUMER_PART = '/consumer/';

/**
 * The consumer a request names, in any status.
 * @throws InvalidArgumentException when the members do not identify one consumer, or disagree ([U] texts)
 * @throws ResourceNotFoundException when the stream (looked up by StreamARN) or the consumer does not exist
 */
export function findConsumer(account: Account, ref: ConsumerRef): { stream: Stream; consumer: Consumer } {
  const { ConsumerARN: consumerArn, StreamARN: streamArn, ConsumerName: name } = ref;
  if (consumerArn !== undefined && consumerArn !== null) {
    const cut = consumerArn.lastIndexOf(CONSUMER_PART);
    const arnStream = consumerArn.slice(0, cut);
    const arnName = consumerArn.slice(cut + CONSUMER_PART.length, consumerArn.lastIndexOf(':'));
    const otherStream = streamArn !== undefined && streamArn !== null && streamArn !== arnStream;
    const otherName = name !== undefined && name !== null && name !== arnName;
    if (otherStream || otherName) {
      throw new InvalidArgumentException(msg.consumerRefMismatch(consumerArn));
    }
    const found = consumerByArn(account, consumerArn);
    if (found === undefined) throw new ResourceNotFoundException(msg.consumerNotFound(consumerArn, account.accountId));
    return found;
  }
  if (streamArn === undefined || streamArn === null || name === undefined || name === null) {
    throw new InvalidArgumentException(msg.consumerRefRequired());
  }
  const stream = findStream(account, { StreamARN: streamArn });
  const consumer = stream.consumers.get(name);
  if (consumer === undefined) throw new ResourceNotFoundException(msg.consumerNotFound(name, account.accountId));
  return { stream, consumer };
}
