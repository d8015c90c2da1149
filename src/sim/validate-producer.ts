// Reading one producer of a scenario: rate, keys, record sizes, strategy, batching, retries, KPL limits.

import type { FieldChecker } from './scenario-error.js';
import { describe } from './scenario-error.js';
import type {
  ResolvedKeys, ResolvedProducer, ResolvedRate, ResolvedRecordBytes, ResolvedStrategy,
} from './scenario.js';

/** The largest record kinesim's streams take by default (MaxRecordSizeInKiB 1024). */
const MAX_RECORD_BYTES = 1024 * 1024;
/** Keys per producer: the per-key bookkeeping is an array of this size. */
const MAX_KEYS = 10_000_000;
const MAX_RATE = 100_000_000;

const PRODUCER_FIELDS = ['name', 'rate', 'keys', 'recordBytes', 'strategy', 'batch', 'retry', 'kpl', 'startSecond'];

export function readProducer(c: FieldChecker, value: unknown, field: string, index: number, traces: ReadonlySet<string>): ResolvedProducer | undefined {
  const p = c.object(value, field, PRODUCER_FIELDS);
  if (p === undefined) return undefined;
  const name = c.string(p['name'], `${field}.name`, `producer-${index + 1}`);
  const rate = readRate(c, p['rate'], `${field}.rate`, traces);
  const keys = readKeys(c, p['keys'], `${field}.keys`);
  const recordBytes = readRecordBytes(c, p['recordBytes'], `${field}.recordBytes`);
  const strategy = readStrategy(c, p['strategy'], `${field}.strategy`);
  const b = p['batch'] === undefined ? {} : c.object(p['batch'], `${field}.batch`, ['maxRecords', 'lingerMs']);
  const maxRecords = c.number(b?.['maxRecords'], `${field}.batch.maxRecords`, { min: 1, max: 500, integer: true }, 500);
  const lingerMs = c.number(b?.['lingerMs'], `${field}.batch.lingerMs`, { min: 0, max: 60_000 }, 100);
  const r = p['retry'] === undefined ? {} : c.object(p['retry'], `${field}.retry`, ['maxAttempts', 'baseDelayMs', 'maxDelayMs']);
  const maxAttempts = c.number(r?.['maxAttempts'], `${field}.retry.maxAttempts`, { min: 1, max: 100, integer: true }, 3);
  const baseDelayMs = c.number(r?.['baseDelayMs'], `${field}.retry.baseDelayMs`, { min: 0, max: 3_600_000 }, 1000);
  const maxDelayMs = c.number(r?.['maxDelayMs'], `${field}.retry.maxDelayMs`, { min: 0, max: 3_600_000 }, 20_000);
  if (baseDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < baseDelayMs) {
    c.fail(`${field}.retry.maxDelayMs`, `must be >= retry.baseDelayMs (${baseDelayMs}), got ${maxDelayMs}`);
  }
  if (p['kpl'] !== undefined && strategy !== 'kpl') c.fail(`${field}.kpl`, `only applies with strategy 'kpl'`);
  const k = p['kpl'] === undefined ? {} : c.object(p['kpl'], `${field}.kpl`, ['aggregationMaxBytes', 'aggregationMaxCount', 'recordTtlMs']);
  const aggregationMaxBytes = c.number(k?.['aggregationMaxBytes'], `${field}.kpl.aggregationMaxBytes`, { min: 64, max: MAX_RECORD_BYTES, integer: true }, 51_200);
  const aggregationMaxCount = c.number(k?.['aggregationMaxCount'], `${field}.kpl.aggregationMaxCount`, { min: 1, max: 4_294_967_295, integer: true }, 4_294_967_295);
  const recordTtlMs = c.number(k?.['recordTtlMs'], `${field}.kpl.recordTtlMs`, { above: 0 }, 30_000);
  const startSecond = c.number(p['startSecond'], `${field}.startSecond`, { min: 0 }, 0);
  if (
    name === undefined || rate === undefined || keys === undefined || recordBytes === undefined || strategy === undefined ||
    maxRecords === undefined || lingerMs === undefined || maxAttempts === undefined || baseDelayMs === undefined ||
    maxDelayMs === undefined || aggregationMaxBytes === undefined || aggregationMaxCount === undefined ||
    recordTtlMs === undefined || startSecond === undefined
  ) return undefined;
  return {
    name, rate, keys, recordBytes, strategy, startSecond,
    batch: { maxRecords, lingerMs },
    retry: { maxAttempts, baseDelayMs, maxDelayMs },
    kpl: { aggregationMaxBytes, aggregationMaxCount, recordTtlMs },
  };
}

const RATE_FORMS = "{recordsPerSecond}, {shape: 'ramp', from, to}, {shape: 'sine', mean, amplitude, periodSeconds}, {shape: 'steps', steps}, {shape: 'burst', base, peak, everySeconds, forSeconds}, {trace}";
/** Keys a producer draws from when its scenario gives no count. */
const DEFAULT_KEY_COUNT = 1000;

function readRate(c: FieldChecker, value: unknown, field: string, traces: ReadonlySet<string>): ResolvedRate | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return c.fail(field, `must be an object, got ${describe(value)}`);
  const v = value as Record<string, unknown>;
  const rps = (name: string, x: unknown) => c.number(x, `${field}.${name}`, { min: 0, max: MAX_RATE });
  if ('trace' in v) {
    c.object(v, field, ['trace'], RATE_FORMS);
    const trace = c.string(v['trace'], `${field}.trace`);
    if (trace !== undefined && !traces.has(trace)) c.fail(`${field}.trace`, `no events for trace '${trace}' (the CLI reads the file next to the scenario; the library takes options.traces['${trace}'])`);
    return trace === undefined ? undefined : { shape: 'trace', trace };
  }
  const shape = (v['shape'] ?? 'constant') as string;
  switch (shape) {
    case 'constant': {
      c.object(v, field, ['shape', 'recordsPerSecond'], RATE_FORMS);
      const r = rps('recordsPerSecond', v['recordsPerSecond']);
      return r === undefined ? undefined : { shape: 'constant', recordsPerSecond: r };
    }
    case 'ramp': {
      c.object(v, field, ['shape', 'from', 'to'], RATE_FORMS);
      const from = rps('from', v['from']);
      const to = rps('to', v['to']);
      return from === undefined || to === undefined ? undefined : { shape: 'ramp', from, to };
    }
    case 'sine': {
      c.object(v, field, ['shape', 'mean', 'amplitude', 'periodSeconds'], RATE_FORMS);
      const mean = rps('mean', v['mean']);
      const amplitude = rps('amplitude', v['amplitude']);
      const periodSeconds = c.number(v['periodSeconds'], `${field}.periodSeconds`, { above: 0 });
      if (mean !== undefined && amplitude !== undefined && amplitude > mean) {
        return c.fail(`${field}.amplitude`, `must be <= mean (${mean}): a rate never goes below 0, got ${amplitude}`);
      }
      return mean === undefined || amplitude === undefined || periodSeconds === undefined ? undefined : { shape: 'sine', mean, amplitude, periodSeconds };
    }
    case 'steps':
      return readSteps(c, v, field);
    case 'burst': {
      c.object(v, field, ['shape', 'base', 'peak', 'everySeconds', 'forSeconds'], RATE_FORMS);
      const base = rps('base', v['base']);
      const peak = rps('peak', v['peak']);
      const everySeconds = c.number(v['everySeconds'], `${field}.everySeconds`, { above: 0 });
      const forSeconds = c.number(v['forSeconds'], `${field}.forSeconds`, { above: 0, ...(everySeconds === undefined ? {} : { max: everySeconds }) });
      return base === undefined || peak === undefined || everySeconds === undefined || forSeconds === undefined
        ? undefined : { shape: 'burst', base, peak, everySeconds, forSeconds };
    }
    default:
      return c.fail(`${field}.shape`, `must be one of 'constant', 'ramp', 'sine', 'steps', 'burst' (or give {"trace": file}), got ${describe(shape)}`);
  }
}

function readSteps(c: FieldChecker, v: Record<string, unknown>, field: string): ResolvedRate | undefined {
  c.object(v, field, ['shape', 'steps'], RATE_FORMS);
  const steps = c.array(v['steps'], `${field}.steps`);
  if (steps === undefined) return undefined;
  if (steps.length === 0) return c.fail(`${field}.steps`, 'must hold at least one [atSecond, recordsPerSecond] pair');
  const out: [number, number][] = [];
  let last = -Infinity;
  steps.forEach((step, i) => {
    const at = `${field}.steps[${i}]`;
    if (!Array.isArray(step) || step.length !== 2) return c.fail(at, `must be a pair [atSecond, recordsPerSecond], got ${describe(step)}`);
    const second = c.number(step[0], `${at}[0]`, { min: 0 });
    const rate = c.number(step[1], `${at}[1]`, { min: 0, max: MAX_RATE });
    if (second === undefined || rate === undefined) return undefined;
    if (second <= last) return c.fail(`${at}[0]`, `must be after the previous step's second (${last}), got ${second}`);
    last = second;
    out.push([second, rate]);
    return undefined;
  });
  return out.length === steps.length ? { shape: 'steps', steps: out } : undefined;
}

function readKeys(c: FieldChecker, value: unknown, field: string): ResolvedKeys | undefined {
  if (value === undefined) return { distribution: 'uniform', count: DEFAULT_KEY_COUNT, prefix: 'key-' };
  const v = c.object(value, field, ['distribution', 'count', 'exponent', 'hotKeys', 'hotShare', 'prefix']);
  if (v === undefined) return undefined;
  const distribution = c.choice(v['distribution'], `${field}.distribution`, ['uniform', 'zipf', 'hot', 'sequential'] as const);
  const count = c.number(v['count'], `${field}.count`, { min: 1, max: MAX_KEYS, integer: true }, DEFAULT_KEY_COUNT);
  const prefix = v['prefix'] === undefined ? 'key-' : typeof v['prefix'] === 'string' ? v['prefix'] : c.fail(`${field}.prefix`, `must be a string, got ${describe(v['prefix'])}`);
  const only = (name: string, on: string) => {
    if (v[name] !== undefined && distribution !== on) c.fail(`${field}.${name}`, `only applies to distribution '${on}'`);
  };
  only('exponent', 'zipf');
  only('hotKeys', 'hot');
  only('hotShare', 'hot');
  // Each member is checked even when another is wrong: one run reports every problem.
  if (distribution === 'zipf') {
    const exponent = c.number(v['exponent'], `${field}.exponent`, { above: 0, max: 20 });
    return exponent === undefined || count === undefined || prefix === undefined ? undefined : { distribution, count, exponent, prefix };
  }
  if (distribution === 'hot') {
    const hotKeys = c.number(v['hotKeys'], `${field}.hotKeys`, { min: 1, max: count ?? MAX_KEYS, integer: true });
    const hotShare = c.number(v['hotShare'], `${field}.hotShare`, { min: 0, max: 1 });
    return hotKeys === undefined || hotShare === undefined || count === undefined || prefix === undefined
      ? undefined : { distribution, count, hotKeys, hotShare, prefix };
  }
  if (distribution === undefined || count === undefined || prefix === undefined) return undefined;
  return { distribution, count, prefix };
}

function readRecordBytes(c: FieldChecker, value: unknown, field: string): ResolvedRecordBytes | undefined {
  const bytes = (x: unknown, name: string) => c.number(x, name, { min: 1, max: MAX_RECORD_BYTES, integer: true });
  if (value === undefined) return { distribution: 'fixed', bytes: 100 };
  if (typeof value === 'number' || typeof value !== 'object' || value === null) {
    const b = bytes(value, field);
    return b === undefined ? undefined : { distribution: 'fixed', bytes: b };
  }
  const v = value as Record<string, unknown>;
  if (v['distribution'] === 'lognormal') {
    c.object(v, field, ['distribution', 'median', 'p99'], 'a number of bytes, {min, max}');
    const median = bytes(v['median'], `${field}.median`);
    const p99 = bytes(v['p99'], `${field}.p99`);
    if (median !== undefined && p99 !== undefined && p99 < median) return c.fail(`${field}.p99`, `must be >= median (${median}), got ${p99}`);
    return median === undefined || p99 === undefined ? undefined : { distribution: 'lognormal', median, p99 };
  }
  if (v['distribution'] !== undefined) return c.fail(`${field}.distribution`, `must be 'lognormal' (or give a number, or {min, max}), got ${describe(v['distribution'])}`);
  c.object(v, field, ['min', 'max'], "a number of bytes, {distribution: 'lognormal', median, p99}");
  const min = bytes(v['min'], `${field}.min`);
  const max = bytes(v['max'], `${field}.max`);
  if (min !== undefined && max !== undefined && max < min) return c.fail(`${field}.max`, `must be >= min (${min}), got ${max}`);
  return min === undefined || max === undefined ? undefined : { distribution: 'uniform', min, max };
}

function readStrategy(c: FieldChecker, value: unknown, field: string): ResolvedStrategy | undefined {
  if (value === undefined) return 'key';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = c.object(value, field, ['salt']);
    const salt = c.number(v?.['salt'], `${field}.salt`, { min: 1, max: 100_000, integer: true });
    return salt === undefined ? undefined : { salt };
  }
  return c.choice(value, field, ['key', 'random', 'explicit-spread', 'kpl', 'auto'] as const);
}
