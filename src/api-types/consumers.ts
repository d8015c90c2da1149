// Enhanced fan-out consumer registry shapes, as in the AWS SDK v3 client.

import type { ConsumerStatus } from '../service-model/enums.js';
import type { StreamRef } from './common.js';

export type { ConsumerStatus } from '../service-model/enums.js';

export interface Consumer {
  ConsumerName: string;
  ConsumerARN: string;
  ConsumerStatus: ConsumerStatus;
  ConsumerCreationTimestamp: Date;
}

export interface ConsumerDescription extends Consumer {
  StreamARN: string;
}

export interface RegisterStreamConsumerInput {
  StreamARN: string;
  ConsumerName: string;
  StreamId?: string | undefined;
  Tags?: Record<string, string> | undefined;
}

export interface RegisterStreamConsumerOutput {
  Consumer: Consumer;
}

/** Names a consumer by ConsumerARN, or by StreamARN + ConsumerName, or all three (they must agree). */
export interface ConsumerRef {
  StreamARN?: string | undefined;
  ConsumerName?: string | undefined;
  ConsumerARN?: string | undefined;
  StreamId?: string | undefined;
}

export type DeregisterStreamConsumerInput = ConsumerRef;
export type DescribeStreamConsumerInput = ConsumerRef;

export interface DescribeStreamConsumerOutput {
  ConsumerDescription: ConsumerDescription;
}

export interface ListStreamConsumersInput extends Pick<StreamRef, 'StreamId'> {
  StreamARN: string;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
  StreamCreationTimestamp?: Date | undefined;
}

export interface ListStreamConsumersOutput {
  Consumers?: Consumer[];
  NextToken?: string;
}
