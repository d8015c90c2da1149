// Delivery-channel shapes (CreateChannel ... DeleteChannel), as in the AWS SDK v3 client 3.1143.

import type {
  ChannelDestinationType,
  ChannelEncryptionType,
  ChannelStatus,
  PartitionTransform,
  RecordFormatType,
  S3CompressionType,
  S3StorageClass,
  S3TablesCompressionType,
} from '../service-model/enums.js';

export type {
  ChannelDestinationType,
  ChannelEncryptionType,
  ChannelStatus,
  PartitionTransform,
  RecordFormatType,
  S3CompressionType,
  S3StorageClass,
  S3TablesCompressionType,
} from '../service-model/enums.js';

export interface RecordConfiguration {
  RecordFormatType: RecordFormatType;
  GSRSchemaARN?: string | undefined;
}

export interface ChannelStreamConfiguration {
  StreamARN: string;
  RecordConfiguration: RecordConfiguration;
}

export interface DeadLetterQueueS3Configuration {
  BucketARN: string;
  ExpectedBucketOwner: string;
  ErrorOutputPrefix?: string | undefined;
}

export interface S3StorageConfiguration {
  BucketARN: string;
  ExpectedBucketOwner: string;
  OutputKeyTemplate?: string | undefined;
  StorageClass?: S3StorageClass | undefined;
  CompressionType: S3CompressionType;
}

export interface S3DestinationConfiguration {
  DataFreshnessInSeconds?: number | undefined;
  DeadLetterQueueS3Configuration?: DeadLetterQueueS3Configuration | undefined;
  StorageConfiguration: S3StorageConfiguration;
}

export interface PartitionField {
  Transform: PartitionTransform;
  SourceName: string;
}

export interface PartitionSpec {
  PartitionFields: PartitionField[];
}

export interface S3TablesConfiguration {
  TableBucketARN: string;
  Namespace: string;
  TableName: string;
  CompressionType: S3TablesCompressionType;
  PartitionSpec?: PartitionSpec | undefined;
}

export interface S3TablesDestinationConfiguration {
  DataFreshnessInSeconds?: number | undefined;
  DeadLetterQueueS3Configuration: DeadLetterQueueS3Configuration;
  S3TablesConfigurationList: S3TablesConfiguration[];
}

export interface ChannelEncryptionConfiguration {
  EncryptionType: ChannelEncryptionType;
  KeyId: string;
}

export interface CloudWatchLogs {
  Enabled: boolean;
  LogGroupName?: string | undefined;
  LogStreamName?: string | undefined;
}

export interface ChannelLoggingConfiguration {
  CloudWatchLogs: CloudWatchLogs;
}

export interface CreateChannelInput {
  ChannelName: string;
  ServiceExecutionRoleARN: string;
  StreamConfigurationList: ChannelStreamConfiguration[];
  S3DestinationConfiguration?: S3DestinationConfiguration | undefined;
  S3TablesDestinationConfiguration?: S3TablesDestinationConfiguration | undefined;
  EncryptionConfiguration?: ChannelEncryptionConfiguration | undefined;
  Tags?: Record<string, string> | undefined;
  LoggingConfiguration?: ChannelLoggingConfiguration | undefined;
}

export interface ChannelStreamDescription {
  StreamARN: string;
  StreamCreationTimestamp: Date;
  RecordConfiguration: RecordConfiguration;
}

/** What a channel description shows of an S3 destination: every default filled in. */
export interface S3DestinationDescription {
  DataFreshnessInSeconds: number;
  DeadLetterQueueS3Configuration: DeadLetterQueueS3Configuration;
  StorageConfiguration: S3StorageConfiguration;
}

export interface S3TablesDestinationDescription {
  DataFreshnessInSeconds: number;
  DeadLetterQueueS3Configuration: DeadLetterQueueS3Configuration;
  S3TablesConfigurationList: S3TablesConfiguration[];
}

export interface ChannelDescription {
  ChannelName: string;
  ChannelARN: string;
  ChannelId: string;
  ChannelStatus: ChannelStatus;
  ChannelStatusReason?: string;
  ChannelCreationTimestamp: Date;
  ServiceExecutionRoleARN: string;
  StreamConfigurationList: ChannelStreamDescription[];
  S3DestinationConfiguration?: S3DestinationDescription;
  S3TablesDestinationConfiguration?: S3TablesDestinationDescription;
  EncryptionConfiguration?: ChannelEncryptionConfiguration;
  LoggingConfiguration: ChannelLoggingConfiguration;
}

export interface CreateChannelOutput {
  ChannelDescription: ChannelDescription;
}

export interface DescribeChannelInput {
  ChannelARN: string;
}

export interface DescribeChannelOutput {
  ChannelDescription: ChannelDescription;
}

export interface StreamFilter {
  StreamARN: string;
  StreamCreationTimestamp?: Date | undefined;
}

export interface ListChannelsInput {
  StreamFilter?: StreamFilter[] | undefined;
  MaxResults?: number | undefined;
  NextToken?: string | undefined;
}

export interface ChannelStreamIdentifier {
  StreamARN: string;
  StreamCreationTimestamp: Date;
}

export interface ChannelSummary {
  ChannelName: string;
  ChannelARN: string;
  ChannelId: string;
  ChannelStatus: ChannelStatus;
  ChannelStatusReason?: string;
  ChannelCreationTimestamp: Date;
  ChannelDestinationType: ChannelDestinationType;
  Streams: ChannelStreamIdentifier[];
}

export interface ListChannelsOutput {
  ChannelSummaries: ChannelSummary[];
  NextToken?: string;
}

export interface S3DestinationUpdateInput {
  DataFreshnessInSeconds: number;
}

export interface S3TablesDestinationUpdateInput {
  DataFreshnessInSeconds: number;
}

export interface CloudWatchLogsUpdateInput {
  Enabled: boolean;
  LogGroupName?: string | undefined;
  LogStreamName?: string | undefined;
}

export interface ChannelLoggingUpdateInput {
  CloudWatchLogs: CloudWatchLogsUpdateInput;
}

export interface UpdateChannelInput {
  ChannelARN: string;
  S3DestinationConfiguration?: S3DestinationUpdateInput | undefined;
  S3TablesDestinationConfiguration?: S3TablesDestinationUpdateInput | undefined;
  LoggingConfiguration?: ChannelLoggingUpdateInput | undefined;
}

export interface UpdateChannelOutput {
  ChannelDescription: ChannelDescription;
}

export interface DeleteChannelInput {
  ChannelARN: string;
}
