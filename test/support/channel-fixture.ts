// Shared fixtures of the delivery-channel tests: an on-demand stream, and channel requests to S3 and to a table.

import { Kinesis, ManualClock, type CreateChannelInput, type KinesisOptions, type RecordFormatType } from '../../src/index.js';
import { ACCOUNT, T0, arnOf } from './stream-fixture.js';

export const ROLE = `arn:aws:iam::${ACCOUNT}:role/delivery`;
export const BUCKET = 'arn:aws:s3:::delivery-bucket';
export const DLQ_BUCKET = 'arn:aws:s3:::delivery-errors';
export const TABLE_BUCKET = `arn:aws:s3tables:us-east-1:${ACCOUNT}:bucket/lake`;
export const SCHEMA = `arn:aws:glue:us-east-1:${ACCOUNT}:schema/registry/orders`;

/** A Kinesis on a ManualClock at T0 with on-demand stream `name` ('s'). */
export function onDemandFixture(options: KinesisOptions = {}, name = 's'): { clock: ManualClock; kinesis: Kinesis } {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: name, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  return { clock, kinesis };
}

/** A CreateChannel request to the S3 bucket, with what `extra` adds or overrides. */
export function s3Channel(name: string, extra: Partial<CreateChannelInput> = {}, format: RecordFormatType = 'JSON', stream = 's'): CreateChannelInput {
  return {
    ChannelName: name,
    ServiceExecutionRoleARN: ROLE,
    StreamConfigurationList: [{ StreamARN: arnOf(stream), RecordConfiguration: { RecordFormatType: format } }],
    S3DestinationConfiguration: {
      StorageConfiguration: { BucketARN: BUCKET, ExpectedBucketOwner: ACCOUNT, CompressionType: 'NONE' },
    },
    ...extra,
  };
}

/** A CreateChannel request to a streaming table (JSON with a schema), with what `extra` adds or overrides. */
export function tableChannel(name: string, extra: Partial<CreateChannelInput> = {}, stream = 's'): CreateChannelInput {
  return {
    ChannelName: name,
    ServiceExecutionRoleARN: ROLE,
    StreamConfigurationList: [{ StreamARN: arnOf(stream), RecordConfiguration: { RecordFormatType: 'JSON', GSRSchemaARN: SCHEMA } }],
    S3TablesDestinationConfiguration: {
      DeadLetterQueueS3Configuration: { BucketARN: DLQ_BUCKET, ExpectedBucketOwner: ACCOUNT },
      S3TablesConfigurationList: [{ TableBucketARN: TABLE_BUCKET, Namespace: 'sales', TableName: 'orders', CompressionType: 'ZSTD' }],
    },
    ...extra,
  };
}

const encoder = new TextEncoder();
/** UTF-8 bytes of `text`. */
export const utf8 = (text: string) => encoder.encode(text);
