// The console as a user drives it, in a real Chromium against a real server: create a stream through the form, put
// a record and find it in the records browser, split a shard and see the lineage change, watch a metric chart move
// as the engine's ManualClock advances. Nothing may be fetched from elsewhere, nothing may log an error.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Kinesis, ManualClock } from '../../src/index.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { browserMissing, openBrowser } from '../support/browser.js';

const missing = browserMissing();
if (missing !== undefined) console.log(`console browser test skipped: ${missing}`);

const T0 = Date.UTC(2026, 0, 1, 9, 0);

describe.skipIf(missing !== undefined)('the console in a real browser', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let server: KinesisHttpServer;
  let kinesis: Kinesis;
  let clock: ManualClock;
  let page: Page;
  const errors: string[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    clock = new ManualClock(T0);
    kinesis = new Kinesis({ clock });
    server = await startHttpServer(kinesis);
    browser = await openBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('console', (m) => {
      // The browser logs every 4xx answer; a 400 is an AWS error the page shows (the bad create below).
      if (m.type() === 'error' && !/status of 400/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) foreign.push(r.url());
    });
    page.on('dialog', (d) => void d.accept());
    await page.goto(server.consoleUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the engine clock and an empty list', async () => {
    await expect(page.locator('#engine-time').textContent()).resolves.toBe('2026-01-01 09:00:00 UTC');
    await page.getByText('No data streams yet').waitFor();
  });

  it('creates a stream through the form', async () => {
    await page.getByLabel('Data stream name').fill('orders');
    await page.getByLabel('Provisioned', { exact: false }).first().check();
    await page.getByLabel('Provisioned shards').fill('2');
    await page.getByRole('button', { name: 'Create data stream' }).click();
    await page.waitForURL(/#\/streams\/orders$/);
    await page.locator('.summary').getByText('ACTIVE').waitFor();
    expect(kinesis.describeStreamSummary({ StreamName: 'orders' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
  });

  it('shows AWS’s error text for a bad create', async () => {
    await page.goto(`${server.consoleUrl}#/streams`);
    await page.getByLabel('Data stream name').fill('orders');
    await page.getByRole('button', { name: 'Create data stream' }).click();
    const error = page.locator('.create-form .error:not([hidden])');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('ResourceInUseException: Stream orders under account 000000000000 already exists.');
    await page.locator('tr[data-stream="orders"]').waitFor();
  });

  it('puts a record and finds it in the records browser, as JSON and as hex', async () => {
    await page.goto(`${server.consoleUrl}#/streams/orders/data`);
    await page.getByLabel('Partition key').fill('customer-7');
    await page.getByLabel('Data (UTF-8 text)').fill('{"total": 42}');
    await page.getByRole('button', { name: 'Put record' }).click();
    const result = page.locator('.result.ok');
    await result.waitFor();
    const [, shardId, sequence] = /Put into (shardId-\d+) as sequence number (\d+)\./.exec((await result.textContent())!)!;
    await expect.poll(() => page.getByLabel('Shard').inputValue()).toBe(shardId);
    await page.getByLabel('Show data as').selectOption('json');
    await page.getByRole('button', { name: 'Get records' }).click();
    const row = page.locator(`tr[data-sequence="${sequence}"]`);
    await row.waitFor();
    await expect(row.locator('pre.data-cell').textContent()).resolves.toBe('{\n  "total": 42\n}');
    await row.getByText('customer-7').waitFor();
    await page.getByLabel('Show data as').selectOption('hex');
    await expect(row.locator('pre.data-cell').first().textContent()).resolves.toBe('7b 22 74 6f 74 61 6c 22 3a 20 34 32 7d');
  });

  it('splits a shard at its midpoint and shows the new lineage', async () => {
    await page.goto(`${server.consoleUrl}#/streams/orders/shards`);
    await page.locator('.shard-map [data-shard="shardId-000000000000"]').waitFor();
    await expect(page.locator('.shard-map .shard').count()).resolves.toBe(2);
    await page.locator('.shard-map [data-shard="shardId-000000000000"]').press('Enter'); // keyboard selection
    await page.getByRole('button', { name: 'Split shard' }).click();
    await page.locator('.shard-map [data-shard="shardId-000000000003"]').waitFor();
    await expect(page.locator('.shard-map .shard.closed').count()).resolves.toBe(1);
    await expect(page.locator('.shard-map .shard.open').count()).resolves.toBe(3);
    await expect(page.locator('.shard-map .edge').count()).resolves.toBe(2);
    const graph = kinesis.describeShardGraph({ StreamName: 'orders' });
    expect(graph.Shards.find((s) => s.ShardId === 'shardId-000000000002')?.ParentShardIds).toEqual(['shardId-000000000000']);
    // The children are one row below their parent: the lineage reads top to bottom.
    const parentY = await page.locator('[data-shard="shardId-000000000000"] rect').getAttribute('y');
    const childY = await page.locator('[data-shard="shardId-000000000002"] rect').getAttribute('y');
    expect(Number(childY)).toBeGreaterThan(Number(parentY));
    await expect(page.locator('tr[data-shard-row="shardId-000000000000"] .badge').textContent()).resolves.toBe('CLOSED');
  });

  it('merges the two children back', async () => {
    await page.locator('.shard-map [data-shard="shardId-000000000002"]').click();
    await page.getByLabel('With the adjacent shard').selectOption('shardId-000000000003');
    await page.getByRole('button', { name: 'Merge shards' }).click();
    await page.locator('.shard-map [data-shard="shardId-000000000004"]').waitFor();
    await expect(page.locator('.shard-map .edge').count()).resolves.toBe(4);
  });

  it('draws metric charts that move as records arrive and the engine clock advances', async () => {
    await page.goto(`${server.consoleUrl}#/streams/orders/monitoring`);
    const chart = page.locator('figure.chart[data-metric="IncomingRecords"]');
    await chart.waitFor();
    const before = Number(await chart.getAttribute('data-points'));
    await page.getByRole('button', { name: 'Advance the engine clock by 1 min' }).click();
    await expect.poll(() => page.locator('#engine-time').textContent()).toBe('2026-01-01 09:01:00 UTC');
    for (let i = 0; i < 30; i++) kinesis.putRecord({ StreamName: 'orders', PartitionKey: `k${i}`, Data: new Uint8Array(10) });
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect(chart.locator('.chart-last').textContent()).resolves.toBe('30 at 09:01');
    expect(clock.now()).toBe(T0 + 60_000);
    const box = await chart.locator('svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await chart.locator('path.line').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
  });

  it('changes the retention period and registers a consumer', async () => {
    await page.goto(`${server.consoleUrl}#/streams/orders/configuration`);
    await page.getByLabel('Retention (hours)').fill('48');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.locator('.summary').getByText('48 hours').waitFor();
    await page.getByLabel('Retention (hours)').fill('9000');
    await page.getByRole('button', { name: 'Save retention' }).click();
    const error = page.locator('.settings .error:not([hidden])');
    await error.waitFor();
    // The engine checks the value, not the browser: AWS's own text.
    await expect(error.textContent()).resolves.toBe('InvalidArgumentException: Maximum allowed retention period is 8760 hours. Requested retention period (9000 hours) is too long.');
    await page.goto(`${server.consoleUrl}#/streams/orders/consumers`);
    await page.getByLabel('Consumer name').fill('fraud-detector');
    await page.getByRole('button', { name: 'Register consumer' }).click();
    await page.getByRole('rowheader', { name: 'fraud-detector' }).waitFor();
    expect(kinesis.describeStreamSummary({ StreamName: 'orders' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(48);
  });

  it('moves between tabs with the arrow keys', async () => {
    await page.goto(`${server.consoleUrl}#/streams/orders/monitoring`);
    await page.getByRole('tab', { name: 'Monitoring' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/shards$/);
    // The page re-renders after the URL changes: wait for the selected tab rather than read it at once.
    await page.getByRole('tab', { name: 'Shards', selected: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Shards');
    await expect(page.getByRole('tab', { name: 'Monitoring' }).getAttribute('aria-selected')).resolves.toBe('false');
  });

  it('labels every form control, and fetched nothing from elsewhere and logged no error', async () => {
    for (const tab of ['data', 'configuration', 'consumers', 'shards']) {
      await page.goto(`${server.consoleUrl}#/streams/orders/${tab}`);
      await page.waitForTimeout(300);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML));
      expect(unlabelled, tab).toEqual([]);
    }
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
