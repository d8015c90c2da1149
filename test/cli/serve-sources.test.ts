// `kinesim serve` with its flags from elsewhere than the command line (KINESIM_* variables, a --config file), the
// console and health URLs it prints, a manual clock, and errors naming a bad value by where it came from; and the
// shared flag layer every command uses (simulate included).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, type CommandSpec } from '../../src/cli/args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'kinesim-serve-'));
const main = join(root, 'src/cli/main.ts');

function kinesim(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', tsx, main, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `kinesim serve`, waits for its banner, and returns what it printed and a stop function. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', tsx, main, 'serve', ...args], { cwd: dir, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/engine clock: .*\n/.test(stdout)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const stop = () => new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.once('exit', (code) => resolve({ code, stderr }));
    child.kill('SIGTERM');
  });
  return { stdout, stop };
}

describe('kinesim serve', () => {
  it('prints the endpoint, the console and health URLs and the clock, runs a manual clock, and stops on SIGTERM', async () => {
    const { stdout, stop } = await serve(['--port', '0', '--manual-clock', '2026-01-01T00:00:00Z', '--region', 'eu-west-1']);
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+) \(region eu-west-1, account 000000000000\); Ctrl-C to stop\n/.exec(stdout)![1]!;
      expect(stdout).toContain(`kinesim serve: console at ${url}/_kinesim/\n`);
      expect(stdout).toContain(`kinesim serve: health at ${url}/_kinesim/health; engine clock: manual, at 2026-01-01T00:00:00.000Z (the console advances it)\n`);
      const health = await (await fetch(`${url}/_kinesim/health`)).json();
      expect(health).toMatchObject({ ok: true, engineTime: '2026-01-01T00:00:00.000Z' });
      expect((await fetch(`${url}/`)).status).toBe(403);
      expect((await fetch(`${url}/_kinesim/`)).status).toBe(200);
    } finally {
      const { code, stderr } = await stop();
      expect(code).toBe(0);
      expect(stderr).toContain('kinesim serve: stopped');
    }
  });

  it('says it runs on the system clock without --manual-clock', async () => {
    const { stdout, stop } = await serve(['--port', '0']);
    await stop();
    expect(stdout).toMatch(/health at http:\/\/127\.0\.0\.1:\d+\/_kinesim\/health; engine clock: the system clock\n$/);
  });

  it('takes every flag from KINESIM_* variables and from --config, the command line winning', async () => {
    writeFileSync(join(dir, 'kinesim.json'), JSON.stringify({ region: 'ap-south-1', 'manual-clock': '2030-05-05T00:00:00Z', console: false, port: 1 }));
    const { stdout, stop } = await serve(['--config', 'kinesim.json', '--port', '0'], { KINESIM_ACCOUNT: '123456789012', KINESIM_REGION: 'us-west-2' });
    try {
      expect(stdout).toMatch(/\(region us-west-2, account 123456789012\)/); // the variable beats the file
      expect(stdout).toContain('manual, at 2030-05-05T00:00:00.000Z'); // from the file
      expect(stdout).toContain('kinesim serve: console off (--console=false)\n'); // console: false
      const url = /listening on (\S+) /.exec(stdout)![1]!;
      expect((await fetch(`${url}/_kinesim/`)).status).toBe(404);
    } finally {
      await stop();
    }
  });

  it('names a bad value by where it came from', () => {
    expect(kinesim(['serve'], { KINESIM_PORT: 'abc' })).toMatchObject({ code: 2, stderr: "kinesim: KINESIM_PORT needs a number, got 'abc'\n" });
    expect(kinesim(['serve'], { KINESIM_PORT: '70000' })).toMatchObject({ code: 2, stderr: "kinesim: KINESIM_PORT must be a whole number from 0 to 65535, got '70000'\n" });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ 'throughput-limits': 'maybe' }));
    expect(kinesim(['serve', '--config', 'bad.json']).stderr).toBe("kinesim: throughput-limits in bad.json needs true or false, got 'maybe'\n");
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ prot: 1 }));
    expect(kinesim(['serve', '--config', 'typo.json']).stderr).toMatch(/^kinesim: config file typo.json: unknown setting 'prot' \(the settings are the flags: port, host, /);
    expect(kinesim(['serve', '--config', 'missing.json']).stderr).toBe('kinesim: cannot read config file missing.json: ENOENT\n');
    expect(kinesim(['serve', '--port', '0'], { KINESIM_ACCOUNT: '12' }).stderr).toBe("kinesim: KINESIM_ACCOUNT must be twelve digits, got '12'\n");
    writeFileSync(join(dir, 'retention.json'), JSON.stringify({ 'metrics-retention-ms': 90_000 }));
    expect(kinesim(['serve', '--config', 'retention.json']).stderr).toBe(
      "kinesim: metrics-retention-ms in retention.json must be a whole number of minutes in ms (a multiple of 60000) >= 0, got '90000'\n");
    expect(kinesim(['serve'], { KINESIM_SAVE_EVERY: '5' }).stderr).toBe('kinesim: KINESIM_SAVE_EVERY needs --state <file>\n');
    expect(kinesim(['serve', '--manual-clock', 'soon']).stderr).toMatch(/^kinesim: --manual-clock needs a start time/);
    // --version only from the command line: a KINESIM_VERSION a container sets for its own reasons is not a flag.
    writeFileSync(join(dir, 'version.json'), JSON.stringify({ version: true }));
    expect(kinesim(['serve', '--config', 'version.json']).stderr).toMatch(/^kinesim: config file version.json: unknown setting 'version'/);
  });

  it('gives a restored engine (--state) the clock and metrics retention asked for: they are not state', async () => {
    const first = await serve(['--port', '0', '--state', 'kept.bin', '--manual-clock', '2026-01-01T00:00:00Z']);
    expect((await first.stop()).code).toBe(0);
    const second = await serve(['--port', '0', '--state', 'kept.bin', '--manual-clock', '2030-01-01T00:00:00Z', '--metrics-retention-ms', '60000']);
    try {
      expect(second.stdout).toContain('engine clock: manual, at 2030-01-01T00:00:00.000Z');
      const url = /listening on (\S+) /.exec(second.stdout)![1]!;
      expect((await (await fetch(`${url}/_kinesim/health`)).json()).engineTime).toBe('2030-01-01T00:00:00.000Z');
    } finally {
      const { stderr } = await second.stop();
      expect(stderr).toContain('kinesim serve: restored the engine from');
      expect(stderr).not.toContain('ignored');
    }
  });

  it('keeps --version to the command line, whatever KINESIM_VERSION holds', async () => {
    const { stdout, stop } = await serve(['--port', '0'], { KINESIM_VERSION: '1.2.3' });
    await stop();
    expect(stdout).toMatch(/^kinesim serve: listening on /);
  });

  it('documents the variables in --help', () => {
    const help = kinesim(['serve', '--help']).stdout;
    expect(help).toContain('--manual-clock [start]');
    for (const flag of ['--metrics-retention-ms <ms>', '--console', '--allowed-host <names>']) expect(help).toContain(flag);
    expect(help).toContain('--config <file.json>');
    expect(help).toContain('Every flag can also come from an environment variable (--port: KINESIM_PORT) or from --config.');
  });
});

describe('the shared flag layer', () => {
  const spec: CommandSpec = {
    name: 'demo', summary: '', positionals: [],
    flags: [{ name: 'tls-cert', kind: 'string', description: '' }, { name: 'quiet', kind: 'boolean', description: '' }, { name: 'n', kind: 'number', description: '' }],
  };

  it('reads KINESIM_<FLAG> (dashes as underscores) for flags not given, and records where each came from', () => {
    const args = parseArgs(spec, ['--n', '3'], { env: { KINESIM_TLS_CERT: 'c.pem', KINESIM_QUIET: 'yes', KINESIM_N: '9', KINESIM_OTHER: 'x' } });
    expect(args.flags).toEqual({ n: 3, 'tls-cert': 'c.pem', quiet: true });
    expect(args.origins).toEqual({ n: '--n', 'tls-cert': 'KINESIM_TLS_CERT', quiet: 'KINESIM_QUIET' });
  });

  it('never reads a command-line-only flag from a variable or the file', () => {
    const only: CommandSpec = { ...spec, flags: [...spec.flags, { name: 'dry-run', kind: 'boolean', commandLineOnly: true, description: '' }] };
    expect(parseArgs(only, [], { env: { KINESIM_DRY_RUN: 'true' } }).flags).toEqual({});
    expect(parseArgs(only, ['--dry-run']).flags).toEqual({ 'dry-run': true });
    // --version is every command's, and as command-line-only as that.
    expect(parseArgs(only, [], { env: { KINESIM_VERSION: 'true' } }).version).toBe(false);
  });

  it('gives kinesim simulate its flags from variables too, named when bad', () => {
    const r = kinesim(['simulate', 'missing.json'], { KINESIM_SEED: 'abc' });
    expect(r).toMatchObject({ code: 2, stderr: "kinesim: KINESIM_SEED needs a number, got 'abc'\n" });
  });
});
