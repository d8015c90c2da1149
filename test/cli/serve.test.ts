// `kinesim serve` as people run it: spawned, flags from the command line, KINESIM_* variables and a --config file,
// the console and health URLs printed, a manual clock, clear errors naming a bad value, a clean stop on SIGTERM.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
      if (/^clock /m.test(stdout)) resolve();
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
  it('prints the endpoint, the console and health URLs, runs a manual clock, and stops on SIGTERM', async () => {
    const { stdout, stop } = await serve(['--port', '0', '--manual-clock', '2026-01-01T00:00:00Z', '--region', 'eu-west-1']);
    try {
      const url = /serving Kinesis at (http:\/\/127\.0\.0\.1:\d+) \(region eu-west-1, account 000000000000\)/.exec(stdout)![1]!;
      expect(stdout).toContain(`console  ${url}/_kinesim/\n`);
      expect(stdout).toContain('clock    manual clock at 2026-01-01T00:00:00.000Z\n');
      const health = await (await fetch(`${url}/_kinesim/health`)).json();
      expect(health).toMatchObject({ ok: true, engineTime: '2026-01-01T00:00:00.000Z' });
      expect((await fetch(`${url}/`)).status).toBe(403);
    } finally {
      const { code, stderr } = await stop();
      expect(code).toBe(0);
      expect(stderr).toContain('kinesim: stopped');
    }
  });

  it('takes every flag from KINESIM_* variables and from --config, the command line winning', async () => {
    writeFileSync(join(dir, 'kinesim.json'), JSON.stringify({ region: 'ap-south-1', 'manual-clock': '2030-05-05T00:00:00Z', console: false, port: 1 }));
    const { stdout, stop } = await serve(['--config', 'kinesim.json', '--port', '0'], { KINESIM_ACCOUNT_ID: '123456789012', KINESIM_REGION: 'us-west-2' });
    try {
      expect(stdout).toMatch(/\(region us-west-2, account 123456789012\)/); // the variable beats the file
      expect(stdout).toContain('manual clock at 2030-05-05T00:00:00.000Z'); // from the file
      expect(stdout).not.toContain('console  '); // console: false
    } finally {
      await stop();
    }
  });

  it('names a bad value by where it came from', () => {
    expect(kinesim(['serve'], { KINESIM_PORT: 'abc' })).toMatchObject({ code: 2, stderr: "kinesim: KINESIM_PORT needs a number, got 'abc'\n" });
    expect(kinesim(['serve', '--port', '70000'])).toMatchObject({ code: 2, stderr: "kinesim: --port needs a port number 0..65535, got '70000'\n" });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ 'throughput-limits': 'maybe' }));
    expect(kinesim(['serve', '--config', 'bad.json']).stderr).toBe("kinesim: throughput-limits in bad.json needs true or false, got 'maybe'\n");
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ prot: 1 }));
    expect(kinesim(['serve', '--config', 'typo.json']).stderr).toMatch(/^kinesim: config file typo.json: unknown setting 'prot' \(the settings are the flags: port, host, /);
    expect(kinesim(['serve', '--config', 'missing.json']).stderr).toBe('kinesim: cannot read config file missing.json: ENOENT\n');
    expect(kinesim(['serve', '--port', '0'], { KINESIM_ACCOUNT_ID: '12' }).stderr).toBe(
      'kinesim: KINESIM_ACCOUNT_ID: Kinesis option accountId must be twelve digits, got 12\n');
    expect(kinesim(['serve', '--manual-clock', 'soon']).stderr).toMatch(/^kinesim: --manual-clock needs a start time/);
  });

  it('says so when the port is taken', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = busy.address() as { port: number };
      const r = kinesim(['serve', '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`kinesim: cannot listen on 127.0.0.1:${port} (EADDRINUSE); choose another port with --port\n`);
    } finally {
      busy.close();
    }
  });

  it('documents the variables in --help', () => {
    const help = kinesim(['serve', '--help']).stdout;
    expect(help).toContain('--manual-clock [start]');
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
});
