// Consumer: an enhanced fan-out consumer registered with a stream, and its status timeline.

import type { ConsumerStatus } from '../service-model/enums.js';
import type { Subscription } from './subscription.js';

export class Consumer {
  readonly arn: string;
  readonly tags = new Map<string, string>();
  /** The resource policy attached to this consumer (PutResourcePolicy), if any. */
  policy: string | undefined;
  deletingAtMs: number | undefined;
  goneAtMs: number | undefined;
  /** The latest successful SubscribeToShard per shard index (ended or not: the 5-second rule counts from it). */
  readonly subscriptions = new Map<number, Subscription>();

  constructor(
    readonly name: string,
    streamArn: string,
    readonly createdAtMs: number,
    /** When CREATING ends. */
    readonly activeAtMs: number,
    /** The ARN's trailing number: the creation time in epoch seconds, unless an earlier ARN already used it. */
    arnSuffix = Math.floor(createdAtMs / 1000),
  ) {
    this.arn = consumerArnOf(streamArn, name, arnSuffix);
  }

  /** AWS tracks consumer creation in whole seconds (the ARN suffix, SubscribeToShard's messages). */
  get createdAtSecs(): number {
    return Math.floor(this.createdAtMs / 1000);
  }

  status(nowMs: number): ConsumerStatus {
    if (this.deletingAtMs !== undefined) return 'DELETING';
    return nowMs < this.activeAtMs ? 'CREATING' : 'ACTIVE';
  }

  /** Starts deregistration; a consumer already on its way out keeps its earlier end. */
  deregister(nowMs: number, goneAtMs: number): void {
    if (this.deletingAtMs !== undefined) return;
    this.deletingAtMs = nowMs;
    this.goneAtMs = goneAtMs;
  }
}

/**
 * `<StreamARN>/consumer/<name>:<suffix>`, the suffix being the creation epoch seconds ([U] exactly this;
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Consumer.html).
 */
export function consumerArnOf(streamArn: string, name: string, suffix: number): string {
  return `${streamArn}/consumer/${name}:${suffix}`;
}
