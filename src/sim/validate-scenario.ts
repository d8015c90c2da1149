// Reading a scenario: every field checked (unknown ones included) and every default filled in, before
// anything runs. All problems are reported at once, each naming its field.

import { DEFAULT_PRICES } from './cost.js';
import { KINESIS_LIMITS, type OnDemandScalingOptions } from '../index.js';
import { FieldChecker, ScenarioError, describe } from './scenario-error.js';
import type {
  ResolvedConsumer, ResolvedPrices, ResolvedProducer, ResolvedScaling, ResolvedScenario, ScheduledAction,
} from './scenario.js';
import { readProducer } from './validate-producer.js';

const TOP_FIELDS = ['name', 'description', 'seed', 'durationSeconds', 'drainSeconds', 'stepMs', 'stream', 'producers', 'consumers', 'scaling', 'metrics', 'prices'];
/** A month of simulated time: far beyond any sensible run, but a bound on memory for per-period metrics. */
const MAX_DURATION_SECONDS = 31 * 86_400;
/** AWS's default per-stream cap, which UpdateShardCount enforces. */
const MAX_SHARDS = 10_000;

/**
 * Checks a scenario and fills in its defaults.
 * @param traces names of the traces whose events the caller has (a `{trace}` rate must name one of them)
 * @throws ScenarioError listing every problem, each with its field
 */
export function validateScenario(scenario: unknown, traces: Iterable<string> = []): ResolvedScenario {
  const c = new FieldChecker();
  const s = c.object(scenario, 'scenario', TOP_FIELDS);
  if (s === undefined) throw new ScenarioError(c.issues);
  const traceNames = new Set(traces);
  const name = c.string(s['name'], 'scenario.name', 'scenario');
  const description = typeof s['description'] === 'string' ? s['description'] : s['description'] === undefined ? '' : c.fail('scenario.description', 'must be a string');
  const seed = c.number(s['seed'], 'scenario.seed', { min: 0, max: 4_294_967_295, integer: true }, 1);
  const durationSeconds = c.number(s['durationSeconds'], 'scenario.durationSeconds', { above: 0, max: MAX_DURATION_SECONDS });
  const drainSeconds = c.number(s['drainSeconds'], 'scenario.drainSeconds', { min: 0, max: MAX_DURATION_SECONDS }, 120);
  const stepMs = c.number(s['stepMs'], 'scenario.stepMs', { min: 1, max: 1000, integer: true }, 10);
  const stream = readStream(c, s['stream']);
  const producerList = c.array(s['producers'], 'scenario.producers');
  if (producerList !== undefined && producerList.length === 0) c.fail('scenario.producers', 'must hold at least one producer');
  const producers = (producerList ?? []).map((p, i) => readProducer(c, p, `scenario.producers[${i}]`, i, traceNames));
  checkAuto(c, producers, stream?.mode);
  const names = new Set<string>();
  producers.forEach((p, i) => {
    if (p !== undefined && names.has(p.name)) c.fail(`scenario.producers[${i}].name`, `'${p.name}' is already the name of another producer`);
    if (p !== undefined) names.add(p.name);
  });
  const consumers = readConsumers(c, s['consumers']);
  const scaling = readScaling(c, s['scaling'], stream?.mode);
  const m = s['metrics'] === undefined ? {} : c.object(s['metrics'], 'scenario.metrics', ['periodSeconds']);
  let periodSeconds = c.number(m?.['periodSeconds'], 'scenario.metrics.periodSeconds', { min: 60, max: 86_400, integer: true }, 60);
  // The series are the engine's CloudWatch metrics: 1-minute data, read in periods of whole minutes, as on CloudWatch.
  if (periodSeconds !== undefined && periodSeconds % 60 !== 0) periodSeconds = c.fail('scenario.metrics.periodSeconds', `must be a multiple of 60 (CloudWatch's 1-minute data), got ${periodSeconds}`);
  const prices = readPrices(c, s['prices']);
  c.throwIfAny();
  return {
    name: name!, description: description!, seed: seed!, durationSeconds: durationSeconds!, drainSeconds: drainSeconds!,
    stepMs: stepMs!, stream: stream!, producers: producers as ResolvedProducer[], consumers: consumers!, scaling: scaling!,
    metrics: { periodSeconds: periodSeconds! }, prices: prices!,
  };
}

/**
 * 'auto' is a setting of the stream (RecordDistributionStrategy AUTO), which AWS allows on on-demand streams only,
 * and it places every record of the stream: so every producer must use it, or none.
 */
function checkAuto(c: FieldChecker, producers: readonly (ResolvedProducer | undefined)[], mode: string | undefined): void {
  const auto = producers.map((p) => p?.strategy === 'auto');
  const first = auto.indexOf(true);
  if (first < 0) return;
  if (mode !== 'ON_DEMAND') c.fail(`scenario.producers[${first}].strategy`, "'auto' (AWS's AUTO record distribution) needs an ON_DEMAND stream: set scenario.stream.mode to \"ON_DEMAND\"");
  const other = producers.findIndex((p, i) => p !== undefined && !auto[i]);
  if (other >= 0) c.fail(`scenario.producers[${other}].strategy`, "must be 'auto' too: under AUTO the stream places every record, whatever its key");
}

function readStream(c: FieldChecker, value: unknown): ResolvedScenario['stream'] | undefined {
  const v = c.object(value, 'scenario.stream', ['shardCount', 'mode', 'reshardSeconds', 'retentionHours', 'onDemandScaling']);
  if (v === undefined) return undefined;
  const mode = c.choice(v['mode'], 'scenario.stream.mode', ['PROVISIONED', 'ON_DEMAND'] as const, 'PROVISIONED');
  let shardCount: number | undefined = 4;
  if (mode === 'ON_DEMAND') {
    if (v['shardCount'] !== undefined) c.fail('scenario.stream.shardCount', 'must be absent for an ON_DEMAND stream (AWS chooses its shards)');
  } else {
    shardCount = c.number(v['shardCount'], 'scenario.stream.shardCount', { min: 1, max: MAX_SHARDS, integer: true });
  }
  const reshardSeconds = c.number(v['reshardSeconds'], 'scenario.stream.reshardSeconds', { min: 0, max: 86_400 }, 30);
  const retentionHours = c.number(v['retentionHours'], 'scenario.stream.retentionHours', { min: 24, max: 8760, integer: true }, 24);
  let onDemandScaling: OnDemandScalingOptions | undefined = {};
  if (v['onDemandScaling'] !== undefined) {
    if (mode === 'ON_DEMAND') onDemandScaling = readOnDemandScaling(c, v['onDemandScaling']);
    else c.fail('scenario.stream.onDemandScaling', 'applies only to an ON_DEMAND stream (mode: "ON_DEMAND")');
  }
  if (mode === undefined || shardCount === undefined || reshardSeconds === undefined || retentionHours === undefined || onDemandScaling === undefined) return undefined;
  return { mode, shardCount, reshardSeconds, retentionHours, onDemandScaling };
}

/** The engine's on-demand scaling parameters, from the scenario's (seconds turned into ms). */
function readOnDemandScaling(c: FieldChecker, value: unknown): OnDemandScalingOptions | undefined {
  const field = 'scenario.stream.onDemandScaling';
  const names = ['initialShards', 'headroom', 'maxShards', 'scaleUpDelaySeconds', 'scaleDownDelaySeconds', 'peakWindowSeconds', 'measureSeconds'] as const;
  const v = c.object(value, field, names);
  if (v === undefined) return undefined;
  const out: OnDemandScalingOptions = {};
  // Each is optional: absent means the engine's default.
  const num = (name: string, bounds: Parameters<FieldChecker['number']>[2]) => (v[name] === undefined ? undefined : c.number(v[name], `${field}.${name}`, bounds));
  const shards = (name: string) => num(name, { min: 1, max: MAX_SHARDS, integer: true });
  const ms = (name: string) => {
    const s = num(name, { min: name === 'measureSeconds' ? 1 : 0, max: 366 * 86_400, integer: true });
    return s === undefined ? undefined : s * 1000;
  };
  const set = <K extends keyof OnDemandScalingOptions>(key: K, x: OnDemandScalingOptions[K] | undefined) => {
    if (x !== undefined) out[key] = x;
  };
  set('initialShards', shards('initialShards'));
  set('maxShards', shards('maxShards'));
  set('headroom', num('headroom', { min: 1, max: 100 }));
  set('scaleUpDelayMs', ms('scaleUpDelaySeconds'));
  set('scaleDownDelayMs', ms('scaleDownDelaySeconds'));
  set('peakWindowMs', ms('peakWindowSeconds'));
  set('measurePeriodMs', ms('measureSeconds'));
  const initialShards = out.initialShards ?? KINESIS_LIMITS.ON_DEMAND_INITIAL_SHARDS;
  if ((out.maxShards ?? Infinity) < initialShards) c.fail(`${field}.maxShards`, `must be at least initialShards (${initialShards})`);
  return out;
}

function readConsumers(c: FieldChecker, value: unknown): ResolvedConsumer[] | undefined {
  const list = c.array(value, 'scenario.consumers', [{ type: 'polling' }]);
  if (list === undefined) return undefined;
  const out = list.map((item, i): ResolvedConsumer | undefined => {
    const field = `scenario.consumers[${i}]`;
    const enhanced = typeof item === 'object' && item !== null && (item as Record<string, unknown>)['type'] === 'enhanced';
    const common = ['type', 'name', 'intervalMs', 'processingMsPerRecord', 'parentShardPollIntervalMs'];
    const v = c.object(item, field, enhanced ? common : [...common, 'limit']);
    if (v === undefined) return undefined;
    const type = c.choice(v['type'], `${field}.type`, ['polling', 'enhanced'] as const);
    const name = c.string(v['name'], `${field}.name`, `consumer-${i + 1}`);
    const limit = enhanced ? 0 : c.number(v['limit'], `${field}.limit`, { min: 1, max: 10_000, integer: true }, 10_000);
    const intervalMs = c.number(v['intervalMs'], `${field}.intervalMs`, { min: 1, max: 3_600_000, integer: true }, enhanced ? 50 : 1000);
    const processingMsPerRecord = c.number(v['processingMsPerRecord'], `${field}.processingMsPerRecord`, { min: 0, max: 60_000 }, 0);
    const parentShardPollIntervalMs = c.number(v['parentShardPollIntervalMs'], `${field}.parentShardPollIntervalMs`, { min: 0, max: 3_600_000 }, 10_000);
    if (type === undefined || name === undefined || limit === undefined || intervalMs === undefined || processingMsPerRecord === undefined || parentShardPollIntervalMs === undefined) return undefined;
    const base = { name, intervalMs, processingMsPerRecord, parentShardPollIntervalMs };
    return type === 'enhanced' ? { type, ...base } : { type, limit, ...base };
  });
  if (!out.every((x) => x !== undefined)) return undefined;
  // RegisterStreamConsumer's quotas: 20 consumers per stream [D], each name once.
  const names = new Set<string>();
  let registered = 0;
  out.forEach((x, i) => {
    if (x.type !== 'enhanced') return;
    if (++registered === 21) c.fail(`scenario.consumers[${i}]`, 'is the 21st enhanced consumer: a stream has at most 20 (RegisterStreamConsumer)');
    if (names.has(x.name)) c.fail(`scenario.consumers[${i}].name`, `names another enhanced consumer (${JSON.stringify(x.name)}): consumer names are unique per stream`);
    names.add(x.name);
  });
  return out;
}

function readScaling(c: FieldChecker, value: unknown, mode: string | undefined): ResolvedScaling | undefined {
  const field = 'scenario.scaling';
  if (value === undefined) return { policy: 'none' };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return c.fail(field, `must be an object, got ${describe(value)}`);
  const v = value as Record<string, unknown>;
  const policy = v['policy'];
  if (policy !== 'none' && mode === 'ON_DEMAND') {
    return c.fail(`${field}.policy`, 'an ON_DEMAND stream cannot be resharded (AWS refuses SplitShard, MergeShards and UpdateShardCount there)');
  }
  const seconds = (name: string, fallback: number, min = 0) => c.number(v[name], `${field}.${name}`, { min }, fallback);
  const metric = () => c.choice(v['metric'], `${field}.metric`, ['records', 'bytes'] as const, 'records');
  if (typeof policy === 'function') {
    c.object(v, field, ['policy', 'evaluationSeconds']);
    const evaluationSeconds = seconds('evaluationSeconds', 60, 1);
    return evaluationSeconds === undefined ? undefined : { policy: 'custom', decide: policy as never, evaluationSeconds };
  }
  switch (policy) {
    case 'none':
      c.object(v, field, ['policy']);
      return { policy };
    case 'schedule': {
      c.object(v, field, ['policy', 'events']);
      const events = c.array(v['events'], `${field}.events`);
      if (events === undefined) return undefined;
      const out = events.map((e, i) => readScheduledEvent(c, e, `${field}.events[${i}]`));
      return out.every((x) => x !== undefined) ? { policy, events: out as [number, ScheduledAction][] } : undefined;
    }
    case 'target': {
      c.object(v, field, ['policy', 'metric', 'scaleUpAt', 'scaleDownAt', 'scaleUpPercent', 'scaleDownPercent', 'cooldownSeconds', 'evaluationSeconds', 'min', 'max']);
      const r = {
        policy, metric: metric(),
        scaleUpAt: c.number(v['scaleUpAt'], `${field}.scaleUpAt`, { above: 0, max: 10 }, 0.8),
        scaleDownAt: c.number(v['scaleDownAt'], `${field}.scaleDownAt`, { min: 0, max: 10 }, 0.3),
        scaleUpPercent: c.number(v['scaleUpPercent'], `${field}.scaleUpPercent`, { above: 0, max: 100 }, 100),
        scaleDownPercent: c.number(v['scaleDownPercent'], `${field}.scaleDownPercent`, { above: 0, max: 50 }, 50),
        cooldownSeconds: seconds('cooldownSeconds', 300),
        evaluationSeconds: seconds('evaluationSeconds', 60, 1),
        min: c.number(v['min'], `${field}.min`, { min: 1, max: MAX_SHARDS, integer: true }, 1),
        max: c.number(v['max'], `${field}.max`, { min: 1, max: MAX_SHARDS, integer: true }, MAX_SHARDS),
      };
      if (r.scaleUpAt !== undefined && r.scaleDownAt !== undefined && r.scaleDownAt >= r.scaleUpAt) {
        c.fail(`${field}.scaleDownAt`, `must be below scaleUpAt (${r.scaleUpAt}), got ${r.scaleDownAt}`);
      }
      if (r.min !== undefined && r.max !== undefined && r.max < r.min) c.fail(`${field}.max`, `must be >= min (${r.min}), got ${r.max}`);
      return Object.values(r).every((x) => x !== undefined) ? (r as ResolvedScaling) : undefined;
    }
    case 'hot-shard-split': {
      c.object(v, field, ['policy', 'threshold', 'mergeBelow', 'metric', 'evaluationSeconds', 'cooldownSeconds', 'maxShards']);
      const r = {
        policy, metric: metric(),
        threshold: c.number(v['threshold'], `${field}.threshold`, { above: 0, max: 10 }, 0.8),
        mergeBelow: c.number(v['mergeBelow'], `${field}.mergeBelow`, { min: 0, max: 10 }, 0.1),
        evaluationSeconds: seconds('evaluationSeconds', 60, 1),
        cooldownSeconds: seconds('cooldownSeconds', 60),
        maxShards: c.number(v['maxShards'], `${field}.maxShards`, { min: 1, max: MAX_SHARDS, integer: true }, MAX_SHARDS),
      };
      if (r.threshold !== undefined && r.mergeBelow !== undefined && r.mergeBelow * 2 >= r.threshold) {
        c.fail(`${field}.mergeBelow`, `must be below half the threshold (${r.threshold / 2}) or a merge would be split again, got ${r.mergeBelow}`);
      }
      return Object.values(r).every((x) => x !== undefined) ? (r as ResolvedScaling) : undefined;
    }
    default:
      return c.fail(`${field}.policy`, `must be one of 'none', 'schedule', 'target', 'hot-shard-split' (or a function in the library API), got ${describe(policy)}`);
  }
}

function readScheduledEvent(c: FieldChecker, value: unknown, field: string): [number, ScheduledAction] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return c.fail(field, `must be a pair [atSecond, action], got ${describe(value)}`);
  const at = c.number(value[0], `${field}[0]`, { min: 0 });
  const a = c.object(value[1], `${field}[1]`, ['UpdateShardCount', 'SplitShard', 'MergeShards']);
  if (a === undefined || at === undefined) return undefined;
  const keys = Object.keys(a);
  if (keys.length !== 1) return c.fail(`${field}[1]`, 'must name exactly one of UpdateShardCount, SplitShard, MergeShards');
  if ('UpdateShardCount' in a) {
    const n = c.number(a['UpdateShardCount'], `${field}[1].UpdateShardCount`, { min: 1, max: MAX_SHARDS, integer: true });
    return n === undefined ? undefined : [at, { UpdateShardCount: n }];
  }
  if ('SplitShard' in a) {
    const id = c.string(a['SplitShard'], `${field}[1].SplitShard`);
    return id === undefined ? undefined : [at, { SplitShard: id }];
  }
  const m = a['MergeShards'];
  if (m === 'coldest') return [at, { MergeShards: 'coldest' }];
  if (Array.isArray(m) && m.length === 2 && m.every((x) => typeof x === 'string' && x !== '')) return [at, { MergeShards: [m[0], m[1]] }];
  return c.fail(`${field}[1].MergeShards`, `must be 'coldest' or two shard IDs, got ${describe(m)}`);
}

function readPrices(c: FieldChecker, value: unknown): ResolvedPrices | undefined {
  if (value === undefined) return { ...DEFAULT_PRICES };
  const v = c.object(value, 'scenario.prices', Object.keys(DEFAULT_PRICES));
  if (v === undefined) return undefined;
  const out: Record<string, unknown> = { ...DEFAULT_PRICES };
  for (const [key, fallback] of Object.entries(DEFAULT_PRICES)) {
    out[key] = typeof fallback === 'string'
      ? c.string(v[key], `scenario.prices.${key}`, fallback)
      : c.number(v[key], `scenario.prices.${key}`, { min: 0 }, fallback);
  }
  return Object.values(out).every((x) => x !== undefined) ? (out as unknown as ResolvedPrices) : undefined;
}
