// The README's TypeScript examples run as written (imports of 'kinesim' point at src/), so the README
// cannot drift from the code. Examples that define vitest tests register them here.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const outDir = `${root}test/.readme/`;
mkdirSync(outDir, { recursive: true });

const logged: string[] = [];
const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
  logged.push(args.map(String).join(' '));
});
afterAll(() => spy.mockRestore());

const files = blocks.map((code, i) => {
  const file = `${outDir}example-${i + 1}.ts`;
  const wired = code
    .replaceAll("from 'kinesim/aws-sdk'", `from '${root}src/adapters/aws-sdk.ts'`)
    .replaceAll("from 'kinesim/http'", `from '${root}src/server/http-server.ts'`)
    .replaceAll("from 'kinesim'", `from '${root}src/index.ts'`);
  writeFileSync(file, wired);
  return file;
});

// Importing runs each example; one that throws fails the file here.
const logsPerExample: string[][] = [];
for (const file of files) {
  const before = logged.length;
  await import(/* @vite-ignore */ file);
  logsPerExample.push(logged.slice(before));
}

describe('README examples', () => {
  it('has the examples this test expects', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it('prints what the first example says it prints', () => {
    const out = logsPerExample[0]!;
    expect(out).toContain('ExpiredIteratorException');
    expect(out).toContain('true Stream missing under account 123456789012 not found.');
    expect(out[0]).toMatch(/^\d{56} 0$/);
  });

  it('prints the limits and the routes the limits example says it prints', () => {
    expect(logged).toContain('1000 300000');
    expect(logged).toContain('0,2');
  });

  it('starts and stops a real server in the HTTP example', () => {
    expect(logged.some((line) => /^http:\/\/127\.0\.0\.1:\d+$/.test(line))).toBe(true);
  });

  it('puts every user record of the per-shard aggregation example where KCL keeps it', () => {
    expect(logged).toContain('8 0');
    expect(logged).toContain('2530 2520 2508 2442 10000');
  });

  it('renders a lineage diagram in the lineage example', () => {
    const out = logsPerExample.find((lines) => lines.some((l) => l.includes('flowchart')));
    expect(out?.join('\n')).toContain('EXPIRED');
  });
});
