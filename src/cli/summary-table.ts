// The short table `kinesim simulate` prints on stdout: the numbers a reader checks first.

import type { SimulationSummary } from '../sim/index.js';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.001 ? 3 : 1)}%`;

export function summaryTable(s: SimulationSummary): string {
  const t = s.totals;
  const stream = s.scenario['stream'] as { mode: string; shardCount: number };
  const open = s.shards.filter((x) => x.closedAtSecond === null).length;
  const refused = s.reshards.filter((r) => r.result !== 'OK').length;
  const rows: [string, string][] = [
    ['records produced', int(t.recordsProduced)],
    ['acknowledged', `${int(t.recordsAcknowledged)}  (${pct(t.recordsAcknowledged / Math.max(1, t.recordsProduced))})`],
    ['consumed', int(t.recordsConsumed)],
    ['throttled entries', `${int(t.recordsThrottled)}  (${pct(t.throttledShare)} of entries sent)`],
    ['retried / dropped', `${int(t.retries)} / ${int(t.recordsDropped)}`],
    ['lost / repeated / out of key order', `${int(t.lostAtConsumer)} / ${int(t.duplicatesAtConsumer)} / ${int(t.orderingViolations)}`],
    ['latency p50 / p99 / max', `${int(s.latencyMs.p50)} / ${int(s.latencyMs.p99)} / ${int(s.latencyMs.max)} ms`],
    ['skew', `busiest shard ${s.skew.maxOverMean.toFixed(2)}x the mean, Gini ${s.skew.gini.toFixed(3)}`],
    ['shards', `${stream.mode === 'ON_DEMAND' ? 'on-demand' : stream.shardCount} -> ${open} open (${s.shards.length} in all)`],
    ['reshards', `${s.reshards.length - refused} done, ${refused} refused`],
    ['cost estimate', `$${s.cost.estimateUsd.toFixed(4)} (${s.cost.mode}, ${s.cost.pricesSource.overridden ? 'your prices' : `${s.cost.prices.region} list prices`})`],
  ];
  const hot = s.hotKeys.slice(0, 3).map((k) => `${k.key} ${pct(k.share)}${k.shardId === null ? '' : ` (${k.shardId})`}`).join(', ');
  if (hot !== '') rows.push(['hottest keys', hot]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  const head = `${s.scenario.name}: ${s.scenario.durationSeconds} s simulated, seed ${s.scenario.seed}`;
  return `${head}\n${'-'.repeat(head.length)}\n${rows.map(([k, v]) => `${k.padEnd(width)}${v}`).join('\n')}\n`;
}
