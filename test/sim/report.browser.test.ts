// The HTML report as a user opens it: in a real Chromium, from a file, with no network. Every chart must
// render (an SVG with content and a size), nothing may be fetched, nothing may log an error.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStrategies, renderReport, simulate, type Scenario } from '../../src/sim/index.js';
import { browserMissing, openBrowser } from '../support/browser.js';

const missing = browserMissing();
if (missing !== undefined) console.log(`report browser test skipped: ${missing}`);

const scenario: Scenario = {
  name: 'Report check', description: 'A hot key on a growing stream.', seed: 4, durationSeconds: 900,
  stream: { shardCount: 2, reshardSeconds: 10 },
  producers: [{ rate: { shape: 'ramp', from: 500, to: 2500 }, keys: { distribution: 'zipf', count: 2000, exponent: 1.1 } }],
  consumers: [{ type: 'polling', intervalMs: 500 }],
  scaling: { policy: 'schedule', events: [[120, { UpdateShardCount: 4 }], [300, { SplitShard: 'hottest' }], [420, { UpdateShardCount: 100 }]] },
};

const RUN_CHARTS = ['chart-throughput', 'chart-heatmap', 'chart-throttles', 'chart-iterator-age', 'chart-lineage', 'chart-top-keys', 'chart-lorenz'];

describe.skipIf(missing !== undefined)('the HTML report in a real browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinesim-report-'));
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string, name: string) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== `file://${file}`) requests.push(r.url());
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, errors, requests, file };
  }

  async function expectChart(page: Awaited<ReturnType<typeof open>>['page'], id: string, minShapes: number) {
    const chart = page.locator(`svg#${id}`);
    await expect(chart.count()).resolves.toBe(1);
    const box = await chart.boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.width, id).toBeGreaterThan(200);
    expect(box!.height, id).toBeGreaterThan(100);
    const shapes = await chart.locator('rect, path, polyline, polygon, circle, line').count();
    expect(shapes, id).toBeGreaterThanOrEqual(minShapes);
    expect(await chart.locator('title').first().textContent(), id).not.toBe('');
  }

  it('renders every chart of a run, fetches nothing and logs no error', async () => {
    const summary = simulate(scenario);
    expect(summary.reshards.some((r) => r.result !== 'OK')).toBe(true);
    const html = renderReport(summary);
    expect(html).not.toMatch(/<script|<link |@import|src="http/i);
    const { page, errors, requests } = await open(html, 'run');
    for (const id of RUN_CHARTS) await expectChart(page, id, 8);
    // The heatmap has a cell per shard and column; the lineage a box per shard.
    expect(await page.locator('svg#chart-heatmap rect').count()).toBeGreaterThan(summary.shards.length * 10);
    expect(await page.locator('svg#chart-lineage rect').count()).toBeGreaterThanOrEqual(summary.shards.length);
    // Every chart has a table beside it with the exact numbers.
    expect(await page.locator('section table').count()).toBeGreaterThanOrEqual(RUN_CHARTS.length);
    await expect(page.locator('h1').textContent()).resolves.toBe('Report check');
    const png = join(dir, 'run.png');
    await page.screenshot({ path: png, fullPage: true });
    console.log(`report screenshot: ${png}`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('renders a comparison: its chart, its table and each run', async () => {
    const comparison = compareStrategies({ ...scenario, durationSeconds: 180, scaling: { policy: 'none' } }, ['key', { salt: 4 }]);
    const { page, errors, requests } = await open(renderReport(comparison), 'comparison');
    await expectChart(page, 'chart-comparison', 8);
    await expect(page.locator('#comparison table tbody tr').count()).resolves.toBe(2);
    for (const run of ['r0-', 'r1-']) for (const id of RUN_CHARTS) await expectChart(page, `${run}${id}`, 4);
    await page.screenshot({ path: join(dir, 'comparison.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
