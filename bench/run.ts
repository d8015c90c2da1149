// Runs the benchmarks (all, or those named in argv), each in its own process so heaps and page
// faults do not leak between them, then prints the summary table for the README.
//
//   npm run bench [-- put get ...]      full sizes (several minutes)
//   npm run bench:smoke                 tiny sizes, a few seconds: CI keeps the benchmarks alive

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SMOKE } from './support/mode.js';
import { summaryTable, type BenchResult } from './support/report.js';

type Bench = () => Promise<BenchResult>;

const BENCHES: Record<string, () => Promise<{ run: Bench }>> = {
  md5: () => import('./md5.js'),
  put: () => import('./put.js'),
  floor: () => import('./floor.js'),
  get: () => import('./get.js'),
  seek: () => import('./seek.js'),
  reshard: () => import('./reshard.js'),
  retention: () => import('./retention.js'),
  memory: () => import('./memory.js'),
  peer: () => import('./peer.js'),
  server: () => import('./server.js'),
  'serve-startup': () => import('./serve-startup.js'),
  sim: () => import('./sim.js'),
  subscribe: () => import('./subscribe.js'),
  snapshot: () => import('./snapshot.js'),
  faults: () => import('./faults.js'),
  metrics: () => import('./metrics.js'),
};

const CHILD_FLAG = '--bench-child';

async function child(name: string): Promise<void> {
  const load = BENCHES[name];
  if (load === undefined) throw new Error(`unknown benchmark ${name}`);
  const result = await (await load()).run();
  process.send!(result);
}

function runInChild(name: string): Promise<BenchResult> {
  return new Promise((resolve) => {
    // fork() reuses this process's execArgv: the tsx loader and --expose-gc.
    const proc = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, name], { stdio: 'inherit' });
    let result: BenchResult | undefined;
    proc.on('message', (m) => (result = m as BenchResult));
    proc.on('exit', (code, signal) => {
      resolve(result ?? { bench: name, figures: [], skipped: `crashed (exit ${code ?? signal})` });
    });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === CHILD_FLAG) return child(argv[1]!);
  const unknown = argv.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const names = argv.length > 0 ? argv : Object.keys(BENCHES);
  console.log(`kinesim benchmarks${SMOKE ? ' (smoke mode)' : ''}: ${names.join(', ')}`);
  const results: BenchResult[] = [];
  for (const name of names) results.push(await runInChild(name));
  console.log('\n## Summary\n');
  console.log(summaryTable(results, SMOKE));
  const crashed = results.filter((r) => r.skipped?.startsWith('crashed'));
  if (crashed.length > 0) process.exitCode = 1;
}

await main();
