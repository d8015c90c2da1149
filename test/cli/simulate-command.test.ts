// `kinesim simulate` where a new user trips: output files it cannot write (found before the run, never a crash
// after it), negative and huge --seed values echoed as typed, and --version like every command.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import type { CommandIo } from '../../src/cli/command.js';
import { simulateCommand } from '../../src/cli/simulate-command.js';
import type { Scenario } from '../../src/sim/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'kinesim-simulate-'));
const version: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

function kinesim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tiny: Scenario = {
  name: 'tiny', seed: 5, durationSeconds: 5, stream: { shardCount: 1 },
  producers: [{ rate: { recordsPerSecond: 100 }, keys: { distribution: 'uniform', count: 10 } }],
};
writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tiny));

describe('kinesim simulate output files', () => {
  it('refuses a --json or --report it cannot write before running, naming the flag and the file (exit 1)', () => {
    expect(kinesim('simulate', 'tiny.json', '--json', '/nonexistent-kinesim/dir/x.json')).toEqual({
      code: 1, stdout: '', stderr: 'kinesim simulate: cannot write --json /nonexistent-kinesim/dir/x.json: no such directory /nonexistent-kinesim/dir\n',
    });
    expect(kinesim('simulate', 'tiny.json', '--report', '/nonexistent-kinesim/r.html')).toEqual({
      code: 1, stdout: '', stderr: 'kinesim simulate: cannot write --report /nonexistent-kinesim/r.html: no such directory /nonexistent-kinesim\n',
    });
    mkdirSync(join(dir, 'taken.html'));
    expect(kinesim('simulate', 'tiny.json', '--report', 'taken.html')).toMatchObject({
      code: 1, stderr: 'kinesim simulate: cannot write --report taken.html: it is a directory\n',
    });
    expect(kinesim('simulate', 'tiny.json', '--json', 'tiny.json/x.json')).toMatchObject({
      code: 1, stderr: `kinesim simulate: cannot write --json tiny.json/x.json: ${join(dir, 'tiny.json')} is not a directory\n`,
    });
  });

  it('leaves an existing output file as it is when refusing, and overwrites it when the run succeeds', () => {
    writeFileSync(join(dir, 'kept.json'), 'previous');
    expect(kinesim('simulate', 'tiny.json', '--json', 'kept.json', '--report', '/nonexistent-kinesim/r.html').code).toBe(1);
    expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe('previous');
    expect(existsSync('/nonexistent-kinesim')).toBe(false);
    expect(kinesim('simulate', 'tiny.json', '--json', 'kept.json', '-q').code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8'))).toMatchObject({ scenario: { name: 'tiny', seed: 5 } });
  });

  it.skipIf(process.getuid?.() === 0)('refuses a directory without write permission', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    expect(kinesim('simulate', 'tiny.json', '--json', 'locked/x.json')).toMatchObject({
      code: 1, stderr: `kinesim simulate: cannot write --json locked/x.json: no permission to write in ${locked}\n`,
    });
  });

  it('says so, exit 1, when an output cannot be written after the run after all, and still makes the others', async () => {
    const out = join(dir, 'vanishing');
    mkdirSync(out);
    const stdout: string[] = [];
    const stderr: string[] = [];
    let nowMs = 0;
    const io: CommandIo = {
      stdout: { write: (t: string) => stdout.push(t) },
      // The progress bar's first draw, mid-run, is when the directory disappears (removed by someone else).
      stderr: { isTTY: true, write: (t: string) => (rmSync(out, { recursive: true, force: true }), stderr.push(t)) },
      cwd: dir,
      nowMs: () => (nowMs += 2000),
    };
    const args = parseArgs(simulateCommand.spec, ['tiny.json', '--json', 'vanishing/x.json', '--report', 'after.html']);
    expect(await simulateCommand.run(args, io)).toBe(1);
    expect(stderr.join('')).toMatch(/kinesim simulate: cannot write --json vanishing\/x\.json: ENOENT: no such file or directory/);
    expect(stdout.join('')).toContain('tiny'); // the table
    expect(existsSync(join(dir, 'after.html'))).toBe(true);
  });
});

describe('kinesim simulate flags', () => {
  it.each([
    [['--seed', '-1'], "kinesim: --seed needs a whole number in 0..4294967295, got '-1'\n"],
    [['--seed', '99999999999999999999'], "kinesim: --seed needs a whole number in 0..4294967295, got '99999999999999999999'\n"],
    [['--seed=1.5'], "kinesim: --seed needs a whole number in 0..4294967295, got '1.5'\n"],
    [['--quiet=maybe'], "kinesim: --quiet needs true or false, got 'maybe'\n"],
  ])('%j is refused by its range check, echoing the value as typed (exit 2)', (args, message) => {
    expect(kinesim('simulate', 'tiny.json', ...args)).toMatchObject({ code: 2, stderr: message });
  });

  it('--version and -v print the version, like every command and kinesim itself', () => {
    for (const args of [['simulate', '--version'], ['simulate', '-v'], ['simulate', 'tiny.json', '--version'], ['serve', '-v'], ['-v']]) {
      expect(kinesim(...args)).toEqual({ code: 0, stdout: `kinesim ${version}\n`, stderr: '' });
    }
    expect(kinesim('simulate', '--help').stdout).toMatch(/-v, --version +Show the version and exit\./);
  });
});
