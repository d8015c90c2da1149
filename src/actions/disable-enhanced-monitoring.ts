// DisableEnhancedMonitoring — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DisableEnhancedMonitoring.html

import type { Account } from '../model/account.js';
import type { DisableEnhancedMonitoringInput, EnhancedMonitoringOutput } from '../api-types/monitoring.js';
import { changeShardLevelMetrics } from './_internals/shard-level-metrics.js';

export function disableEnhancedMonitoring(account: Account, input: DisableEnhancedMonitoringInput): EnhancedMonitoringOutput {
  return changeShardLevelMetrics(account, input, input.ShardLevelMetrics, 'disable');
}
