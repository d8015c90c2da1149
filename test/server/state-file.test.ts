// The state file behind `kinesim serve --state`: atomic writes, restore at start, periodic and final saves, and a
// process killed in the middle of a save leaving the previous file intact.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, SnapshotError } from '../../src/index.js';
import { openStateFile, readStateFile, StateFile, writeFileAtomically } from '../../src/server/state-file.js';
import { T0 } from '../support/stream-fixture.js';
import { countRecords } from './fixtures/count-records.js';

const dir = () => mkdtempSync(join(tmpdir(), 'kinesim-state-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function engine() {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  return kinesis;
}

describe('writeFileAtomically', () => {
  it('replaces the file with the new bytes and leaves no temporary file', async () => {
    const d = dir();
    const path = join(d, 'state.bin');
    writeFileSync(path, 'old');
    await writeFileAtomically(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(d)).toEqual(['state.bin']);
  });

  it('fails without touching anything when the file cannot be written', async () => {
    const d = dir();
    await expect(writeFileAtomically(join(d, 'missing', 'state.bin'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('readStateFile', () => {
  it('answers undefined for a file that does not exist, the engine for a snapshot, and refuses anything else', async () => {
    const d = dir();
    const path = join(d, 'state.bin');
    expect(await readStateFile(path)).toBeUndefined();
    const kinesis = engine();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([9]) });
    writeFileSync(path, kinesis.snapshot());
    const restored = await readStateFile(path, { clock: new ManualClock(T0) });
    expect(restored?.describeStream({ StreamName: 's' })).toEqual(kinesis.describeStream({ StreamName: 's' }));
    writeFileSync(path, kinesis.snapshot().subarray(0, 100));
    await expect(readStateFile(path)).rejects.toBeInstanceOf(SnapshotError);
  });
});

describe('StateFile', () => {
  it('saves periodically only after a touch, and once more when stopped if touched since', async () => {
    const path = join(dir(), 'state.bin');
    const kinesis = engine();
    const saves: number[] = [];
    const state = new StateFile(path, kinesis, { saveEveryMs: 20, onSaved: (bytes) => saves.push(bytes) });
    await sleep(80);
    expect(existsSync(path)).toBe(false);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([1]) });
    state.touch();
    await sleep(150);
    expect(saves).toHaveLength(1);
    expect(Buffer.compare(readFileSync(path), kinesis.snapshot())).toBe(0);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([2]) });
    state.touch();
    await state.stop();
    expect(Buffer.compare(readFileSync(path), kinesis.snapshot())).toBe(0);
    const mtime = statSync(path).mtimeMs;
    await state.stop();
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('refuses a save period that is not a positive number of ms', () => {
    expect(() => new StateFile('x', engine(), { saveEveryMs: 0 })).toThrow('saveEveryMs must be a number of ms > 0, got 0');
  });
});

describe('openStateFile', () => {
  it('creates the engine the first time (written at stop), restores it afterwards, and clears leftover temporary files', async () => {
    const d = dir();
    const path = join(d, 'state.bin');
    writeFileSync(join(d, '.state.bin.12345.deadbeef.tmp'), 'torn');
    writeFileSync(join(d, 'other.txt'), 'kept');
    const first = await openStateFile(path, engine, { clock: new ManualClock(T0) });
    expect(first.restored).toBe(false);
    expect(readdirSync(d).sort()).toEqual(['other.txt']);
    first.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([5]) });
    await first.state.stop();
    const second = await openStateFile(path, () => new Kinesis(), { clock: new ManualClock(T0) });
    expect(second.restored).toBe(true);
    expect(Buffer.compare(second.kinesis.snapshot(), first.kinesis.snapshot())).toBe(0);
    await second.state.stop();
  });

  it('leaves a file it cannot restore as it is', async () => {
    const path = join(dir(), 'state.bin');
    writeFileSync(path, 'not a snapshot');
    await expect(openStateFile(path, engine)).rejects.toThrow('not a kinesim snapshot');
    expect(readFileSync(path, 'utf8')).toBe('not a snapshot');
  });
});

describe('a process killed while saving', () => {
  it('leaves the previous state file intact, every time', async () => {
    const path = join(dir(), 'state.bin');
    const script = fileURLToPath(new URL('./fixtures/state-writer.ts', import.meta.url));

    let lastSaved = 0;
    for (let run = 0; run < 3; run++) {
      // node itself with tsx's loader (not the tsx wrapper, whose SIGKILL would leave its node child running).
      const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      // Kill it at a moment unrelated to its saves: after some saves, mid-way through a later one.
      while (!out.includes(`saved ${lastSaved + 10_000}\n`)) await sleep(5);
      await sleep(3 + run * 7);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const saved = [...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      const restored = await readStateFile(path, { clock: new ManualClock(0) });
      const count = restored!.describeStreamSummary({ StreamName: 's' }) && countRecords(restored!);
      // What the file holds is one of the states the process saved: the last completed save, or the one under way.
      expect([saved.at(-1), saved.at(-1)! + 500]).toContain(count);
      lastSaved = count;
    }
  });
});
