// Runs the example scenarios as the comparisons the README shows, prints their result tables (markdown),
// writes each comparison's HTML report, and screenshots one report for the README.
//
//   npx tsx bench/scenarios/run.ts [out-dir] [hot-key|daily|hot-shard|on-demand|fan-out|kpl ...]
//
// Reports go to out-dir (default: a new temporary directory). The screenshot (bench/scenarios/report.png)
// is taken with Debian's Chromium when /usr/bin/chromium exists.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareStrategies, renderReport, type Comparison, type Scenario, type StrategySpec, type Variant } from '../../src/sim/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const load = (name: string) => JSON.parse(readFileSync(join(here, name), 'utf8')) as Scenario;

interface Example {
  id: string;
  title: string;
  file: string;
  variants: (Variant | StrategySpec)[];
}

const EXAMPLES: Example[] = [
  {
    id: 'hot-key', title: 'Hot key vs salted vs random keys', file: 'hot-key.json',
    variants: [
      { name: 'key (as is)', strategy: 'key' },
      { name: 'salt 4', strategy: { salt: 4 } },
      { name: 'salt 16', strategy: { salt: 16 } },
      { name: 'random key', strategy: 'random' },
      { name: 'explicit-spread', strategy: 'explicit-spread' },
    ],
  },
  {
    id: 'daily', title: 'Daily cycle: target scaling vs fixed shards', file: 'daily-sine-target.json',
    variants: [
      { name: 'target scaling from 1 shard' },
      { name: 'fixed 2 shards', shardCount: 2, scaling: { policy: 'none' } },
    ],
  },
  {
    id: 'hot-shard', title: 'Hot-shard split vs uniform scaling vs none', file: 'hot-shard-split.json',
    variants: [
      { name: 'hot-shard split' },
      { name: 'target (UpdateShardCount)', scaling: { policy: 'target', cooldownSeconds: 300, max: 16 } },
      { name: 'no scaling', scaling: { policy: 'none' } },
    ],
  },
  {
    id: 'on-demand', title: 'On-demand scaling vs AUTO distribution vs provisioned', file: 'on-demand.json',
    variants: [
      { name: 'on-demand (key)' },
      { name: 'on-demand, AUTO distribution', strategy: 'auto' },
      { name: 'provisioned 10 shards', stream: { shardCount: 10 } },
    ],
  },
  {
    id: 'fan-out', title: 'Three consumers: polling vs enhanced fan-out', file: 'enhanced-fan-out.json',
    variants: [
      { name: 'three polling consumers' },
      { name: 'three enhanced consumers', consumers: ['billing', 'search', 'audit'].map((name) => ({ type: 'enhanced' as const, name })) },
      {
        name: 'one polling, two enhanced',
        consumers: [{ type: 'polling', name: 'billing', intervalMs: 1000 }, ...['search', 'audit'].map((name) => ({ type: 'enhanced' as const, name }))],
      },
    ],
  },
  {
    id: 'kpl', title: 'KPL aggregation vs none', file: 'kpl-aggregation.json',
    variants: [{ name: 'KPL aggregation', strategy: 'kpl' }, { name: 'one record per entry', strategy: 'key' }],
  },
];

function markdown(c: Comparison): string {
  const rows = c.rows.map((r) => [
    r.name,
    `${(r.throttledShare * 100).toFixed(r.throttledShare > 0 && r.throttledShare < 0.001 ? 3 : 1)}%`,
    r.recordsDropped.toLocaleString('en-US'),
    r.orderingViolations.toLocaleString('en-US'),
    r.lostAtConsumer.toLocaleString('en-US'),
    `${r.latencyP50Ms.toLocaleString('en-US')} / ${r.latencyP99Ms.toLocaleString('en-US')}`,
    `${r.skewMaxOverMean.toFixed(2)}x`,
    `${r.shardCount} -> ${r.shardsAtEnd}`,
    String(r.reshardsOk),
    `$${r.estimateUsd.toFixed(3)}`,
  ]);
  const head = ['variant', 'throttled', 'dropped', 'out of key order', 'lost', 'latency p50 / p99 ms', 'busiest shard / mean', 'shards', 'reshards', 'cost (est.)'];
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

async function screenshot(html: string, png: string): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    console.error('no /usr/bin/chromium: screenshot skipped');
    return;
  }
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'kinesim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1360, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await context.newPage();
  const file = join(profile, 'report.html');
  writeFileSync(file, html);
  await page.goto(`file://${file}`);
  await page.screenshot({ path: png, fullPage: true, clip: { x: 0, y: 0, width: 1360, height: 1750 } });
  await context.close();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = args[0] !== undefined && !EXAMPLES.some((e) => e.id === args[0]) ? args.shift()! : mkdtempSync(join(tmpdir(), 'kinesim-scenarios-'));
  mkdirSync(outDir, { recursive: true });
  const chosen = EXAMPLES.filter((e) => args.length === 0 || args.includes(e.id));
  for (const example of chosen) {
    const t0 = performance.now();
    const comparison = compareStrategies(load(example.file), example.variants, {
      onProgress: (i, n, p) => process.stderr.write(`\r${example.id}: variant ${i + 1}/${n}, ${Math.round(p.fraction * 100)}%   `),
    });
    process.stderr.write(`\r${example.id}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    const html = renderReport(comparison, { title: example.title });
    writeFileSync(join(outDir, `${example.id}.html`), html);
    console.log(`\n### ${example.title}\n\n${markdown(comparison)}\n`);
    if (example.id === 'hot-shard') {
      // The README's picture: the first variant's own report, under the scenario's own name.
      const run = comparison.runs[0]!;
      await screenshot(renderReport({ ...run, scenario: { ...run.scenario, name: load(example.file).name ?? example.title } }), join(here, 'report.png'));
    }
  }
  console.error(`reports: ${outDir}`);
}

await main();
