// Stream setting shapes (capacity mode, warm throughput, maximum record size), as in the AWS SDK v3 client.

import type { RecordDistributionStrategy, StreamModeDetails, StreamRef } from './common.js';
import type { WarmThroughputObject } from './streams.js';

export interface UpdateStreamModeInput extends Pick<StreamRef, 'StreamId'> {
  StreamARN: string;
  StreamModeDetails: StreamModeDetails;
  WarmThroughputMiBps?: number | undefined;
}

export interface UpdateStreamWarmThroughputInput extends StreamRef {
  WarmThroughputMiBps: number;
}

export interface UpdateStreamWarmThroughputOutput {
  StreamARN?: string;
  StreamName?: string;
  WarmThroughput?: WarmThroughputObject;
}

export interface UpdateMaxRecordSizeInput extends Pick<StreamRef, 'StreamId'> {
  StreamARN?: string | undefined;
  MaxRecordSizeInKiB: number;
}

export interface UpdateStreamRecordDistributionStrategyInput extends Pick<StreamRef, 'StreamId'> {
  StreamARN: string;
  RecordDistributionStrategy: RecordDistributionStrategy;
}
