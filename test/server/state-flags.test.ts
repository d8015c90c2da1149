// The --state / --save-every flags `kinesim serve` takes: parsing, their checks, and the engine they open.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, type CommandSpec } from '../../src/cli/args.js';
import type { CommandIo } from '../../src/cli/command.js';
import { engineFromStateFlags, STATE_FLAGS } from '../../src/cli/state-flags.js';
import { Kinesis, ManualClock } from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';

const spec: CommandSpec = { name: 'serve', summary: 'test', positionals: [], flags: STATE_FLAGS };

function io(cwd: string) {
  const err: string[] = [];
  const value: CommandIo = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd, nowMs: () => 0 };
  return { io: value, err };
}

const create = () => {
  const kinesis = new Kinesis({ clock: new ManualClock(T0) });
  kinesis.createStream({ StreamName: 'fixture', ShardCount: 1 });
  return kinesis;
};

describe('engineFromStateFlags', () => {
  it('without --state serves a new engine and keeps no file', async () => {
    const { io: out } = io(mkdtempSync(join(tmpdir(), 'kinesim-flags-')));
    const served = await engineFromStateFlags(parseArgs(spec, []), out, create);
    expect(served.state).toBeUndefined();
    expect(served.kinesis.listStreams().StreamNames).toEqual(['fixture']);
  });

  it('with --state starts empty the first time, saves at stop, and restores from the file next time', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kinesim-flags-'));
    const first = io(cwd);
    const one = await engineFromStateFlags(parseArgs(spec, ['--state', 'db.bin', '--save-every', '0.5']), first.io, create, { clock: new ManualClock(T0) });
    expect(first.err).toEqual([`kinesim serve: ${join(cwd, 'db.bin')} does not exist yet; starting empty\n`]);
    one.kinesis.putRecord({ StreamName: 'fixture', PartitionKey: 'k', Data: new Uint8Array([1]) });
    one.state!.touch();
    await one.state!.stop();
    const second = io(cwd);
    const two = await engineFromStateFlags(parseArgs(spec, ['--state', join(cwd, 'db.bin')]), second.io, () => new Kinesis(), { clock: new ManualClock(T0) });
    expect(second.err).toEqual([`kinesim serve: restored the engine from ${join(cwd, 'db.bin')}\n`]);
    expect(Buffer.compare(two.kinesis.snapshot(), readFileSync(join(cwd, 'db.bin')))).toBe(0);
    await two.state!.stop();
  });

  it('refuses --save-every without --state or below zero, and a state file it cannot restore, naming it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kinesim-flags-'));
    const { io: out } = io(cwd);
    const refused = (argv: string[]) => engineFromStateFlags(parseArgs(spec, argv), out, create);
    await expect(refused(['--save-every', '5'])).rejects.toThrow(new UsageError('--save-every needs --state <file>'));
    await expect(refused(['--state', 'x', '--save-every', '0'])).rejects.toThrow("--save-every needs a number of seconds > 0, got '0'");
    writeFileSync(join(cwd, 'bad.bin'), 'garbage that is long enough to have a header');
    await expect(refused(['--state', 'bad.bin'])).rejects.toThrow(`cannot restore --state ${join(cwd, 'bad.bin')}: not a kinesim snapshot`);
    await expect(refused(['--state', 'missing-dir/x.bin'])).rejects.toThrow(/^cannot write --state .*missing-dir\/x\.bin: ENOENT/);
    await expect(refused(['--state', '.'])).rejects.toThrow(/^cannot read --state .*EISDIR/);
  });
});
