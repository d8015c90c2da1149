// DescribeStreamConsumer — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamConsumer.html

import type { Account } from '../model/account.js';
import type { DescribeStreamConsumerInput, DescribeStreamConsumerOutput } from '../shapes/consumers.js';
import { consumerDescription, findConsumer } from './consumer-ref.js';

export function describeStreamConsumer(account: Account, input: DescribeStreamConsumerInput): DescribeStreamConsumerOutput {
  const nowMs = account.now();
  const { stream, consumer } = findConsumer(account, input);
  return { ConsumerDescription: consumerDescription(stream, consumer, nowMs) };
}
