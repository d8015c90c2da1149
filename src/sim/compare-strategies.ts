// compareStrategies(): one workload under several partition strategies and/or shard counts, same seed,
// side by side.

import { ScenarioError } from './scenario-error.js';
import type { ConsumerSpec, Scenario, ScalingSpec, StrategySpec } from './scenario.js';
import { simulate, type SimulateOptions, type SimulationProgress } from './simulate.js';
import { strategyLabel } from './strategy-label.js';
import type { SimulationSummary } from './summary.js';

/** One run of a comparison: the base scenario with these changes (a strategy applies to every producer). */
export interface Variant {
  name?: string;
  strategy?: StrategySpec;
  shardCount?: number;
  scaling?: ScalingSpec;
  /** Replaces the whole stream (e.g. provisioned against ON_DEMAND), before shardCount applies. */
  stream?: Scenario['stream'];
  /** Replaces the consumers (e.g. polling against enhanced). */
  consumers?: ConsumerSpec[];
}

/** One line of the side-by-side table. */
export interface ComparisonRow {
  name: string;
  strategy: string;
  shardCount: number;
  recordsAcknowledged: number;
  throttledShare: number;
  retries: number;
  recordsDropped: number;
  orderingViolations: number;
  lostAtConsumer: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  skewMaxOverMean: number;
  gini: number;
  shardsAtEnd: number;
  reshardsOk: number;
  estimateUsd: number;
}

export interface Comparison {
  kind: 'kinesim-comparison';
  version: 1;
  scenario: string;
  rows: ComparisonRow[];
  runs: SimulationSummary[];
}

export interface CompareOptions extends Omit<SimulateOptions, 'onProgress'> {
  onProgress?: (variant: number, variants: number, progress: SimulationProgress) => void;
}

/**
 * Runs `scenario` once per variant (a strategy, or a {strategy, shardCount, scaling, name} object).
 * @throws ScenarioError naming the bad field (of the scenario, or `variants[i]`), before anything runs
 */
export function compareStrategies(scenario: Scenario, variants: readonly (Variant | StrategySpec)[], options: CompareOptions = {}): Comparison {
  if (variants.length === 0) throw new ScenarioError([{ field: 'variants', problem: 'must hold at least one strategy or variant' }]);
  const scenarios = variants.map((v, i) => applyVariant(scenario, toVariant(v, i)));
  const runs = scenarios.map((sc, i) => simulate(sc, {
    ...(options.traces === undefined ? {} : { traces: options.traces }),
    ...(options.onProgress === undefined ? {} : { onProgress: (p: SimulationProgress) => options.onProgress!(i, scenarios.length, p) }),
  }));
  const rows = runs.map((s, i) => rowOf(s, toVariant(variants[i]!, i)));
  return { kind: 'kinesim-comparison', version: 1, scenario: scenario.name ?? 'scenario', rows, runs };
}

function toVariant(v: Variant | StrategySpec, i: number): Variant {
  if (typeof v === 'string' || (typeof v === 'object' && v !== null && 'salt' in v && !('strategy' in v))) return { strategy: v as StrategySpec };
  if (typeof v !== 'object' || v === null) throw new ScenarioError([{ field: `variants[${i}]`, problem: 'must be a strategy or a variant object' }]);
  return v as Variant;
}

function applyVariant(base: Scenario, v: Variant): Scenario {
  const sc: Scenario = { ...base, stream: { ...base.stream }, producers: base.producers.map((p) => ({ ...p })) };
  if (v.stream !== undefined) sc.stream = { ...v.stream };
  if (v.consumers !== undefined) sc.consumers = v.consumers;
  if (v.strategy !== undefined) sc.producers = sc.producers.map((p) => ({ ...p, strategy: v.strategy! }));
  // AUTO exists on on-demand streams only: an 'auto' variant runs on one (which starts with 4 shards and scales).
  if (v.strategy === 'auto') {
    const { shardCount: _, ...rest } = sc.stream;
    sc.stream = { ...rest, mode: 'ON_DEMAND' };
  }
  if (v.shardCount !== undefined) sc.stream = { ...sc.stream, shardCount: v.shardCount };
  if (v.scaling !== undefined) sc.scaling = v.scaling;
  if (v.name !== undefined) sc.name = v.name;
  return sc;
}

function rowOf(s: SimulationSummary, v: Variant): ComparisonRow {
  const producers = (s.scenario['producers'] as { strategy: unknown }[]).map((p) => strategyLabel(p.strategy));
  const strategy = [...new Set(producers)].join(' + ');
  const stream = s.scenario['stream'] as { shardCount: number };
  return {
    name: v.name ?? `${strategy}, ${stream.shardCount} shards`,
    strategy,
    shardCount: stream.shardCount,
    recordsAcknowledged: s.totals.recordsAcknowledged,
    throttledShare: s.totals.throttledShare,
    retries: s.totals.retries,
    recordsDropped: s.totals.recordsDropped,
    orderingViolations: s.totals.orderingViolations,
    lostAtConsumer: s.totals.lostAtConsumer,
    latencyP50Ms: s.latencyMs.p50,
    latencyP99Ms: s.latencyMs.p99,
    skewMaxOverMean: s.skew.maxOverMean,
    gini: s.skew.gini,
    shardsAtEnd: s.shards.filter((x) => x.closedAtSecond === null).length,
    reshardsOk: s.reshards.filter((r) => r.result === 'OK').length,
    estimateUsd: s.cost.estimateUsd,
  };
}
