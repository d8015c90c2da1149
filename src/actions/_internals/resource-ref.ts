// Resolving a ResourceARN (a stream, consumer or channel ARN), as the tagging and policy actions do.

import { ResourceInUseException, ResourceNotFoundException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Channel } from '../../model/channel.js';
import type { Consumer } from '../../model/consumer.js';
import type { Stream } from '../../model/stream.js';
import { requireActive } from './active-stream.js';
import { findChannel } from './channel-ref.js';
import { findStream, lookupStream } from './stream-ref.js';

const CHANNEL_ARN = /^arn:[^:]+:kinesis:[^:]*:\d{12}:channel\//;
const CONSUMER_ARN = /^arn:([^:]+):kinesis:([^:]*):(\d{12}):stream\/([^/]+)\/consumer\/([^/:]+):\d+$/;

/** A stream, consumer or channel named by ARN, with what the tagging and policy actions need of each. */
export interface Resource {
  readonly kind: 'stream' | 'consumer' | 'channel';
  readonly name: string;
  /** The stream, or the consumer's stream; undefined for a channel. */
  readonly stream: Stream | undefined;
  readonly consumer: Consumer | undefined;
  readonly channel: Channel | undefined;
  readonly tags: Map<string, string>;
  /** Where the resource policy lives. */
  readonly holder: { policy: string | undefined };
}

/**
 * The consumer a ConsumerARN names (its stream and name, and the exact ARN of this registration), or
 * undefined. A re-registered consumer has a new ARN, so an old ARN finds nothing.
 */
export function consumerByArn(account: Account, arn: string): { stream: Stream; consumer: Consumer } | undefined {
  const parts = CONSUMER_ARN.exec(arn);
  if (parts === null) return undefined;
  const stream = lookupStream(account, { partition: parts[1]!, region: parts[2]!, accountId: parts[3]!, name: parts[4]! });
  const consumer = stream?.consumers.get(parts[5]!);
  return stream !== undefined && consumer?.arn === arn ? { stream, consumer } : undefined;
}

/**
 * @throws ResourceNotFoundException when no such stream, consumer or channel exists (consumer ARNs: moto's text [E];
 * channel ARNs: [U])
 */
export function findResource(account: Account, arn: string): Resource {
  if (CHANNEL_ARN.test(arn)) {
    // [U] Channels take tags (the model's ResourceARN accepts their ARNs) and, like every ResourceARN, policies.
    const channel = findChannel(account, arn);
    return { kind: 'channel', name: channel.name, stream: undefined, consumer: undefined, channel, tags: channel.tags, holder: channel };
  }
  if (arn.includes('/consumer/')) {
    const found = consumerByArn(account, arn);
    if (found === undefined) throw new ResourceNotFoundException(msg.consumerNotFound(arn, account.accountId));
    const { stream, consumer } = found;
    return { kind: 'consumer', name: consumer.name, stream, consumer, channel: undefined, tags: consumer.tags, holder: consumer };
  }
  const stream = findStream(account, { StreamARN: arn });
  return { kind: 'stream', name: stream.name, stream, consumer: undefined, channel: undefined, tags: stream.tags, holder: stream };
}

/**
 * A resource that a change (tags, policy) may apply to: a stream must be ACTIVE, a consumer ACTIVE too.
 * @throws ResourceInUseException otherwise ([R] text for consumers; [U] that streams follow the README's status rules)
 */
export function requireActiveResource(account: Account, resource: Resource, nowMs: number): void {
  const { consumer, channel, stream } = resource;
  if (channel !== undefined) {
    const status = channel.status(nowMs);
    // [U] A channel, like a stream, takes changes only while ACTIVE.
    if (status !== 'ACTIVE') throw new ResourceInUseException(msg.channelNotActive(channel.name, account.accountId, status));
  } else if (consumer === undefined) {
    requireActive(account, stream!, nowMs);
  } else if (consumer.status(nowMs) !== 'ACTIVE') {
    throw new ResourceInUseException(
      msg.consumerNotActive(consumer.name, consumer.createdAtSecs, stream!.name, account.accountId),
    );
  }
}
