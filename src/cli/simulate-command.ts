// `kinesim simulate scenario.json`: runs a scenario file (traces read next to it), prints a short table,
// and optionally writes the summary JSON and the HTML report.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ScenarioError, parseTrace, renderReport, simulate, validateScenario, type Scenario, type ScenarioIssue, type TraceEvent,
} from '../sim/index.js';
import type { CommandSpec } from './args.js';
import { UsageError, flagLabel, flagText } from './args.js';
import type { Command, CommandIo } from './command.js';
import { ProgressBar } from './progress-bar.js';
import { summaryTable } from './summary-table.js';

const spec: CommandSpec = {
  name: 'simulate',
  summary: 'Run a simulation scenario on the kinesim engine and summarise it.',
  details: [
    'Runs the scenario in simulated time on the real engine (throughput limits on) and prints a short table on',
    'stdout. Trace files a scenario names ({"trace": "file.jsonl"}) are read relative to the scenario file.',
    'On a terminal, runs longer than a second show a progress bar on stderr; every run ends with one line on',
    'stderr saying how long it took (--quiet drops it). Exit codes: 0 done, 1 bad scenario or file, 2 bad usage.',
  ].join('\n'),
  positionals: [{ name: 'scenario.json', description: 'The scenario file (see the README\'s scenario reference).', required: true }],
  flags: [
    { name: 'json', kind: 'string', valueName: 'file', description: 'Write the summary JSON to <file> ("-" for stdout, instead of the table).' },
    { name: 'report', kind: 'string', valueName: 'file', description: 'Write the HTML report to <file>.' },
    { name: 'seed', kind: 'number', valueName: 'n', description: 'Override the scenario\'s seed.' },
    { name: 'quiet', short: 'q', kind: 'boolean', description: 'No progress bar and no timing line on stderr.' },
  ],
  examples: [
    'kinesim simulate bench/scenarios/hot-key.json',
    'kinesim simulate scenario.json --json summary.json --report report.html --seed 42',
  ],
};

export const simulateCommand: Command = {
  spec,
  async run(args, io) {
    const file = resolve(io.cwd, args.positionals[0]!);
    const seed = args.flags['seed'];
    if (seed !== undefined && (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > 4_294_967_295)) {
      throw new UsageError(`${flagLabel(args, 'seed')} needs a whole number in 0..4294967295, got '${flagText(args, 'seed')}'`);
    }
    const loaded = loadScenario(file, io);
    if (loaded === undefined) return 1;
    const scenario: Scenario = seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: seed as number };
    const quiet = args.flags['quiet'] === true;
    const bar = new ProgressBar(io, 'simulating');
    let summary;
    try {
      summary = simulate(scenario, { traces: loaded.traces, ...(quiet ? {} : { onProgress: (p) => bar.update(p) }) });
    } catch (e) {
      bar.done();
      if (e instanceof ScenarioError) return scenarioProblems(io, file, e.issues);
      throw e;
    }
    bar.done();
    const json = args.flags['json'] as string | undefined;
    const report = args.flags['report'] as string | undefined;
    if (json === '-') io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      if (json !== undefined) writeFileSync(resolve(io.cwd, json), `${JSON.stringify(summary, null, 2)}\n`);
      io.stdout.write(summaryTable(summary));
    }
    if (report !== undefined) writeFileSync(resolve(io.cwd, report), renderReport(summary));
    if (!quiet) {
      const seconds = bar.elapsedMs() / 1000;
      const rate = summary.totals.recordsProduced / Math.max(seconds, 1e-3);
      io.stderr.write(`simulated ${summary.endedAtSecond} s in ${seconds.toFixed(1)} s of wall time (${(rate / 1e6).toFixed(2)}M records/s)${json !== undefined && json !== '-' ? `; summary: ${json}` : ''}${report !== undefined ? `; report: ${report}` : ''}\n`);
    }
    return 0;
  },
};

/** Reads the scenario and the traces it names; reports every problem (exit 1) as undefined. */
function loadScenario(file: string, io: CommandIo): { scenario: Scenario; traces: Record<string, TraceEvent[]> } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr.write(`kinesim simulate: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return undefined;
  }
  let scenario: unknown;
  try {
    scenario = JSON.parse(text);
  } catch (e) {
    io.stderr.write(`kinesim simulate: ${file} is not valid JSON: ${(e as Error).message}\n`);
    return undefined;
  }
  const traces: Record<string, TraceEvent[]> = {};
  const issues: ScenarioIssue[] = [];
  const producers = (scenario as { producers?: unknown })?.producers;
  (Array.isArray(producers) ? producers : []).forEach((p, i) => {
    const name = (p as { rate?: { trace?: unknown } })?.rate?.trace;
    if (typeof name !== 'string' || name === '' || name in traces) return;
    const path = resolve(dirname(file), name);
    if (!existsSync(path)) {
      issues.push({ field: `scenario.producers[${i}].rate.trace`, problem: `trace file not found: ${path}` });
      return;
    }
    try {
      traces[name] = parseTrace(readFileSync(path, 'utf8'), name);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues.push(...e.issues);
    }
  });
  try {
    // With every named trace counted as present, so a missing file is reported once, as a missing file.
    validateScenario(scenario, allTraceNames(producers));
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    issues.unshift(...e.issues);
  }
  if (issues.length > 0) {
    scenarioProblems(io, file, issues);
    return undefined;
  }
  return { scenario: scenario as Scenario, traces };
}

function allTraceNames(producers: unknown): string[] {
  return (Array.isArray(producers) ? producers : [])
    .map((p) => (p as { rate?: { trace?: unknown } })?.rate?.trace)
    .filter((t): t is string => typeof t === 'string');
}

function scenarioProblems(io: CommandIo, file: string, issues: readonly ScenarioIssue[]): number {
  io.stderr.write(`kinesim simulate: ${file} cannot run:\n${issues.map((i) => `  ${i.field}: ${i.problem}`).join('\n')}\n`);
  return 1;
}
