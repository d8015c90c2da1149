// serve-startup: how soon `kinesim serve` (the built CLI, dist/cli.js) is ready after it is started: from spawn to its
// "listening on" line, and from the process's own start (Node's performance.now() origin) to that line, next to a bare
// `node -e 0` spawned the same way in the same run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './support/measure.js';
import { size } from './support/mode.js';
import { Reporter, type BenchResult } from './support/report.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./support/ready-probe.mjs', import.meta.url));
const RUNS = size(15, 3);

/** Wall ms from spawn to the first stdout line, and the process's own ms to it (from the probe). */
function startOnce(): Promise<{ spawnMs: number; processMs: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', PROBE, CLI, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => {
      const spawnMs = performance.now() - t0;
      // The probe writes its line before the listening line reaches stdout; give stderr a moment to arrive.
      setTimeout(() => {
        child.kill('SIGKILL');
        const match = /ready-probe: ([\d.]+) ms/.exec(stderr);
        if (match === null) reject(new Error(`no probe line in: ${stderr}`));
        else resolve({ spawnMs, processMs: Number(match[1]) });
      }, 20);
    });
    child.once('exit', (code) => code !== null && code !== 0 && reject(new Error(`kinesim serve exited ${code}: ${stderr}`)));
  });
}

function bareNode(): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).once('exit', () => resolve(performance.now() - t0));
  });
}

export async function run(): Promise<BenchResult> {
  const report = new Reporter('serve-startup');
  if (!existsSync(CLI)) {
    const reason = 'dist/cli.js is missing: run `npm run build` first';
    report.info(`skipped: ${reason}`);
    return { bench: 'serve-startup', figures: [], skipped: reason };
  }
  const spawnMs: number[] = [];
  const processMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bareMs.push(await bareNode());
    const start = await startOnce();
    spawnMs.push(start.spawnMs);
    processMs.push(start.processMs);
  }
  const range = (values: number[]) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)} ms over ${values.length} runs`;
  report.add('kinesim serve: process start to ready', median(processMs), 'ms', { target: { op: '<=', value: 200 }, note: range(processMs) });
  report.add('kinesim serve: spawn to ready', median(spawnMs), 'ms', { note: range(spawnMs) });
  report.add('baseline: spawn to exit of node -e 0', median(bareMs), 'ms', { note: range(bareMs) });
  return { bench: 'serve-startup', figures: report.figures };
}
