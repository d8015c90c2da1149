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
    .replaceAll("from 'kinesim/sim'", `from '${root}src/sim/index.ts'`)
    .replaceAll("from 'kinesim/report'", `from '${root}src/report/index.ts'`)
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

  it('prints the events the SubscribeToShard example says it prints', () => {
    expect(logsPerExample.find((lines) => lines.includes('0,1 false'))).toEqual(['0,1 false', '0']);
  });

  it('starts and stops a real server in the HTTP example, printing its URL and its console URL', () => {
    const out = logsPerExample.find((lines) => lines.some((line) => /^http:\/\/127\.0\.0\.1:\d+$/.test(line)))!;
    expect(out[1]).toBe(`${out[0]}/_kinesim/`);
  });

  it('puts every user record of the per-shard aggregation example where KCL keeps it', () => {
    expect(logged).toContain('8 0');
    expect(logged).toContain('2530 2520 2508 2442 10000');
  });

  it('spreads records without keys in the AUTO example', () => {
    expect(logged).toContain('AUTO spread true');
    expect(logged).toContain('has key false');
  });

  it('shows a channel delivery in the channel example', () => {
    expect(logged).toContain('CREATING');
    expect(logged.some((line) => /^order-archive kinesis-channel\/orders-to-s3\/[0-9a-f-]{36}\/2026\/01\/01\/00\/orders-to-s3-[0-9a-f-]{36}-2026-01-01-00-05-000001\.json$/.test(line))).toBe(true);
    expect(logged).toContain(JSON.stringify('{"total":12}\n'));
  });

  it('runs the simulation lab example: a throttled hot key, a comparison, a minimum, a report', () => {
    const out = logsPerExample.find((lines) => lines.some((l) => l.includes('% throttled')));
    expect(out?.[0]).toBe('true key-0');
    expect(out?.[1]).toMatch(/^key, 4 shards: [\d.]+% throttled,salt 8, 4 shards: [\d.]+% throttled,random, 4 shards: 0\.0% throttled$/);
    expect(Number(out?.[2])).toBeGreaterThanOrEqual(3);
    expect(out?.[3]).toBe('true');
  });

  it('reads CloudWatch-shaped metrics in the metrics example', () => {
    const out = logsPerExample.find((lines) => lines.some((l) => l.includes('40 1 40 Bytes')));
    expect(out).toEqual(['2026-01-01T00:00:00.000Z 40 1 40 Bytes,2026-01-01T00:01:00.000Z 5 1 5 Bytes', '1']);
  });

  it('restores a fixture, fails puts on purpose and reports a reshard in the state-and-faults examples', () => {
    expect(logged).toContain('restored records: 1');
    expect(logged).toEqual(expect.arrayContaining(['attempt 1 InternalFailure 500', 'attempt 2 InternalFailure 500', 'attempt 3 stored']));
    expect(logged).toContain('fired 2 active false');
    expect(logged).toContain('partial 1 ProvisionedThroughputExceededException');
    expect(logged).toContain('split shardId-000000000000 -> shardId-000000000002,shardId-000000000003');
  });

  it('renders a lineage diagram in the lineage example', () => {
    const out = logsPerExample.find((lines) => lines.some((l) => l.includes('flowchart')));
    expect(out?.join('\n')).toContain('EXPIRED');
  });
});
