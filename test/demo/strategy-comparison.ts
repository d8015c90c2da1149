// Part 3 of `npm run demo`: the simulation lab. The hot-key workload of bench/scenarios/hot-key.json, shortened,
// run once per partition strategy on the real engine in simulated time, compared side by side, and rendered
// as the lab's HTML report. (The package exports these as `kinesim/sim` and `kinesim/report`.)

import { readFileSync } from 'node:fs';
import { compareStrategies, type ComparisonRow, type Scenario, type Variant } from '../../src/sim/index.js';
import { renderReport } from '../../src/report/index.js';

/** Simulated seconds of producing: three of CloudWatch's one-minute periods, so the report's charts have a shape; a few seconds of real time. */
export const DEMO_DURATION_SECONDS = 180;

const VARIANTS: Variant[] = [
  { name: 'key (as is)', strategy: 'key' },
  { name: 'salt 4', strategy: { salt: 4 } },
  { name: 'salt 16', strategy: { salt: 16 } },
  { name: 'random key', strategy: 'random' },
];

/** Runs the comparison, prints its table and a one-line reading of it; returns the HTML report. */
export function strategyComparison(): string {
  const file = new URL('../../bench/scenarios/hot-key.json', import.meta.url);
  const base = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  const scenario: Scenario = { ...base, durationSeconds: DEMO_DURATION_SECONDS };
  console.log(`scenario bench/scenarios/hot-key.json: ${base.description ?? ''}`);
  console.log(`simulating its first ${DEMO_DURATION_SECONDS} s once per strategy (${VARIANTS.map((v) => v.name).join(', ')}); this takes a few seconds...`);
  const comparison = compareStrategies(scenario, VARIANTS, { onProgress: showProgress });
  if (process.stderr.isTTY === true) process.stderr.write('\r\x1b[2K');
  console.log(`\n${comparisonTable(comparison.rows)}\n`);
  console.log(reading(comparison.rows));
  return renderReport(comparison, { title: `kinesim demo: ${base.name ?? 'hot key'}, one workload under ${VARIANTS.length} partition strategies` });
}

/** On a terminal, which variant is running and how far it is, redrawn in place on stderr. */
function showProgress(variant: number, variants: number, p: { fraction: number }): void {
  if (process.stderr.isTTY !== true) return;
  process.stderr.write(`\r\x1b[2K  strategy ${variant + 1}/${variants}: ${Math.floor(p.fraction * 100)}%`);
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.001 ? 3 : 1)}%`;

/** A fixed-width table: one row per strategy, numbers right-aligned. */
export function comparisonTable(rows: readonly ComparisonRow[]): string {
  const head = ['strategy', 'throttled', 'dropped', 'out of key order', 'latency p99', 'busiest shard', 'cost (est.)'];
  const body = rows.map((r) => [
    r.name, pct(r.throttledShare), int(r.recordsDropped), int(r.orderingViolations),
    `${int(r.latencyP99Ms)} ms`, `${r.skewMaxOverMean.toFixed(2)}x mean`, `$${r.estimateUsd.toFixed(4)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** What the table says, in words, from its own numbers. */
function reading(rows: readonly ComparisonRow[]): string {
  const [asIs, ...others] = rows;
  if (asIs === undefined) return '';
  const clean = others.filter((r) => r.throttledShare === 0).map((r) => r.name);
  const first = `'${asIs.name}' puts the hot key on one shard: ${pct(asIs.throttledShare)} of writes throttled, ${int(asIs.recordsDropped)} records dropped after their last retry.`;
  if (clean.length === 0) return `${first}\nNo strategy here ends the throttling; try more salt or more shards.`;
  return `${first}\n${clean.join(' and ')} end the throttling; the price is per-key order, as a key's records now land on several shards\n(under '${asIs.name}', the records out of key order are the ones that were throttled and resent).`;
}
