// DescribeChannelDeliveries — a kinesim extension, not an AWS operation: what an emulated channel has delivered.

import { ResourceNotFoundException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { DescribeChannelDeliveriesInput, DescribeChannelDeliveriesOutput } from '../api-types/channel-deliveries.js';

/**
 * Everything the channel delivered so far (deliveries due by the clock are made first), oldest first. Deliveries stay
 * after the channel is deleted, like data in S3. With a channelDeliverySink the engine keeps none: the list is empty.
 * @throws ResourceNotFoundException for an ARN that names no channel this engine ever created
 */
export function describeChannelDeliveries(account: Account, input: DescribeChannelDeliveriesInput): DescribeChannelDeliveriesOutput {
  account.timeline.settle();
  const arn = input.ChannelARN;
  const deliveries = account.deliveries.byChannel.get(arn);
  if (deliveries === undefined) throw new ResourceNotFoundException(msg.channelNotFound(arn, account.accountId));
  return { ChannelARN: arn, Deliveries: [...deliveries] };
}
