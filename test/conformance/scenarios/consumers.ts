// Enhanced fan-out consumers: RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers,
// DeregisterStreamConsumer (SubscribeToShard: scenarios/subscriptions.ts).
import { expect } from 'vitest';
import type { Scenario } from '../scenario.js';

const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/orders';

export const consumerScenarios: Scenario[] = [
  {
    name: 'RegisterStreamConsumer returns the consumer that Describe and List then show',
    operations: ['CreateStream', 'RegisterStreamConsumer', 'DescribeStreamConsumer', 'ListStreamConsumers', 'DeregisterStreamConsumer'],
    async run({ ok }) {
      await ok('CreateStream', { StreamName: 'orders', ShardCount: 1 });
      const { Consumer } = await ok('RegisterStreamConsumer', { StreamARN: STREAM_ARN, ConsumerName: 'app' });
      expect(Consumer.ConsumerName).toBe('app');
      expect(Consumer.ConsumerARN).toMatch(/^arn:aws:kinesis:us-east-1:000000000000:stream\/orders\/consumer\/app:\d+$/);
      expect(Consumer.ConsumerCreationTimestamp).toBeInstanceOf(Date);
      const described = (await ok('DescribeStreamConsumer', { ConsumerARN: Consumer.ConsumerARN })).ConsumerDescription;
      expect(described).toMatchObject({ ConsumerName: 'app', ConsumerARN: Consumer.ConsumerARN, StreamARN: STREAM_ARN });
      const listed = (await ok('ListStreamConsumers', { StreamARN: STREAM_ARN })).Consumers;
      expect(listed.map((c: { ConsumerName: string }) => c.ConsumerName)).toEqual(['app']);
      expect(await ok('DeregisterStreamConsumer', { ConsumerARN: Consumer.ConsumerARN })).toEqual({});
    },
  },
];
