// Rendering consumers in AWS's output shapes (Consumer, ConsumerDescription).

import type { Consumer as ConsumerOutput, ConsumerDescription } from '../../api-types/consumers.js';
import type { Consumer } from '../../model/consumer.js';
import type { Stream } from '../../model/stream.js';

/** A consumer as AWS reports it as of `nowMs`. */
export function consumerOutput(consumer: Consumer, nowMs: number): ConsumerOutput {
  return {
    ConsumerName: consumer.name,
    ConsumerARN: consumer.arn,
    ConsumerStatus: consumer.status(nowMs),
    ConsumerCreationTimestamp: new Date(consumer.createdAtMs),
  };
}

export function consumerDescription(stream: Stream, consumer: Consumer, nowMs: number): ConsumerDescription {
  return { ...consumerOutput(consumer, nowMs), StreamARN: stream.arn };
}
