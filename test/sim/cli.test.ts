// `kinesim` end to end: spawned as a user would run it (through tsx, on the sources), plus its flag parser.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, type CommandSpec } from '../../src/cli/args.js';
import { simulate, type Scenario } from '../../src/sim/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** tsx's loader by absolute URL, so the CLI can run from any working directory. */
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'kinesim-cli-'));

function kinesim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tiny: Scenario = {
  name: 'tiny', seed: 5, durationSeconds: 20, stream: { shardCount: 2 },
  producers: [{ rate: { recordsPerSecond: 400 }, keys: { distribution: 'zipf', count: 50, exponent: 1 } }],
};
writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tiny));

describe('kinesim simulate', () => {
  it('runs a scenario file, prints a table, writes the summary JSON and the report', () => {
    const r = kinesim('simulate', 'tiny.json', '--json', 'out.json', '--report', 'report.html');
    expect(r.stderr).toMatch(/^simulated 2\d(\.\d+)? s in [\d.]+ s of wall time/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tiny: 20 s simulated, seed 5$/m);
    expect(r.stdout).toMatch(/^records produced\s+8,000$/m);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(`${JSON.stringify(simulate(tiny), null, 2)}\n`);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg id="chart-heatmap"');
  });

  it('takes --seed over the scenario, and --json - puts the summary on stdout', () => {
    const r = kinesim('simulate', 'tiny.json', '--seed', '9', '--json', '-', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(simulate({ ...tiny, seed: 9 }))));
  });

  it('reads a trace next to the scenario, and names the field when the file is missing', () => {
    const sub = mkdtempSync(join(dir, 'trace-'));
    writeFileSync(join(sub, 'events.jsonl'), Array.from({ length: 100 }, (_, i) => JSON.stringify({ t: i * 50, key: `k${i % 4}`, bytes: 10 })).join('\n'));
    writeFileSync(join(sub, 'replay.json'), JSON.stringify({ durationSeconds: 10, stream: { shardCount: 1 }, producers: [{ rate: { trace: 'events.jsonl' } }] }));
    const ok = kinesim('simulate', join(sub, 'replay.json'), '--json', '-');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).totals.recordsProduced).toBe(100);
    writeFileSync(join(sub, 'missing.json'), JSON.stringify({ durationSeconds: 10, stream: { shardCount: 1 }, producers: [{ rate: { trace: 'gone.jsonl' } }] }));
    const bad = kinesim('simulate', join(sub, 'missing.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`scenario.producers[0].rate.trace: trace file not found: ${join(sub, 'gone.jsonl')}`);
  });

  it('refuses a bad scenario with every problem named, before running (exit 1)', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...tiny, producers: [{ rate: { recordsPerSecond: -1 }, keys: { distribution: 'zipf', count: 5, exponent: 0 } }], extra: true }));
    const r = kinesim('simulate', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('scenario.extra: unknown field');
    expect(r.stderr).toContain('scenario.producers[0].rate.recordsPerSecond: must be >= 0, got -1');
    expect(r.stderr).toContain('scenario.producers[0].keys.exponent: must be > 0, got 0');
    writeFileSync(join(dir, 'broken.json'), '{ "durationSeconds": ');
    expect(kinesim('simulate', 'broken.json').stderr).toMatch(/broken\.json is not valid JSON/);
    expect(kinesim('simulate', 'absent.json')).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read') });
  });

  it('has --help, --version, and exit code 2 naming a bad flag or command', () => {
    const help = kinesim('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+simulate\s+Run a simulation scenario/m);
    const sub = kinesim('simulate', '--help');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--report <file>');
    const version = kinesim('--version');
    expect(version.stdout.trim()).toBe(`kinesim ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}`);
    expect(kinesim('simulate', 'tiny.json', '--colour')).toMatchObject({ code: 2, stderr: "kinesim: unknown flag --colour for 'kinesim simulate' (see 'kinesim simulate --help')\n" });
    expect(kinesim('serve-everything')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'serve-everything'") });
    expect(kinesim('simulate')).toMatchObject({ code: 2, stderr: expect.stringContaining('missing <scenario.json>') });
    expect(kinesim()).toMatchObject({ code: 2 });
  });
});

describe('the shared flag parser', () => {
  const spec: CommandSpec = {
    name: 'demo', summary: 'demo', positionals: [{ name: 'file', description: '', required: true }],
    flags: [{ name: 'out', kind: 'string', description: '' }, { name: 'n', kind: 'number', description: '' }, { name: 'quiet', short: 'q', kind: 'boolean', description: '' }],
  };

  it('reads --flag value, --flag=value, short booleans and --', () => {
    expect(parseArgs(spec, ['a.json', '--out=x', '--n', '3', '-q'])).toEqual({
      positionals: ['a.json'], flags: { out: 'x', n: 3, quiet: true }, help: false, version: false,
      origins: { out: '--out', n: '--n', quiet: '--quiet' }, texts: { out: 'x', n: '3', quiet: 'true' },
    });
    expect(parseArgs(spec, ['--', '--odd-name.json']).positionals).toEqual(['--odd-name.json']);
    expect(parseArgs(spec, ['--help']).help).toBe(true);
  });

  it('names what is wrong', () => {
    const bad = (argv: string[]) => () => parseArgs(spec, argv);
    expect(bad(['a', '--n', 'x'])).toThrow(new UsageError("--n needs a number, got 'x'"));
    expect(bad(['a', '--out'])).toThrow(new UsageError('--out needs a value: --out <value>'));
    expect(bad(['a', '--out', '1', '--out', '2'])).toThrow(new UsageError('--out given twice'));
    expect(bad(['a', 'b'])).toThrow(new UsageError("unexpected argument 'b' (usage: kinesim demo <file> [flags])"));
    expect(bad(['a', '-z'])).toThrow(new UsageError("unknown flag -z for 'kinesim demo' (see 'kinesim demo --help')"));
  });
});
