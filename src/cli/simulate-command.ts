// `kinesim simulate scenario.json`: runs a scenario file (traces read next to it), prints a short table,
// and optionally writes the summary JSON and the HTML report.

import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ScenarioError, parseTrace, renderReport, simulate, validateScenario, type Scenario, type ScenarioIssue, type TraceEvent,
} from '../sim/index.js';
import { UsageError, flagLabel, flagText, type CommandSpec, type ParsedArgs } from './args.js';
import { CommandFailure, type Command, type CommandIo } from './command.js';
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
    // Before the run, which may take minutes: its result must not be lost to a typo in a path.
    const outputs = (['json', 'report'] as const).filter((flag) => args.flags[flag] !== undefined && args.flags[flag] !== '-');
    for (const flag of outputs) {
      const problem = unwritable(resolve(io.cwd, args.flags[flag] as string));
      if (problem !== undefined) throw new CommandFailure(`cannot write ${flagLabel(args, flag)} ${args.flags[flag] as string}: ${problem}`);
    }
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
    // A write that fails even so (disk full, the directory removed meanwhile) is said, and the other outputs still made.
    let written = true;
    if (json === '-') io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      if (json !== undefined) written = writeOutput(args, io, 'json', `${JSON.stringify(summary, null, 2)}\n`);
      io.stdout.write(summaryTable(summary));
    }
    if (report !== undefined) written = writeOutput(args, io, 'report', renderReport(summary)) && written;
    if (!quiet) {
      const seconds = bar.elapsedMs() / 1000;
      const rate = summary.totals.recordsProduced / Math.max(seconds, 1e-3);
      if (!written) return 1;
      io.stderr.write(`simulated ${summary.endedAtSecond} s in ${seconds.toFixed(1)} s of wall time (${(rate / 1e6).toFixed(2)}M records/s)${json !== undefined && json !== '-' ? `; summary: ${json}` : ''}${report !== undefined ? `; report: ${report}` : ''}\n`);
    }
    return written ? 0 : 1;
  },
};

/** Why `path` cannot be written, found without creating or truncating anything; undefined when it can be. */
function unwritable(path: string): string | undefined {
  try {
    const existing = statOrUndefined(path);
    if (existing?.isDirectory()) return 'it is a directory';
    if (existing !== undefined) return writable(path) ? undefined : 'no permission to write it';
    const dir = dirname(path);
    const parent = statOrUndefined(dir);
    if (parent === undefined) return `no such directory ${dir}`;
    if (!parent.isDirectory()) return `${dir} is not a directory`;
    return writable(dir) ? undefined : `no permission to write in ${dir}`;
  } catch (error) {
    return (error as Error).message;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes the output file of --json or --report; says why on stderr (false) when it cannot. */
function writeOutput(args: ParsedArgs, io: CommandIo, flag: 'json' | 'report', text: string): boolean {
  const shown = args.flags[flag] as string;
  try {
    writeFileSync(resolve(io.cwd, shown), text);
    return true;
  } catch (error) {
    io.stderr.write(`kinesim simulate: cannot write ${flagLabel(args, flag)} ${shown}: ${(error as Error).message}\n`);
    return false;
  }
}

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
