// The Monitoring tab: the stream's CloudWatch metrics as charts over engine time, refreshing live; per shard for
// the enhanced metrics enabled, and per enhanced fan-out consumer.

import type { Kit, Session, View } from './kit.js';

export function monitoringViewModule(kit: Kit) {
  type Stat = 'Sum' | 'Maximum' | 'Average';
  const STREAM: [string, Stat][] = [
    ['IncomingRecords', 'Sum'], ['IncomingBytes', 'Sum'], ['GetRecords.Records', 'Sum'], ['GetRecords.Bytes', 'Sum'],
    ['GetRecords.IteratorAgeMilliseconds', 'Maximum'], ['WriteProvisionedThroughputExceeded', 'Sum'],
    ['ReadProvisionedThroughputExceeded', 'Sum'], ['PutRecords.Success', 'Average'],
  ];
  const SHARD: [string, Stat][] = [
    ['IncomingRecords', 'Sum'], ['IncomingBytes', 'Sum'], ['OutgoingRecords', 'Sum'], ['OutgoingBytes', 'Sum'],
    ['IteratorAgeMilliseconds', 'Maximum'], ['WriteProvisionedThroughputExceeded', 'Sum'], ['ReadProvisionedThroughputExceeded', 'Sum'],
  ];
  const CONSUMER: [string, Stat][] = [
    ['SubscribeToShardEvent.Records', 'Sum'], ['SubscribeToShardEvent.Bytes', 'Sum'], ['SubscribeToShardEvent.MillisBehindLatest', 'Maximum'],
    ['SubscribeToShard.Success', 'Sum'], ['SubscribeToShard.RateExceeded', 'Sum'],
  ];
  const RANGES = [['15 minutes', 15], ['1 hour', 60], ['3 hours', 180]] as const;
  const PERIODS = [['1 minute', 60], ['5 minutes', 300]] as const;

  function select(options: readonly (readonly [string, string | number])[], value: string | number): HTMLSelectElement {
    const { h } = kit.dom;
    return h('select', {}, ...options.map(([label, v]) => h('option', { value: v, selected: String(v) === String(value) }, label)));
  }

  function view(session: Session, streamName: string): View {
    const { h, replace, field } = kit.dom;
    const range = select(RANGES, 15);
    const period = select(PERIODS, 60);
    const level = h('select', {}, h('option', { value: 'stream' }, 'Stream'));
    const live = h('input', { type: 'checkbox', checked: true });
    const grid = h('div', { class: 'charts', 'aria-live': 'off' });
    const note = h('p', { class: 'hint' });
    let disposed = false;
    let busy = false;

    const refreshLevels = async () => {
      const listed = (await kit.api.listMetrics({ Dimensions: [{ Name: 'StreamName', Value: streamName }] })).Metrics;
      const keys = new Set<string>();
      for (const m of listed) {
        for (const d of m.Dimensions) if (d.Name === 'ShardId' || d.Name === 'ConsumerName') keys.add(`${d.Name}=${d.Value}`);
      }
      const current = level.value;
      const options = ['stream', ...[...keys].sort()];
      if (options.join() === [...level.options].map((o) => o.value).join()) return;
      replace(level, ...options.map((v) => h('option', { value: v, selected: v === current }, v === 'stream' ? 'Stream' : v.replace('=', ': '))));
    };

    const refresh = async () => {
      if (busy || disposed) return;
      busy = true;
      try {
        await refreshLevels();
        const nowMs = session.overview.nowMs;
        const periodMs = Number(period.value) * 1000;
        const endMs = Math.floor(nowMs / periodMs) * periodMs + periodMs;
        const startMs = endMs - Number(range.value) * 60_000;
        const [dimName, dimValue] = level.value.split('=');
        const set = level.value === 'stream' ? STREAM : dimName === 'ShardId' ? SHARD : CONSUMER;
        const dimensions = [{ Name: 'StreamName', Value: streamName }, ...(dimValue === undefined ? [] : [{ Name: dimName, Value: dimValue }])];
        const { results } = await kit.api.metrics(set.map(([MetricName, stat]) => ({
          Namespace: 'AWS/Kinesis', MetricName, Dimensions: dimensions, StartTime: startMs, EndTime: endMs, Period: periodMs / 1000, Statistics: [stat],
        })));
        if (disposed) return;
        const units = new Map(session.overview.metrics.map((m) => [m.MetricName, m.Unit]));
        replace(grid, ...set.map(([name, stat], i) => kit.charts.lineChart({
          title: name, statistic: stat, unit: units.get(name) ?? 'Count', periodMs, startMs, endMs,
          points: ((results[i]?.Datapoints ?? []) as any[]).map((p) => ({ t: p.Timestamp, v: p[stat] })),
          zeroFill: stat === 'Sum', nowMs,
        })));
        replace(note, `Engine time ${kit.dom.time(nowMs)}. Datapoints per ${kit.dom.duration(periodMs)} of engine time, kept ${kit.dom.duration(session.overview.metricsRetentionMs)}.`,
          level.value === 'stream' ? ' Shard-level charts appear in the list once enhanced metrics are enabled (Configuration) and recorded.' : '');
      } catch (e) {
        if (!disposed) replace(grid, h('p', { class: 'error' }, kit.api.describe(e)));
      } finally {
        busy = false;
      }
    };
    for (const control of [range, period, level]) control.addEventListener('change', () => void refresh());
    const element = h('div', { class: 'monitoring' },
      h('div', { class: 'toolbar' },
        field('Metrics of', level), field('Time range', range), field('Period', period),
        h('label', { class: 'choice' }, live, ' Refresh every 2 s')),
      note, grid);
    void refresh();
    const timer = window.setInterval(() => {
      if (live.checked) void refresh();
    }, 2000);
    return { element, dispose: () => { disposed = true; window.clearInterval(timer); } };
  }

  return { view };
}
