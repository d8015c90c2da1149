// simulate(): runs a scenario on the real engine (a Kinesis on a ManualClock with throughputLimits on)
// with seeded producers, KCL-like consumers and a scaling policy, in simulated time, and summarises it.

import { Kinesis, ManualClock } from '../index.js';
import { buildSummary } from './build-summary.js';
import { EnhancedConsumer } from './enhanced-consumer.js';
import { EventQueue } from './event-queue.js';
import { KplProducer } from './kpl-producer.js';
import { PollingConsumer } from './polling-consumer.js';
import { ScalingRunner, type ReshardRecord } from './scaling/scaling-runner.js';
import { createPolicy } from './scaling/scaling-policy.js';
import { ScenarioError } from './scenario-error.js';
import { TICKET_BYTES } from './payload.js';
import type { ResolvedRecordBytes, ResolvedScenario, Scenario } from './scenario.js';
import { SdkProducer } from './sdk-producer.js';
import { SimContext } from './sim-context.js';
import type { SimulationSummary } from './summary.js';
import { checkTraceEvents, type TraceEvent } from './trace.js';
import { validateScenario } from './validate-scenario.js';

/** Where simulated time starts (epoch ms): fixed, so runs are reproducible to the byte. */
export const SIMULATION_START_MS = Date.UTC(2026, 0, 1);
const STREAM_NAME = 'simulation';

/** How far a run has got, in simulated time (the library never reads the wall clock). */
export interface SimulationProgress {
  simulatedSeconds: number;
  durationSeconds: number;
  /** 0..1 over the run's duration (the drain after it reports 1). */
  fraction: number;
  phase: 'run' | 'drain';
  recordsProduced: number;
}

export interface SimulateOptions {
  /** Events of the traces the scenario names (`rate: { trace: name }`), by name. See parseTrace. */
  traces?: Readonly<Record<string, readonly TraceEvent[]>>;
  /** Called about every 1% of the run (simulated time). */
  onProgress?: (progress: SimulationProgress) => void;
}

/**
 * Runs a scenario and returns its summary; the same scenario and seed give the same summary, byte for byte.
 * @throws ScenarioError naming every bad field, before anything runs
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationSummary {
  const traces = options.traces ?? {};
  const resolved = validateScenario(scenario, Object.keys(traces));
  const issues = Object.entries(traces).flatMap(([name, events]) => checkTraceEvents(events, `options.traces['${name}']`));
  if (issues.length > 0) throw new ScenarioError(issues);
  return runScenario(resolved, options);
}

/** Runs an already validated scenario. */
export function runScenario(sc: ResolvedScenario, options: SimulateOptions = {}): SimulationSummary {
  const clock = new ManualClock(SIMULATION_START_MS);
  const kpl = sc.producers.some((p) => p.strategy === 'kpl');
  // The engine keeps its CloudWatch metrics for the whole run (and drain), which the summary reads at the end.
  const metricsRetentionMs = Math.ceil((sc.durationSeconds + sc.drainSeconds) / 60 + 2) * 60_000;
  const kinesis = new Kinesis({
    clock, throughputLimits: true, updateStreamDelayMs: sc.stream.reshardSeconds * 1000, onDemandScaling: sc.stream.onDemandScaling,
    // Records keep their size and first 8 bytes (the ticket): every limit counts real sizes, memory does not. KPL
    // aggregates are read back and deaggregated by the consumer, so they keep their bytes.
    metricsRetentionMs, recordPayloads: kpl ? 'copy' : 'size-only',
  });
  if (sc.stream.mode === 'ON_DEMAND') {
    const auto = sc.producers.some((p) => p.strategy === 'auto');
    kinesis.createStream({ StreamName: STREAM_NAME, StreamModeDetails: { StreamMode: 'ON_DEMAND' }, ...(auto ? { RecordDistributionStrategy: 'AUTO' as const } : {}) });
  }
  else kinesis.createStream({ StreamName: STREAM_NAME, ShardCount: sc.stream.shardCount });
  if (sc.stream.retentionHours > 24) kinesis.increaseStreamRetentionPeriod({ StreamName: STREAM_NAME, RetentionPeriodHours: sc.stream.retentionHours });
  kinesis.enableEnhancedMonitoring({ StreamName: STREAM_NAME, ShardLevelMetrics: ['ALL'] });
  const ctx = new SimContext(kinesis, clock, STREAM_NAME, SIMULATION_START_MS, sc);
  const policy = createPolicy(sc.scaling);
  ctx.rememberKeys = policy?.usesMedian ?? false;
  ctx.keepSequenceNumbers = kpl || sc.producers.some((p) => p.rate.shape === 'trace' || smallestBytes(p.recordBytes) < TICKET_BYTES);

  let keyOffset = 0;
  const producers = sc.producers.map((spec, i) => {
    const events = spec.rate.shape === 'trace' ? options.traces?.[spec.rate.trace] : undefined;
    const p = spec.strategy === 'kpl' ? new KplProducer(ctx, spec, keyOffset, i, events) : new SdkProducer(ctx, spec, keyOffset, i, events);
    keyOffset += p.workload.keys.count;
    return p;
  });
  const queue = new EventQueue();
  const consumers = sc.consumers.map((spec, i) =>
    spec.type === 'enhanced' ? new EnhancedConsumer(ctx, spec, i, queue, keyOffset, kpl) : new PollingConsumer(ctx, spec, i, queue, keyOffset, kpl));
  const runner = policy === undefined ? undefined : new ScalingRunner(ctx, policy);
  ctx.countShardThrottles = runner !== undefined;

  const durationMs = sc.durationSeconds * 1000;
  const limitMs = durationMs + sc.drainSeconds * 1000;
  let finished = false;
  queue.at(0, (t) => consumers.forEach((c) => c.start(t)));
  const step = sc.stepMs;
  const produce = (t: number): void => {
    const draining = t >= durationMs;
    const from = Math.min(t - step, durationMs);
    const to = Math.min(t, durationMs);
    for (const p of producers) p.step(from, to, t, draining);
    if (draining && producers.every((p) => p.idle) && consumers.every((c) => c.unconsumed() === 0)) finished = true;
    else if (t + step <= limitMs) queue.at(t + step, produce);
  };
  queue.at(step, produce);
  if (runner !== undefined) schedulePolicy(queue, runner, durationMs);

  const onProgress = options.onProgress;
  const progressEveryMs = Math.max(1000, durationMs / 100);
  let nextProgressMs = progressEveryMs;
  let endMs = 0;
  while (!finished && queue.size > 0 && queue.peekMs() <= limitMs) {
    const event = queue.pop()!;
    ctx.setTime(event.atMs);
    endMs = event.atMs;
    event.run(event.atMs);
    if (onProgress !== undefined && event.atMs >= nextProgressMs) {
      nextProgressMs = event.atMs + progressEveryMs;
      onProgress(progressAt(event.atMs, sc, ctx.totals.recordsProduced));
    }
  }
  onProgress?.(progressAt(endMs, sc, ctx.totals.recordsProduced));
  return buildSummary({
    ctx,
    producers: producers.map((p) => ({ spec: p.spec, keys: p.workload.keys, keyRecords: p.keyRecords.toFloat64Array(), unsent: p.unsent })),
    consumers,
    reshards: runner?.reshards ?? (sc.stream.mode === 'ON_DEMAND' ? onDemandReshards(kinesis, STREAM_NAME, SIMULATION_START_MS) : []),
    endMs,
    notes: notesFor(sc),
  });
}

/**
 * The reshards an ON_DEMAND stream made on its own, read from its lineage once the run is over (a listener would put
 * every call of the run on the engine's observed path): the shards closed at one moment are one reshard.
 */
function onDemandReshards(kinesis: Kinesis, streamName: string, startMs: number): ReshardRecord[] {
  const shards = kinesis.describeShardGraph({ StreamName: streamName }).Shards;
  const closedAt = [...new Set(shards.flatMap((s) => (s.ClosedAt === undefined ? [] : [s.ClosedAt.getTime()])))].sort((a, b) => a - b);
  return closedAt.map((atMs) => ({
    atSecond: (atMs - startMs) / 1000,
    operation: 'OnDemandScaling',
    shardIds: shards.filter((s) => s.ClosedAt?.getTime() === atMs).map((s) => s.ShardId),
    targetShardCount: shards.filter((s) => s.OpenedAt.getTime() <= atMs && (s.ClosedAt === undefined || s.ClosedAt.getTime() > atMs)).length,
    result: 'OK',
    by: 'on-demand',
  }));
}

/** The smallest record a size spec can draw (a lognormal one: any size from 1 byte). */
function smallestBytes(spec: ResolvedRecordBytes): number {
  return spec.distribution === 'fixed' ? spec.bytes : spec.distribution === 'uniform' ? spec.min : 1;
}

function schedulePolicy(queue: EventQueue, runner: ScalingRunner, durationMs: number): void {
  const { atSeconds, everySeconds } = runner.policy;
  if (atSeconds !== undefined) {
    for (const s of atSeconds) if (s * 1000 <= durationMs) queue.at(s * 1000, (t) => runner.evaluate(t));
    return;
  }
  const everyMs = (everySeconds ?? 60) * 1000;
  const tick = (t: number): void => {
    runner.evaluate(t);
    if (t + everyMs <= durationMs) queue.at(t + everyMs, tick);
  };
  if (everyMs <= durationMs) queue.at(everyMs, tick);
}

function progressAt(atMs: number, sc: ResolvedScenario, produced: number): SimulationProgress {
  const durationMs = sc.durationSeconds * 1000;
  return {
    simulatedSeconds: atMs / 1000,
    durationSeconds: sc.durationSeconds,
    fraction: Math.min(1, atMs / durationMs),
    phase: atMs < durationMs ? 'run' : 'drain',
    recordsProduced: produced,
  };
}

function notesFor(sc: ResolvedScenario): string[] {
  const notes: string[] = [];
  if (sc.stream.mode === 'ON_DEMAND') {
    notes.push("The ON_DEMAND stream scaled itself by kinesim's model of AWS's on-demand scaling (README, On-demand scaling): AWS does not publish its own.");
  }
  if (sc.scaling.policy === 'schedule' && sc.scaling.events.some(([at]) => at > sc.durationSeconds)) {
    notes.push('Scheduled scaling events after durationSeconds were not run.');
  }
  return notes;
}
