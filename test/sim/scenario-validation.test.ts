// Bad scenarios are refused before anything runs, with every problem named by its field.

import { describe, expect, it } from 'vitest';
import { ScenarioError, parseTrace, simulate, validateScenario, type Scenario } from '../../src/sim/index.js';

const good: Scenario = {
  durationSeconds: 10,
  stream: { shardCount: 2 },
  producers: [{ rate: { recordsPerSecond: 100 } }],
};

/** The issues a scenario gets, as "field: problem" lines. */
function problems(scenario: unknown, traces: string[] = []): string[] {
  try {
    validateScenario(scenario, traces);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues.map((i) => `${i.field}: ${i.problem}`);
  }
  return [];
}

describe('scenario validation', () => {
  it('accepts a minimal scenario and fills in the documented defaults', () => {
    const r = validateScenario(good);
    expect(r.seed).toBe(1);
    expect(r.producers[0]!.batch).toEqual({ maxRecords: 500, lingerMs: 100 });
    expect(r.producers[0]!.retry).toEqual({ maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 20_000 });
    expect(r.producers[0]!.strategy).toBe('key');
    expect(r.consumers).toEqual([{ type: 'polling', name: 'consumer-1', limit: 10_000, intervalMs: 1000, processingMsPerRecord: 0, parentShardPollIntervalMs: 10_000 }]);
    expect(r.scaling).toEqual({ policy: 'none' });
    expect(r.stream).toEqual({ mode: 'PROVISIONED', shardCount: 2, onDemandScaling: {}, reshardSeconds: 30, retentionHours: 24 });
  });

  it('names an unknown field and lists the fields allowed there', () => {
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, colour: 'red' }] })).toEqual([
      expect.stringMatching(/^scenario\.producers\[0\]\.colour: unknown field \(allowed here: name, rate, keys/),
    ]);
    expect(problems({ ...good, strem: {} })[0]).toMatch(/^scenario\.strem: unknown field/);
  });

  it('names the other forms of a field that takes several, so a mixed-up one is not told half the story', () => {
    const [mixed] = problems({ ...good, producers: [{ rate: { trace: 't.jsonl', recordsPerSecond: 5 } }] }, ['t.jsonl']);
    expect(mixed).toBe(
      "scenario.producers[0].rate.recordsPerSecond: unknown field (allowed here: trace; other forms: {recordsPerSecond}, {shape: 'ramp', from, to}, " +
        "{shape: 'sine', mean, amplitude, periodSeconds}, {shape: 'steps', steps}, {shape: 'burst', base, peak, everySeconds, forSeconds}, {trace})",
    );
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, recordBytes: { x: 1 } }] })).toContain(
      "scenario.producers[0].recordBytes.x: unknown field (allowed here: min, max; other forms: a number of bytes, {distribution: 'lognormal', median, p99})",
    );
  });

  it('defaults a key count of 1000, and reports every bad key member at once', () => {
    const r = validateScenario({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, keys: { distribution: 'uniform' } }] });
    expect(r.producers[0]!.keys).toEqual({ distribution: 'uniform', count: 1000, prefix: 'key-' });
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, keys: { distribution: 'zipf', count: 0, exponent: 'x' } }] })).toEqual([
      'scenario.producers[0].keys.count: must be >= 1, got 0',
      'scenario.producers[0].keys.exponent: must be a number, got "x"',
    ]);
  });

  it('refuses a negative rate', () => {
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: -5 } }] })).toEqual([
      'scenario.producers[0].rate.recordsPerSecond: must be >= 0, got -5',
    ]);
  });

  it('refuses a zipf exponent of 0', () => {
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, keys: { distribution: 'zipf', count: 10, exponent: 0 } }] })).toEqual([
      'scenario.producers[0].keys.exponent: must be > 0, got 0',
    ]);
  });

  it('refuses a trace nobody supplied, naming the field', () => {
    expect(problems({ ...good, producers: [{ rate: { trace: 'traffic.jsonl' } }] })).toEqual([
      expect.stringMatching(/^scenario\.producers\[0\]\.rate\.trace: no events for trace 'traffic\.jsonl'/),
    ]);
    expect(problems({ ...good, producers: [{ rate: { trace: 'traffic.jsonl' } }] }, ['traffic.jsonl'])).toEqual([]);
  });

  it('reports every problem at once', () => {
    const found = problems({ durationSeconds: 0, stream: { shardCount: 0 }, producers: [{ rate: { shape: 'sine', mean: 5, amplitude: 9, periodSeconds: 60 } }], scaling: { policy: 'sometimes' } });
    expect(found).toEqual([
      'scenario.durationSeconds: must be > 0, got 0',
      'scenario.stream.shardCount: must be >= 1, got 0',
      'scenario.producers[0].rate.amplitude: must be <= mean (5): a rate never goes below 0, got 9',
      "scenario.scaling.policy: must be one of 'none', 'schedule', 'target', 'hot-shard-split' (or a function in the library API), got \"sometimes\"",
    ]);
  });

  it('says what AWS would refuse instead of running something else', () => {
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, strategy: 'auto' }] })).toEqual([
      'scenario.producers[0].strategy: \'auto\' (AWS\'s AUTO record distribution) needs an ON_DEMAND stream: set scenario.stream.mode to "ON_DEMAND"',
    ]);
    expect(problems({ ...good, consumers: [{ type: 'enhanced', limit: 100 }] })).toEqual([
      'scenario.consumers[0].limit: unknown field (allowed here: type, name, intervalMs, processingMsPerRecord, parentShardPollIntervalMs)',
    ]);
    const many = Array.from({ length: 21 }, (_, i) => ({ type: 'enhanced' as const, name: `c${i}` }));
    expect(problems({ ...good, consumers: many })).toEqual(['scenario.consumers[20]: is the 21st enhanced consumer: a stream has at most 20 (RegisterStreamConsumer)']);
    expect(problems({ ...good, consumers: [{ type: 'enhanced', name: 'x' }, { type: 'enhanced', name: 'x' }] })).toEqual([
      'scenario.consumers[1].name: names another enhanced consumer ("x"): consumer names are unique per stream',
    ]);
    expect(problems({ ...good, stream: { mode: 'ON_DEMAND' }, scaling: { policy: 'target' } })[0]).toMatch(/^scenario\.scaling\.policy: an ON_DEMAND stream cannot be resharded/);
    expect(problems({ ...good, stream: { mode: 'ON_DEMAND', shardCount: 3 } })[0]).toMatch(/^scenario\.stream\.shardCount: must be absent/);
    expect(problems({ ...good, stream: { shardCount: 2, onDemandScaling: {} } })).toEqual(['scenario.stream.onDemandScaling: applies only to an ON_DEMAND stream (mode: "ON_DEMAND")']);
    expect(problems({ ...good, stream: { mode: 'ON_DEMAND', onDemandScaling: { headroom: 0.5, scaleUpDelay: 5, maxShards: 2 } } })).toEqual([
      'scenario.stream.onDemandScaling.scaleUpDelay: unknown field (allowed here: initialShards, headroom, maxShards, scaleUpDelaySeconds, scaleDownDelaySeconds, peakWindowSeconds, measureSeconds)',
      'scenario.stream.onDemandScaling.headroom: must be >= 1, got 0.5',
      'scenario.stream.onDemandScaling.maxShards: must be at least initialShards (4)',
    ]);
  });

  it('checks nested shapes: steps in order, scheduled actions, size bounds, retry bounds', () => {
    expect(problems({ ...good, producers: [{ rate: { shape: 'steps', steps: [[10, 5], [5, 1]] } }] })).toEqual([
      "scenario.producers[0].rate.steps[1][0]: must be after the previous step's second (10), got 5",
    ]);
    expect(problems({ ...good, scaling: { policy: 'schedule', events: [[5, { SplitShard: 'hottest', MergeShards: 'coldest' }]] } })).toEqual([
      'scenario.scaling.events[0][1]: must name exactly one of UpdateShardCount, SplitShard, MergeShards',
    ]);
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, recordBytes: { min: 10, max: 5 } }] })).toEqual([
      'scenario.producers[0].recordBytes.max: must be >= min (10), got 5',
    ]);
    expect(problems({ ...good, producers: [{ rate: { recordsPerSecond: 1 }, batch: { maxRecords: 501 } }] })).toEqual([
      'scenario.producers[0].batch.maxRecords: must be <= 500, got 501',
    ]);
  });

  it('runs nothing when the scenario is bad', () => {
    let progressed = false;
    expect(() => simulate({ ...good, durationSeconds: -1 }, { onProgress: () => (progressed = true) })).toThrow(ScenarioError);
    expect(progressed).toBe(false);
  });

  it('names the bad line of a trace, and checks events given directly', () => {
    expect(() => parseTrace('{"t":0,"key":"a"}\n{"t":"x","key":"b"}\n', 't.jsonl')).toThrow('trace t.jsonl line 2: "t" must be a number of ms >= 0, got "x"');
    expect(parseTrace('{"t":5,"key":"b"}\n\n{"t":1,"key":"a","bytes":3}', 't')).toEqual([{ t: 1, key: 'a', bytes: 3 }, { t: 5, key: 'b' }]);
    const scenario = { ...good, producers: [{ rate: { trace: 't' } }] };
    expect(() => simulate(scenario, { traces: { t: [{ t: 1, key: '' }] } })).toThrow(`options.traces['t'][0]: "key" must be a string of 1 to 256 characters, got ""`);
  });
});
