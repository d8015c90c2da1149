// Shard-level metric sets of EnableEnhancedMonitoring and DisableEnhancedMonitoring.

import type { Account } from '../../model/account.js';
import type { StreamRef } from '../../api-types/common.js';
import { SHARD_LEVEL_METRICS, type MetricsName } from '../../service-model/enums.js';
import type { EnhancedMonitoringOutput } from '../../api-types/monitoring.js';
import { activeStream } from './active-stream.js';

/**
 * Adds ('enable') or removes ('disable') metrics on an ACTIVE stream and reports the set before and after,
 * both in the model's order with 'ALL' expanded. [U] The change applies at once: AWS documents no UPDATING.
 * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException
 */
export function changeShardLevelMetrics(
  account: Account,
  ref: StreamRef,
  requested: readonly MetricsName[],
  change: 'enable' | 'disable',
): EnhancedMonitoringOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, ref, nowMs);
  const named = new Set<MetricsName>(requested.includes('ALL') ? SHARD_LEVEL_METRICS : requested);
  const current = stream.shardLevelMetrics;
  const keep = (m: MetricsName) => (change === 'enable' ? current.includes(m) || named.has(m) : current.includes(m) && !named.has(m));
  const desired = SHARD_LEVEL_METRICS.filter(keep);
  stream.shardLevelMetrics = desired;
  return {
    StreamName: stream.name,
    CurrentShardLevelMetrics: [...current],
    DesiredShardLevelMetrics: [...desired],
    StreamARN: stream.arn,
  };
}
