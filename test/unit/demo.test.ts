// `npm run demo` end to end, run as a user runs it (through tsx, on the sources): its three parts show what they
// claim, the HTML report lands where it is told (argument, KINESIM_DEMO_REPORT, else the working directory), and
// two runs print the same thing.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const STRATEGIES = ['key (as is)', 'salt 4', 'salt 16', 'random key'];

function demo(args: string[], reportEnv: string | undefined) {
  const cwd = mkdtempSync(join(tmpdir(), 'kinesim-demo-'));
  const env = { ...process.env };
  delete env['KINESIM_DEMO_REPORT'];
  if (reportEnv !== undefined) env['KINESIM_DEMO_REPORT'] = reportEnv;
  const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'test/demo.ts'), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const sections = r.stdout.split(/^== /m);
  const reportPath = /^HTML report .*: (.+)$/m.exec(r.stdout)?.[1];
  return { cwd, stdout: r.stdout, sections, reportPath };
}

/** The lines of one part, found by its number. */
function part(sections: string[], n: number): string {
  const found = sections.find((s) => s.startsWith(`${n}. `));
  expect(found, `part ${n}`).toBeDefined();
  return found!;
}

describe('npm run demo', () => {
  let first: ReturnType<typeof demo>;
  beforeAll(() => {
    first = demo([], undefined);
  });

  it('shows a producer and a consumer: every record put is read back as it was put', () => {
    const text = part(first.sections, 1);
    const put = [...text.matchAll(/^PutRecord (\{.*\}) -> shardId-\d{12} \d+$/gm)].map((m) => m[1]);
    const got = [...text.matchAll(/^ {4}GetRecords: \S+ @ \S+: (\{.*\})$/gm)].map((m) => m[1]);
    expect(put).toHaveLength(10);
    expect([...got].sort()).toEqual([...put].sort());
    expect(text).toMatch(/^read back 10 of 10 records put; identical to what was put: 10 of 10$/m);
  });

  it('shows a reshard and its lineage: the open shards cover the key space once, and every record is counted', () => {
    const text = part(first.sections, 2);
    expect(text).toMatch(/^ {2}SplitShard shardId-000000000000 at hash key \d+$/m);
    expect(text).toMatch(/^ {2}MergeShards shardId-\d{12} \+ shardId-\d{12}$/m);
    expect(text).toMatch(/^ {2}UpdateShardCount 2 -> 3 /m);
    const consumed = /^lineage-order consumer read (\d+) records from (\d+) shards; every sensor in write order: true$/m.exec(text);
    expect(consumed).not.toBeNull();
    const rows = [...text.matchAll(/^ {2}#(\d+)\s+(OPEN|CLOSED)\s+(\d+) rec {2}([█·]+) {2}(.+)$/gm)];
    expect(rows).toHaveLength(Number(consumed![2]));
    // Part 1's ten records plus part 2's, on whichever shard they landed.
    expect(rows.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(Number(consumed![1]));
    const open = rows.filter((r) => r[2] === 'OPEN').map((r) => r[4]!);
    expect(open).toHaveLength(3);
    for (let column = 0; column < open[0]!.length; column++) expect(open.filter((bar) => bar[column] === '█')).toHaveLength(1);
    expect(rows.map((r) => r[5]).join('\n')).toMatch(/split from #0.*\n(.*\n)*.*merged from #\d+ \+ #\d+/);
    expect(text).toContain('flowchart TD');
  });

  it('compares partition strategies: one table row each, hot key throttled, random key not', () => {
    const text = part(first.sections, 3);
    const table = STRATEGIES.map((name) => {
      const row = new RegExp(`^ {2}${name.replace(/[()]/g, '\\$&')} +([\\d.]+)% +[\\d,]+ +[\\d,]+ +[\\d,]+ ms +[\\d.]+x mean +\\$[\\d.]+$`, 'm').exec(text);
      expect(row, name).not.toBeNull();
      return Number(row![1]);
    });
    expect(table[0]).toBeGreaterThan(0);
    expect(table[3]).toBe(0);
  });

  it('writes the HTML report, charts and all, to the working directory by default', () => {
    expect(first.reportPath).toBe(join(first.cwd, 'kinesim-demo-report.html'));
    const html = readFileSync(first.reportPath!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg id="chart-comparison"');
    STRATEGIES.forEach((name, i) => {
      expect(html).toContain(name);
      for (const chart of ['heatmap', 'throughput', 'lineage']) expect(html).toContain(`<svg id="r${i}-chart-${chart}"`);
    });
  });

  it('takes the report path from KINESIM_DEMO_REPORT or its argument (which wins), and prints the same both times', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'kinesim-demo-out-'));
    const fromEnv = join(elsewhere, 'env.html');
    const fromArg = join(elsewhere, 'arg.html');
    const second = demo([fromArg], fromEnv);
    expect(second.reportPath).toBe(fromArg);
    expect(existsSync(fromEnv)).toBe(false);
    expect(existsSync(join(second.cwd, 'kinesim-demo-report.html'))).toBe(false);
    expect(readFileSync(fromArg, 'utf8')).toBe(readFileSync(first.reportPath!, 'utf8'));
    const stable = (out: string) => out.replace(/^(HTML report .*: ).+$/m, '$1<path>').replace(/took [\d.]+ s of real time/, 'took <t>');
    expect(stable(second.stdout)).toBe(stable(first.stdout));
    const third = demo([], fromEnv);
    expect(third.reportPath).toBe(fromEnv);
    expect(existsSync(fromEnv)).toBe(true);
  });
});
