// renderReport(): one self-contained HTML page (inline SVG and CSS, no script, no network) for a run, a
// comparison of runs, or a minimum-shards search.

import type { Comparison } from '../sim/compare-strategies.js';
import { strategyLabel } from '../sim/strategy-label.js';
import type { MinimumShards } from '../sim/find-minimum-shards.js';
import type { SimulationSummary } from '../sim/summary.js';
import { comparisonChart } from './comparison-chart.js';
import { clock, esc, int, pct, table } from './html.js';
import { runSections } from './run-sections.js';
import { STYLES } from './styles.js';

/** What renderReport draws: a simulate() summary, a compareStrategies() comparison or a findMinimumShards() result. */
export type Reportable = SimulationSummary | Comparison | MinimumShards;

/** Renders a self-contained HTML report (a string to write to a .html file). */
export function renderReport(input: Reportable, options: { title?: string } = {}): string {
  switch (input.kind) {
    case 'kinesim-simulation':
      return page(options.title ?? input.scenario.name, header(input) + runSections(input, ''));
    case 'kinesim-comparison':
      return page(options.title ?? `${input.scenario}: comparison`, comparisonBody(input));
    case 'kinesim-minimum-shards':
      return page(options.title ?? `${input.summary.scenario.name}: minimum shards`, minimumBody(input));
  }
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kinesim"><title>${esc(title)}</title><style>${STYLES}</style></head>
<body><main>
${body}
<footer>Made by kinesim's simulation lab: the real kinesim engine (throughput limits on) under a simulated clock, driven by seeded producers and consumers. The same scenario and seed give the same numbers. A simulation, not a measurement of AWS.</footer>
</main></body></html>
`;
}

function header(s: SimulationSummary): string {
  const sc = s.scenario as Record<string, unknown> & { name: string; description?: string };
  const stream = sc['stream'] as { mode: string; shardCount: number; reshardSeconds: number };
  const producers = sc['producers'] as { name: string; strategy: unknown; rate: Record<string, unknown> }[];
  const scaling = (sc['scaling'] as { policy: string }).policy;
  const facts = [
    ['Seed', String(s.scenario.seed)],
    ['Duration', `${clock(s.scenario.durationSeconds)} simulated (ended at ${clock(s.endedAtSecond)})`],
    ['Stream', stream.mode === 'ON_DEMAND' ? 'ON_DEMAND' : `${stream.shardCount} shards, PROVISIONED`],
    ['Producers', producers.map((p) => `${p.name} (${strategyLabel(p.strategy)})`).join(', ')],
    ['Consumers', String((sc['consumers'] as unknown[]).length)],
    ['Scaling', scaling],
    ['Metrics period', `${s.metrics.periodSeconds} s`],
  ];
  return `<header class="report"><h1>${esc(sc.name)}</h1>${sc.description ? `<p>${esc(sc.description)}</p>` : ''}<div class="facts">${facts.map(([k, v]) => `<span>${esc(k!)}: <b>${esc(v!)}</b></span>`).join('')}</div></header>`;
}

function comparisonBody(c: Comparison): string {
  const rows = c.rows;
  const tableHtml = table('Side by side', [
    { head: 'Variant', cell: (r) => r.name, numeric: false },
    { head: 'Throttled', cell: (r) => pct(r.throttledShare), numeric: true },
    { head: 'Retries', cell: (r) => r.retries },
    { head: 'Dropped', cell: (r) => r.recordsDropped },
    { head: 'Out of key order', cell: (r) => r.orderingViolations },
    { head: 'Lost', cell: (r) => r.lostAtConsumer },
    { head: 'p50 ms', cell: (r) => r.latencyP50Ms },
    { head: 'p99 ms', cell: (r) => r.latencyP99Ms },
    { head: 'Max/mean', cell: (r) => r.skewMaxOverMean.toFixed(2), numeric: true },
    { head: 'Gini', cell: (r) => r.gini.toFixed(3), numeric: true },
    { head: 'Shards (end)', cell: (r) => `${r.shardCount} \u2192 ${r.shardsAtEnd}`, numeric: true },
    { head: 'Cost (USD, est.)', cell: (r) => r.estimateUsd.toFixed(4), numeric: true },
  ], rows);
  const runs = c.runs.map((s, i) => `<details class="run" open><summary>${esc(rows[i]!.name)}</summary>${runSections(s, `r${i}-`)}</details>`).join('\n');
  return `<header class="report"><h1>${esc(c.scenario)}: ${rows.length} variants compared</h1><p>One workload, the same seed, run once per variant. Each run's full report follows the table.</p></header>`
    + `<section id="comparison"><h2>Comparison</h2><p class="lead">Throttling, tail latency, load skew and cost of each variant. The table below has every number.</p><figure>${comparisonChart(rows, 'chart-comparison')}</figure><br>${tableHtml}</section>${runs}`;
}

function minimumBody(r: MinimumShards): string {
  const answer = r.shardCount === null ? `No shard count up to ${r.tried[r.tried.length - 1]?.shardCount ?? '?'} keeps throttling at or under ${pct(r.maxThrottledShare)}.` : `<b>${r.shardCount} shards</b> is the fewest that keep throttled entries at or under ${pct(r.maxThrottledShare)}.`;
  const tried = table('Shard counts tried', [
    { head: 'Shards', cell: (t) => t.shardCount },
    { head: 'Throttled', cell: (t) => pct(t.throttledShare), numeric: true },
    { head: 'Within bound', cell: (t) => (t.passes ? 'yes' : 'no'), numeric: false },
  ], r.tried);
  return `<header class="report"><h1>${esc(r.summary.scenario.name)}: minimum shards</h1><p>${answer}</p><p>Searched by doubling, then bisecting, with scaling off; ${int(r.tried.length)} runs. The report of the run at the answer follows.</p></header>`
    + `<section id="search"><h2>Search</h2>${tried}</section>` + runSections(r.summary, '');
}
