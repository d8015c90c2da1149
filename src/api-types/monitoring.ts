// Enhanced (shard-level) monitoring shapes, as in the AWS SDK v3 client.

import type { MetricsName, StreamRef } from './common.js';

export interface EnableEnhancedMonitoringInput extends StreamRef {
  ShardLevelMetrics: MetricsName[];
}

export interface DisableEnhancedMonitoringInput extends StreamRef {
  ShardLevelMetrics: MetricsName[];
}

export interface EnhancedMonitoringOutput {
  StreamName?: string;
  /** The metrics enabled before the call. */
  CurrentShardLevelMetrics?: MetricsName[];
  /** The metrics enabled after the call. */
  DesiredShardLevelMetrics?: MetricsName[];
  StreamARN?: string;
}
