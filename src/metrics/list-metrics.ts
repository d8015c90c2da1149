// ListMetrics over kinesim's own metrics: every metric with a datapoint inside the retention window.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html

import type { Dimension, ListMetricsInput, ListMetricsOutput, Metric } from '../api-types/metrics.js';
import { KINESIS_NAMESPACE, LEVEL_DIMENSIONS, METRIC_CATALOG, type MetricDefinition } from './metric-catalog.js';
import type { Facts, MinuteFacts } from './minute-facts.js';
import type { MetricsStore } from './metrics-store.js';
import { StatAccumulator } from './stat-accumulator.js';

/** The metrics that match `input`: by stream name, then catalog order, then shard or consumer. */
export function listMetrics(store: MetricsStore, nowMs: number, input: ListMetricsInput = {}): ListMetricsOutput {
  if (input.Namespace !== undefined && input.Namespace !== KINESIS_NAMESPACE) return { Metrics: [] };
  const out: Metric[] = [];
  for (const streamName of store.streamNames(nowMs)) {
    const minutes = store.history(streamName)!.minutes(-Infinity, Infinity, nowMs);
    for (const definition of METRIC_CATALOG) {
      if (input.MetricName !== undefined && input.MetricName !== definition.name) continue;
      for (const key of keysWithSamples(minutes, definition)) {
        const dimensions = dimensionsFor(definition, streamName, key);
        if (matches(dimensions, input.Dimensions)) out.push({ Namespace: KINESIS_NAMESPACE, MetricName: definition.name, Dimensions: dimensions });
      }
    }
  }
  return { Metrics: out };
}

/** The shard IDs or consumer names (or, for a stream metric, '') with a sample of `definition`, sorted. */
function keysWithSamples(minutes: readonly MinuteFacts[], definition: MetricDefinition): string[] {
  const keys = new Set<string>();
  const has = (facts: Facts) => {
    const acc = new StatAccumulator();
    definition.derive(facts, acc);
    return acc.sampleCount > 0;
  };
  for (const minute of minutes) {
    if (definition.level === 'stream') {
      if (has(minute.stream)) return [''];
      continue;
    }
    const byKey = definition.level === 'shard' ? minute.shards : minute.consumers;
    if (byKey !== undefined) for (const [key, facts] of byKey) if (!keys.has(key) && has(facts)) keys.add(key);
  }
  return [...keys].sort();
}

function dimensionsFor(definition: MetricDefinition, streamName: string, key: string): Dimension[] {
  return LEVEL_DIMENSIONS[definition.level].map((name) => ({ Name: name, Value: name === 'StreamName' ? streamName : key }));
}

function matches(dimensions: readonly Dimension[], filters: ListMetricsInput['Dimensions']): boolean {
  if (filters === undefined) return true;
  return filters.every((f) => dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value)));
}
