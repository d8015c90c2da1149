// Compile-time checks (run by `npm run typecheck`, not by vitest): kinesim's api-types and the AWS SDK v3's
// (@aws-sdk/client-kinesis 3.1143) fit each other, so code moves between `Kinesis` and `KinesisClient` unchanged.
//  - kinesim's inputs are SDK inputs, and every SDK input with its required members present is a kinesim input;
//  - kinesim's outputs are SDK outputs.
// A member renamed, retyped, missing or made stricter on either side stops this file from compiling.

import type * as Sdk from '@aws-sdk/client-kinesis';
import type * as K from '../../src/index.js';

/** Compiles only when `From` is assignable to `To`. */
type Fits<To, From extends To> = From;

/**
 * An SDK shape as a caller fills it in: required members present (the SDK types them `T | undefined`), optional
 * ones optional, recursively.
 */
type Filled<T> = T extends Date | Uint8Array | string | number | boolean
  ? T
  : T extends readonly (infer E)[]
    ? Filled<E>[]
    : T extends object
      ? string extends keyof T
        ? T // a map (Tags): its values are already plain
        : { [P in keyof T as {} extends Pick<T, P> ? never : P]-?: Filled<Exclude<T[P], undefined>> } & {
            [P in keyof T as {} extends Pick<T, P> ? P : never]?: Filled<Exclude<T[P], undefined>> | undefined;
          }
      : T;

/** Both directions for an input shape (`Filled<S>` is given as the third argument so the compiler checks it there). */
type Input<S, Ours extends S, FilledSdk extends Ours> = [Fits<S, Ours>, FilledSdk];

export type InputChecks = [
  Input<Sdk.CreateChannelInput, K.CreateChannelInput, Filled<Sdk.CreateChannelInput>>,
  Input<Sdk.DescribeChannelInput, K.DescribeChannelInput, Filled<Sdk.DescribeChannelInput>>,
  Input<Sdk.ListChannelsInput, K.ListChannelsInput, Filled<Sdk.ListChannelsInput>>,
  Input<Sdk.UpdateChannelInput, K.UpdateChannelInput, Filled<Sdk.UpdateChannelInput>>,
  Input<Sdk.DeleteChannelInput, K.DeleteChannelInput, Filled<Sdk.DeleteChannelInput>>,
  Input<Sdk.UpdateStreamRecordDistributionStrategyInput, K.UpdateStreamRecordDistributionStrategyInput, Filled<Sdk.UpdateStreamRecordDistributionStrategyInput>>,
  Input<Sdk.CreateStreamInput, K.CreateStreamInput, Filled<Sdk.CreateStreamInput>>,
  Input<Sdk.PutRecordInput, K.PutRecordInput, Filled<Sdk.PutRecordInput>>,
  Input<Sdk.PutRecordsInput, K.PutRecordsInput, Filled<Sdk.PutRecordsInput>>,
  Input<Sdk.GetRecordsInput, K.GetRecordsInput, Filled<Sdk.GetRecordsInput>>,
  Input<Sdk.GetShardIteratorInput, K.GetShardIteratorInput, Filled<Sdk.GetShardIteratorInput>>,
  Input<Sdk.SubscribeToShardInput, K.SubscribeToShardInput, Filled<Sdk.SubscribeToShardInput>>,
];

export type OutputChecks = [
  Fits<Sdk.CreateChannelOutput, K.CreateChannelOutput>,
  Fits<Sdk.DescribeChannelOutput, K.DescribeChannelOutput>,
  Fits<Sdk.ListChannelsOutput, K.ListChannelsOutput>,
  Fits<Sdk.UpdateChannelOutput, K.UpdateChannelOutput>,
  Fits<Sdk.DescribeLimitsOutput, K.DescribeLimitsOutput>,
  Fits<Sdk.DescribeStreamSummaryOutput, K.DescribeStreamSummaryOutput>,
  Fits<Sdk.GetRecordsOutput, K.GetRecordsOutput>,
  Fits<Sdk._Record, K.KinesisRecord>,
  Fits<Sdk.PutRecordOutput, K.PutRecordOutput>,
  Fits<Sdk.PutRecordsOutput, K.PutRecordsOutput>,
  // The event itself; the stream's exception members are KinesisErrors in process, the SDK's classes through it.
  // The model marks ContinuationSequenceNumber required, but AWS leaves it out of a closed shard's last event
  // (which the SDK's parser then omits too), so kinesim types it optional: the one difference allowed here.
  Fits<Omit<Sdk.SubscribeToShardEvent, 'ContinuationSequenceNumber'> & { ContinuationSequenceNumber?: string }, K.SubscribeToShardEvent>,
];

/** The enums are the same sets of values both ways. */
export type EnumChecks = [
  Fits<Sdk.RecordDistributionStrategy, K.RecordDistributionStrategy>,
  Fits<K.RecordDistributionStrategy, Sdk.RecordDistributionStrategy>,
  Fits<Sdk.ChannelStatus, K.ChannelStatus>,
  Fits<K.ChannelStatus, Sdk.ChannelStatus>,
  Fits<Sdk.RecordFormatType, K.RecordFormatType>,
  Fits<K.RecordFormatType, Sdk.RecordFormatType>,
  Fits<Sdk.S3CompressionType, K.S3CompressionType>,
  Fits<K.S3CompressionType, Sdk.S3CompressionType>,
  Fits<Sdk.S3TablesCompressionType, K.S3TablesCompressionType>,
  Fits<K.S3TablesCompressionType, Sdk.S3TablesCompressionType>,
  Fits<Sdk.S3StorageClass, K.S3StorageClass>,
  Fits<K.S3StorageClass, Sdk.S3StorageClass>,
  Fits<Sdk.ChannelDestinationType, K.ChannelDestinationType>,
  Fits<K.ChannelDestinationType, Sdk.ChannelDestinationType>,
];
