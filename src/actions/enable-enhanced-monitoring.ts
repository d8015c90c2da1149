// EnableEnhancedMonitoring — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_EnableEnhancedMonitoring.html

import type { Account } from '../model/account.js';
import type { EnableEnhancedMonitoringInput, EnhancedMonitoringOutput } from '../api-types/monitoring.js';
import { changeShardLevelMetrics } from './_internals/shard-level-metrics.js';

export function enableEnhancedMonitoring(account: Account, input: EnableEnhancedMonitoringInput): EnhancedMonitoringOutput {
  return changeShardLevelMetrics(account, input, input.ShardLevelMetrics, 'enable');
}
