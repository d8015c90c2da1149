// Shapes shared by many operations, named and typed as in the AWS SDK v3 Kinesis client.

import type { MetricsName, StreamMode } from '../service-model/enums.js';

export type {
  EncryptionType,
  MetricsName,
  RecordDistributionStrategy,
  ShardIteratorType,
  StreamMode,
  StreamStatus,
} from '../service-model/enums.js';

/** Names the stream of a request: StreamName, StreamARN, or both (they must agree). */
export interface StreamRef {
  StreamName?: string | undefined;
  StreamARN?: string | undefined;
  /** Reserved by AWS ("Not Implemented"); accepted and ignored. KCL sends it. */
  StreamId?: string | undefined;
}

export interface StreamModeDetails {
  StreamMode: StreamMode;
}

export interface HashKeyRange {
  StartingHashKey: string;
  EndingHashKey: string;
}

export interface SequenceNumberRange {
  StartingSequenceNumber: string;
  EndingSequenceNumber?: string;
}

export interface Shard {
  ShardId: string;
  ParentShardId?: string;
  AdjacentParentShardId?: string;
  HashKeyRange: HashKeyRange;
  SequenceNumberRange: SequenceNumberRange;
}

export interface ChildShard {
  ShardId: string;
  ParentShards: string[];
  HashKeyRange: HashKeyRange;
}

export interface EnhancedMetrics {
  ShardLevelMetrics?: MetricsName[];
}

export interface Tag {
  Key: string;
  Value?: string;
}

/** The output of operations that AWS answers with an empty body. */
export type EmptyOutput = Record<string, never>;
