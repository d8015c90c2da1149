// DescribeStreamConsumer — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamConsumer.html

import type { Account } from '../model/account.js';
import type { DescribeStreamConsumerInput, DescribeStreamConsumerOutput } from '../api-types/consumers.js';
import { findConsumer } from './_internals/consumer-ref.js';
import { consumerDescription } from './output/consumer-output.js';

export function describeStreamConsumer(account: Account, input: DescribeStreamConsumerInput): DescribeStreamConsumerOutput {
  const nowMs = account.timeline.now();
  const { stream, consumer } = findConsumer(account, input);
  return { ConsumerDescription: consumerDescription(stream, consumer, nowMs) };
}
