// The sections of one run's report: headline numbers, throughput, the shard heatmap, throttles and
// retries, iterator age, lineage, key skew, cost; each chart with a table of its exact numbers beside it.

import type { SimulationSummary } from '../sim/summary.js';
import { heatmap } from './heatmap.js';
import { bytes, clock, compact, esc, int, pct, table, type Column } from './html.js';
import { lineageChart } from './lineage-chart.js';
import { lineChart } from './line-chart.js';
import { inKeyOrder, keyFraction, shortId } from './shard-order.js';
import { lorenzChart, shardRates, topKeysChart } from './skew-charts.js';

function section(id: string, title: string, lead: string, body: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2><p class="lead">${lead}</p>${body}</section>`;
}

function pair(chart: string, tableHtml: string, caption = '', wide = false): string {
  return `<div class="pair${wide ? ' wide-table' : ''}"><figure>${chart}${caption === '' ? '' : `<figcaption>${caption}</figcaption>`}</figure>${tableHtml}</div>`;
}

function card(label: string, value: string, sub: string, tone: '' | 'warn' | 'good' = ''): string {
  return `<div class="card${tone === '' ? '' : ` ${tone}`}"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div><div class="sub">${esc(sub)}</div></div>`;
}

export function cards(s: SimulationSummary): string {
  const t = s.totals;
  const open = s.shards.filter((x) => x.closedAtSecond === null).length;
  const initial = (s.scenario['stream'] as { shardCount: number }).shardCount;
  const ok = s.reshards.filter((r) => r.result === 'OK').length;
  return `<div class="cards">${[
    card('Records produced', compact(t.recordsProduced), `${int(t.recordsProduced)} over ${clock(s.scenario.durationSeconds)}`),
    card('Acknowledged', pct(t.recordsAcknowledged / Math.max(1, t.recordsProduced)), `${int(t.recordsAcknowledged)} stored`, t.recordsAcknowledged === t.recordsProduced ? 'good' : ''),
    card('Throttled entries', pct(t.throttledShare), `${int(t.recordsThrottled)} refused, ${int(t.retries)} retried`, t.throttledShare > 0 ? 'warn' : 'good'),
    card('Dropped', int(t.recordsDropped), 'gave up after max attempts', t.recordsDropped > 0 ? 'warn' : 'good'),
    card('Latency p50 / p99', `${compact(s.latencyMs.p50)} / ${compact(s.latencyMs.p99)} ms`, `max ${compact(s.latencyMs.max)} ms, create to process`),
    card('Lost / repeated', `${compact(t.lostAtConsumer)} / ${compact(t.duplicatesAtConsumer)}`, `at the consumer; ${int(t.orderingViolations)} out of key order`, t.lostAtConsumer + t.duplicatesAtConsumer + t.orderingViolations > 0 ? 'warn' : 'good'),
    card('Shards', `${initial} \u2192 ${open}`, `${ok} reshard${ok === 1 ? '' : 's'} accepted of ${s.reshards.length}`),
    card('Cost (estimate)', `$${s.cost.estimateUsd.toFixed(s.cost.estimateUsd < 10 ? 4 : 2)}`, `${s.cost.mode}, ${s.cost.prices.region} list prices`),
  ].join('')}</div>`;
}

interface PeriodRow {
  p: number;
}

function periodTable(s: SimulationSummary, caption: string, columns: Column<PeriodRow>[]): string {
  const rows = Array.from({ length: s.metrics.periods }, (_, p) => ({ p }));
  const P = s.metrics.periodSeconds;
  return table(caption, [{ head: 'From', cell: (r) => clock(r.p * P), numeric: true }, ...columns], rows, { scroll: true });
}

interface Ctx {
  s: SimulationSummary;
  prefix: string;
  m: SimulationSummary['metrics'];
  P: number;
  end: number;
  lengthOf: (p: number) => number;
  perSecond: (values: readonly number[]) => number[];
  marker: { atSecond: number; label: string };
}

export function runSections(s: SimulationSummary, prefix: string): string {
  const m = s.metrics;
  const P = m.periodSeconds;
  const end = m.periods * P;
  // Per second over the time each period covers (the last one may end early).
  const lengthOf = (p: number) => Math.max(1e-9, Math.min(P, s.endedAtSecond - p * P));
  const perSecond = (values: readonly number[]) => values.map((v, p) => v / lengthOf(p));
  const marker = { atSecond: s.scenario.durationSeconds, label: 'end of run, drain \u2192' };

  const ctx: Ctx = { s, prefix, m, P, end, lengthOf, perSecond, marker };
  const notes = s.notes.map((note) => `<p class="note">${esc(note)}</p>`);
  return [cards(s), ...notes, ...[throughputSection, heatmapSection, throttlesSection, iteratorAgeSection, lineageSection, skewSection, totalsSection].map((f) => f(ctx))].join('\n');
}

function throughputSection({ s, prefix, m, P, end, lengthOf, perSecond, marker }: Ctx): string {
  const capacity = m.stream.OpenShardCount.map((c) => c * s.limits.writeRecordsPerSecond);
  return section(`${prefix}throughput`, 'Throughput and capacity',
    `Records per second produced, stored (IncomingRecords) and read (OutgoingRecords, Kinesis records), against the write limit of the open shards (${int(s.limits.writeRecordsPerSecond)} records/s each). Values are averages over each ${P}-second period.`,
    pair(lineChart({
      id: `${prefix}chart-throughput`, title: 'Throughput and capacity', description: 'Records per second over simulated time.',
      yTitle: 'Records per second', periodSeconds: P, endSeconds: end, marker,
      series: [
        { label: 'produced', values: perSecond(m.stream.RecordsProduced) },
        { label: 'stored (IncomingRecords)', values: perSecond(m.stream.IncomingRecords) },
        { label: 'write limit of open shards', values: capacity },
        { label: 'read (OutgoingRecords)', values: perSecond(m.stream.OutgoingRecords) },
      ],
    }), periodTable(s, 'Records per second, per period', [
      { head: 'Produced', cell: (r) => m.stream.RecordsProduced[r.p]! / lengthOf(r.p) },
      { head: 'Stored', cell: (r) => m.stream.IncomingRecords[r.p]! / lengthOf(r.p) },
      { head: 'Read', cell: (r) => m.stream.OutgoingRecords[r.p]! / lengthOf(r.p) },
      { head: 'Shards', cell: (r) => m.stream.OpenShardCount[r.p]! },
    ])));
}

function heatmapSection({ s, prefix }: Ctx): string {
  const shards = inKeyOrder(s.shards);
  const rates = new Map(shardRates(s).map((r) => [r.shardId, r.rate]));
  return section(`${prefix}heatmap`, 'Per-shard write load',
    'Each row is a shard in hash-key order, each column a stretch of simulated time. A dark cell is a shard near its write limit; a red corner means writes to it were throttled then. Hatched: the shard did not exist or was closed.',
    `<figure>${heatmap(s, `${prefix}chart-heatmap`)}</figure><br>` + table('Per-shard totals (CloudWatch metric names)', [
      { head: 'Shard', cell: (x) => shortId(x.shardId), numeric: false },
      { head: 'Key range', cell: (x) => `${(keyFraction(x.hashKeyRange.StartingHashKey) * 100).toFixed(1)}\u2013${(keyFraction(x.hashKeyRange.EndingHashKey) * 100).toFixed(1)}%`, numeric: false },
      { head: 'Open (s)', cell: (x) => `${compact(x.openedAtSecond)}\u2013${x.closedAtSecond === null ? '' : compact(x.closedAtSecond)}`, numeric: false },
      { head: 'IncomingRecords', cell: (x) => x.IncomingRecords },
      { head: 'records/s', cell: (x) => Math.round(rates.get(x.shardId) ?? 0) },
      { head: 'WriteProvisionedThroughputExceeded', cell: (x) => x.WriteProvisionedThroughputExceeded },
      { head: 'IncomingBytes', cell: (x) => bytes(x.IncomingBytes), numeric: true },
      { head: 'OutgoingRecords', cell: (x) => x.OutgoingRecords },
      { head: 'OutgoingBytes', cell: (x) => bytes(x.OutgoingBytes), numeric: true },
      { head: 'ReadProvisionedThroughputExceeded', cell: (x) => x.ReadProvisionedThroughputExceeded },
      { head: 'IteratorAge max (ms)', cell: (x) => x.IteratorAgeMillisecondsMax },
    ], shards, { scroll: true }));
}

function throttlesSection({ s, prefix, m, P, end, perSecond, marker }: Ctx): string {
  return section(`${prefix}throttles`, 'Throttles, retries and drops',
    'Entries the engine refused with ProvisionedThroughputExceededException, entries the producers sent again after backing off, and records dropped after their last attempt, per second; and GetRecords calls refused for the read limit.',
    pair(lineChart({
      id: `${prefix}chart-throttles`, title: 'Throttles, retries and drops', description: 'Per second over simulated time.',
      yTitle: 'Per second', periodSeconds: P, endSeconds: end, marker,
      series: [
        { label: 'write throttles (entries)', values: perSecond(m.stream.RecordsThrottled) },
        { label: 'retried entries', values: perSecond(m.stream.Retries) },
        { label: 'dropped records', values: perSecond(m.stream.RecordsDropped) },
        { label: 'read throttles (calls)', values: perSecond(m.stream.ReadProvisionedThroughputExceeded) },
      ],
    }), periodTable(s, 'Per period (counts)', [
      { head: 'Write thr.', cell: (r) => m.stream.RecordsThrottled[r.p]! },
      { head: 'Retried', cell: (r) => m.stream.Retries[r.p]! },
      { head: 'Dropped', cell: (r) => m.stream.RecordsDropped[r.p]! },
      { head: 'Read thr.', cell: (r) => m.stream.ReadProvisionedThroughputExceeded[r.p]! },
    ])));
}

function iteratorAgeSection({ s, prefix, m, P, end, marker }: Ctx): string {
  const behind = m.stream['SubscribeToShardEvent.MillisBehindLatest'];
  const ageMax = Math.max(0, ...m.stream.IteratorAgeMilliseconds, ...(behind ?? []));
  const inSeconds = ageMax >= 10_000;
  const age = (v: number) => (inSeconds ? v / 1000 : v);
  return section(`${prefix}iterator-age`, 'Consumer iterator age',
    `How far behind the consumers read: the age of the last record each GetRecords call returned (IteratorAgeMilliseconds, maximum per ${P}-second period over all shards)${behind === undefined ? '' : ', and for enhanced consumers how far behind the tip each SubscribeToShard event was (SubscribeToShardEvent.MillisBehindLatest, maximum)'}. Latency from a record's creation to its processing: p50 ${int(s.latencyMs.p50)} ms, p99 ${int(s.latencyMs.p99)} ms.`,
    pair(lineChart({
      id: `${prefix}chart-iterator-age`, title: 'Consumer iterator age', description: 'Maximum iterator age per period.',
      yTitle: `IteratorAgeMilliseconds, maximum (${inSeconds ? 'seconds' : 'ms'})`, periodSeconds: P, endSeconds: end, marker,
      series: [
        { label: 'iterator age, max over shards', values: m.stream.IteratorAgeMilliseconds.map(age) },
        ...(behind === undefined ? [] : [{ label: 'enhanced: MillisBehindLatest, max', values: behind.map(age) }]),
      ],
    }), periodTable(s, 'Iterator age per period (ms, maximum)', [
      { head: 'IteratorAge ms', cell: (r) => m.stream.IteratorAgeMilliseconds[r.p]! },
      ...(behind === undefined ? [] : [{ head: 'MillisBehindLatest', cell: (r: { p: number }) => behind[r.p]! }]),
      { head: 'Read records', cell: (r) => m.stream.OutgoingRecords[r.p]! },
    ])));
}

function lineageSection({ s, prefix }: Ctx): string {
  return section(`${prefix}lineage`, 'Shard lineage and resharding',
    'Every shard the stream had, as a box over the time it was open and the hash keys it owned: a split divides a box, a merge joins two. Marks on top are reshard requests, at the time they were made; children open when the stream leaves UPDATING.',
    pair(lineageChart(s, `${prefix}chart-lineage`), s.reshards.length === 0
      ? table('Reshard requests', [{ head: 'None were made', cell: () => '', numeric: false }], [])
      : table('Reshard requests', [
        { head: 'At', cell: (r) => clock(r.atSecond), numeric: true },
        { head: 'Operation', cell: (r) => r.operation, numeric: false },
        { head: 'Detail', cell: (r) => r.operation === 'UpdateShardCount' ? `${r.shardIds.length} \u2192 ${r.targetShardCount}` : r.operation === 'OnDemandScaling' ? `\u2192 ${r.targetShardCount}` : r.shardIds.map(shortId).join(' + '), numeric: false },
        { head: 'Result', cell: (r) => r.result.replace(/Exception$/, ''), numeric: false },
      ], s.reshards, { scroll: true })));
}

function skewSection({ s, prefix }: Ctx): string {
  return section(`${prefix}skew`, 'Key skew',
    `Where the load comes from. Records per shard (per second of open time): the busiest shard carries ${s.skew.maxOverMean.toFixed(2)}\u00d7 the mean, Gini ${s.skew.gini.toFixed(3)} (0 is perfectly even).`,
    pair(topKeysChart(s, `${prefix}chart-top-keys`), table('Top keys', [
      { head: 'Key', cell: (k) => k.key, numeric: false },
      { head: 'Records', cell: (k) => k.records },
      { head: 'Share', cell: (k) => pct(k.share), numeric: true },
      { head: 'Shard', cell: (k) => (k.shardId !== null ? shortId(k.shardId) : k.shardIds.length > 0 ? k.shardIds.map(shortId).join(', ') : 'spread'), numeric: false },
    ], s.hotKeys)) + pair(lorenzChart(s, `${prefix}chart-lorenz`), table('Shards by load (least busy first)', [
      { head: 'Shard', cell: (r) => shortId(r.shardId), numeric: false },
      { head: 'records/s', cell: (r) => Math.round(r.rate) },
      { head: 'Share', cell: (r) => pct(r.rate / Math.max(1e-9, shardRates(s).reduce((a, b) => a + b.rate, 0))), numeric: true },
    ], shardRates(s), { scroll: true })));
}

function totalsSection({ s, prefix }: Ctx): string {
  return section(`${prefix}totals`, 'Totals, consumers and cost', 'Every counter of the run, what each consumer saw, and an estimate of what this traffic would cost on AWS.',
    `<div class="pair wide-table">${totalsTable(s)}<div>${consumersTable(s)}<br>${costTable(s)}</div></div>`);
}

function totalsTable(s: SimulationSummary): string {
  const rows = Object.entries(s.totals).map(([k, v]) => ({ k, v }));
  return table('Totals', [{ head: 'Counter', cell: (r) => r.k, numeric: false }, { head: 'Value', cell: (r) => (r.k === 'throttledShare' ? pct(r.v) : int(r.v)), numeric: true }], rows);
}

function consumersTable(s: SimulationSummary): string {
  if (s.consumers.length === 0) return table('Consumers', [{ head: 'No consumer in this scenario', cell: () => '', numeric: false }], []);
  return table('Consumers', [
    { head: 'Name', cell: (c) => c.name, numeric: false },
    { head: 'Type', cell: (c) => c.type, numeric: false },
    { head: 'Consumed', cell: (c) => c.recordsConsumed },
    { head: 'Lost', cell: (c) => c.lostAtConsumer },
    { head: 'Repeated', cell: (c) => c.duplicatesAtConsumer },
    { head: 'Out of order', cell: (c) => c.orderingViolations },
  ], s.consumers);
}

function costTable(s: SimulationSummary): string {
  const c = s.cost;
  const rows = c.mode === 'PROVISIONED'
    ? [['Shard-hours', c.shardHours.toFixed(3), `$${c.prices.shardHourUsd} each`], ['PUT payload units', int(c.putPayloadUnits), `$${c.prices.putPayloadUnitsPerMillionUsd} per million`]]
    : [['Stream-hours', c.streamHours.toFixed(3), `$${c.prices.onDemandStreamHourUsd} each`], ['GB written', c.gbWritten.toFixed(3), `$${c.prices.onDemandWrittenPerGbUsd} per GB`], ['GB read', c.gbRead.toFixed(3), `$${c.prices.onDemandReadPerGbUsd} per GB`]];
  rows.push(['Estimate', `$${c.estimateUsd.toFixed(4)}`, `${c.pricesSource.overridden ? 'your prices' : `${c.prices.region} list prices, ${c.pricesSource.recordedOn}`}`]);
  return table(`Cost estimate (${c.mode}; not a bill)`, [
    { head: 'Item', cell: (r) => r[0]!, numeric: false },
    { head: 'Quantity', cell: (r) => r[1]!, numeric: true },
    { head: 'Price', cell: (r) => r[2]!, numeric: false },
  ], rows) + `<p class="lead" style="font-size:12px">Prices: <a href="${esc(c.pricesSource.url)}">${esc(c.pricesSource.url)}</a>. Override them with <code>scenario.prices</code>.</p>`;
}
