// Resolving a ResourceARN (a stream ARN or a consumer ARN), as the tagging and policy actions do.

import { ResourceInUseException, ResourceNotFoundException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Consumer } from '../../model/consumer.js';
import type { Stream } from '../../model/stream.js';
import { requireActive } from './active-stream.js';
import { findStream, lookupStream } from './stream-ref.js';

const CONSUMER_ARN = /^arn:([^:]+):kinesis:([^:]*):(\d{12}):stream\/([^/]+)\/consumer\/([^/:]+):\d+$/;

/** A stream or consumer named by ARN, with what the tagging and policy actions need of either. */
export interface Resource {
  readonly kind: 'stream' | 'consumer';
  readonly name: string;
  readonly stream: Stream;
  readonly consumer: Consumer | undefined;
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
 * @throws ResourceNotFoundException when no such stream or consumer exists (consumer ARNs: moto's text [E])
 */
export function findResource(account: Account, arn: string): Resource {
  if (arn.includes('/consumer/')) {
    const found = consumerByArn(account, arn);
    if (found === undefined) throw new ResourceNotFoundException(msg.consumerNotFound(arn, account.accountId));
    const { stream, consumer } = found;
    return { kind: 'consumer', name: consumer.name, stream, consumer, tags: consumer.tags, holder: consumer };
  }
  const stream = findStream(account, { StreamARN: arn });
  return { kind: 'stream', name: stream.name, stream, consumer: undefined, tags: stream.tags, holder: stream };
}

/**
 * A resource that a change (tags, policy) may apply to: a stream must be ACTIVE, a consumer ACTIVE too.
 * @throws ResourceInUseException otherwise ([R] text for consumers; [U] that streams follow the README's status rules)
 */
export function requireActiveResource(account: Account, resource: Resource, nowMs: number): void {
  const consumer = resource.consumer;
  if (consumer === undefined) {
    requireActive(account, resource.stream, nowMs);
  } else if (consumer.status(nowMs) !== 'ACTIVE') {
    throw new ResourceInUseException(
      msg.consumerNotActive(consumer.name, consumer.createdAtSecs, resource.stream.name, account.accountId),
    );
  }
}
