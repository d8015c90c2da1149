// `npm run demo`: kinesim's three uses, in one process, with no network, as a newcomer first sees them:
//   1. a producer and a consumer (test/demo/producer-consumer.ts),
//   2. resharding with its lineage (test/demo/reshard-lineage.ts),
//   3. partition strategies compared in the simulation lab, with its HTML report (test/demo/strategy-comparison.ts).
//
//   npm run demo [-- report.html]       (or KINESIM_DEMO_REPORT=report.html npm run demo)
//
// Everything printed is deterministic (a ManualClock, seeded generators) except the last line's wall time.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kinesis, ManualClock } from '../src/index.js';
import { producerConsumer, type DemoStream } from './demo/producer-consumer.js';
import { reshardLineage } from './demo/reshard-lineage.js';
import { sensorReadings } from './demo/sensor-readings.js';
import { strategyComparison } from './demo/strategy-comparison.js';

/** Where the HTML report goes: the first argument, else $KINESIM_DEMO_REPORT, else the working directory. */
const DEFAULT_REPORT_FILE = 'kinesim-demo-report.html';

const wallStartMs = performance.now();
const reportPath = resolve(process.argv[2] ?? process.env['KINESIM_DEMO_REPORT'] ?? DEFAULT_REPORT_FILE);
const startMs = Date.UTC(2026, 0, 1);
const clock = new ManualClock(startMs);
const stream: DemoStream = {
  kinesis: new Kinesis({ clock, accountId: '123456789012', region: 'us-east-1' }),
  clock,
  StreamName: 'sensor-readings',
  reading: sensorReadings(42),
};

const section = (title: string) => console.log(`\n== ${title}\n`);
console.log('kinesim demo: an in-memory Kinesis Data Streams, its three uses in one process.');

section('1. A producer and a consumer (what a unit test does)');
producerConsumer(stream);

section('2. Resharding, and the lineage it leaves');
reshardLineage(stream, startMs);

section('3. Partition strategies compared in the simulation lab');
const html = strategyComparison();
writeFileSync(reportPath, html);
console.log(`\nHTML report (charts per strategy: shard heatmaps, throughput, latency, lineage, cost): ${reportPath}`);

const simulatedS = (clock.now() - startMs) / 1000;
console.log(`\ndone: parts 1 and 2 moved the clock ${simulatedS} s; the whole demo took ${((performance.now() - wallStartMs) / 1000).toFixed(1)} s of real time`);
