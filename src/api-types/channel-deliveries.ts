// Shapes of kinesim's delivery inspection (DescribeChannelDeliveries, FailChannel, the channelDeliverySink option).
// They are the model's own (src/model/channel-deliveries.ts): not AWS shapes, named in AWS's style.

export type {
  ChannelDelivery,
  ChannelDeliverySink,
  DeliveredRecord,
  DescribeChannelDeliveriesInput,
  DescribeChannelDeliveriesOutput,
  FailChannelInput,
  FailedRecord,
  S3ErrorObjectDelivery,
  S3ObjectDelivery,
  S3TablesRowsDelivery,
  TableRow,
} from '../model/channel-deliveries.js';
