// kinesim/sim: the simulation lab's public surface.

export { simulate, runScenario, SIMULATION_START_MS, type SimulateOptions, type SimulationProgress } from './simulate.js';
export { strategyLabel } from './strategy-label.js';
export { compareStrategies, type Comparison, type ComparisonRow, type Variant, type CompareOptions } from './compare-strategies.js';
export { findMinimumShards, type MinimumShards, type FindMinimumShardsOptions } from './find-minimum-shards.js';
export { validateScenario } from './validate-scenario.js';
export { ScenarioError, type ScenarioIssue } from './scenario-error.js';
export { parseTrace, type TraceEvent } from './trace.js';
export { DEFAULT_PRICES, PRICE_SOURCE, type CostEstimate } from './cost.js';
export { Prng } from './prng.js';
export type {
  Scenario, ProducerSpec, ConsumerSpec, RateSpec, KeySpec, RecordBytesSpec, StrategySpec, BatchSpec, RetrySpec, KplSpec,
  ScalingSpec, ScheduledAction, PriceTable, ResolvedScenario,
} from './scenario.js';
export type { ScalingAction, ScalingView, ShardLoad, ScalingPolicyFunction } from './scaling/scaling-action.js';
export type { ReshardRecord } from './scaling/scaling-runner.js';
export type { ConsumerTotals } from './shard-consumer.js';
export type {
  SimulationSummary, SummaryTotals, ShardSummary, HotKey, SummaryMetrics, MetricSeries,
} from './summary.js';
export { SHARD_METRICS, type ShardMetricName } from './shard-state.js';
export { renderReport, type Reportable } from '../report/render-report.js';
