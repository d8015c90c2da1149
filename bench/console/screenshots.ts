// Screenshots of the console for the README: a server on a ManualClock with half an hour of traffic (a load that
// rises and throttles a hot shard, a polling consumer, a split and a merge), opened in Chromium at 1280 px.
//
//   npx tsx bench/console/screenshots.ts [out-dir]      (default: bench/console)

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kinesis, ManualClock } from '../../src/index.js';
import { startHttpServer } from '../../src/server/http-server.js';
import { browserMissing, openBrowser } from '../../test/support/browser.js';
import { XorShift32 } from '../support/prng.js';

const T0 = Date.UTC(2026, 2, 14, 9, 0);
const out = process.argv[2] ?? fileURLToPath(new URL('.', import.meta.url));

/** Half an hour of engine time on 'orders': records every second, a consumer every 5 s, a split and a merge. */
function traffic(kinesis: Kinesis, clock: ManualClock): void {
  const rng = new XorShift32(11);
  const iterators = new Map<string, string | undefined>();
  const encoder = new TextEncoder();
  for (let second = 0; second < 30 * 60; second++) {
    const minute = second / 60;
    const spike = minute > 14 && minute < 19;
    const rate = Math.round(900 + 600 * Math.sin(minute / 5) + (spike ? 1500 : 0));
    for (let sent = 0; sent < rate; sent += 500) {
      const n = Math.min(500, rate - sent);
      const records = Array.from({ length: n }, (_, i) => {
        // Half the records go to one hot customer during the spike, more than its shard's 1,000 records/s.
        const key = spike && i % 2 === 0 ? 'customer-hot' : `customer-${rng.next() % 5000}`;
        return { PartitionKey: key, Data: encoder.encode(JSON.stringify({ order: second * 1000 + sent + i, customer: key, total: rng.next() % 500 })) };
      });
      kinesis.putRecords({ StreamName: 'orders', Records: records });
    }
    if (second % 60 === 0) kinesis.putRecord({ StreamName: 'clicks', PartitionKey: `page-${second}`, Data: encoder.encode(`/products/${second % 7}`) });
    if (second % 5 === 0) consume(kinesis, iterators);
    if (second === 12 * 60) kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: (1n << 127n).toString() });
    if (second === 23 * 60) kinesis.mergeShards({ StreamName: 'orders', ShardToMerge: 'shardId-000000000004', AdjacentShardToMerge: 'shardId-000000000002' });
    clock.advance(1000);
  }
}

/** A polling consumer: every visible shard from TRIM_HORIZON, children once their parents are read to the end. */
function consume(kinesis: Kinesis, iterators: Map<string, string | undefined>): void {
  for (const shard of kinesis.listShards({ StreamName: 'orders' }).Shards ?? []) {
    if (!iterators.has(shard.ShardId)) {
      const parentsDone = [shard.ParentShardId, shard.AdjacentParentShardId].every((p) => p === undefined || (iterators.has(p) && iterators.get(p) === undefined));
      if (!parentsDone) continue;
      iterators.set(shard.ShardId, kinesis.getShardIterator({ StreamName: 'orders', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator);
    }
    const iterator = iterators.get(shard.ShardId);
    if (iterator === undefined) continue;
    try {
      const page = kinesis.getRecords({ ShardIterator: iterator, Limit: 2000 });
      iterators.set(shard.ShardId, page.NextShardIterator);
    } catch {
      // throttled: try again next time
    }
  }
}

async function main(): Promise<void> {
  const missing = browserMissing();
  if (missing !== undefined) {
    console.error(`screenshots skipped: ${missing}`);
    return;
  }
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, throughputLimits: true });
  kinesis.createStream({ StreamName: 'orders', ShardCount: 3 });
  kinesis.enableEnhancedMonitoring({ StreamName: 'orders', ShardLevelMetrics: ['ALL'] });
  kinesis.createStream({ StreamName: 'clicks', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  kinesis.createStream({ StreamName: 'audit-log', ShardCount: 1 });
  kinesis.increaseStreamRetentionPeriod({ StreamName: 'audit-log', RetentionPeriodHours: 168 });
  const arn = kinesis.describeStreamSummary({ StreamName: 'orders' }).StreamDescriptionSummary.StreamARN;
  kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'fraud-detector' });
  traffic(kinesis, clock);

  const server = await startHttpServer(kinesis);
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    mkdirSync(out, { recursive: true });
    const shot = async (hash: string, file: string, wait: string, fullPage = false) => {
      await page.goto(`${server.consoleUrl}${hash}`);
      await page.locator(wait).first().waitFor();
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(out, file), fullPage });
      console.log(`wrote ${join(out, file)}`);
    };
    await shot('#/streams', 'streams.png', 'tr[data-stream="orders"]');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${server.consoleUrl}#/streams/orders/monitoring`);
    await page.getByLabel('Time range').selectOption({ label: '1 hour' });
    await page.locator('figure.chart[data-points]:not([data-points="0"])').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'monitoring.png') });
    console.log(`wrote ${join(out, 'monitoring.png')}`);
    await shot('#/streams/orders/shards', 'shards.png', '.shard-map .shard', true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.consoleUrl}#/streams/orders/data`);
    await page.getByLabel('Show data as').selectOption('json');
    await page.getByLabel('Limit').fill('6');
    await page.getByRole('button', { name: 'Get records' }).click();
    await page.locator('tr[data-sequence]').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, 'data-viewer.png'), fullPage: true });
    console.log(`wrote ${join(out, 'data-viewer.png')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
