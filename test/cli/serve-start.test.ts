// `kinesim serve` never stays half started: a manual clock outside JavaScript's dates is refused by the flag check,
// and an unexpected error once the server listens closes it and ends the run (the bin then exits 70).

import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import type { CommandIo } from '../../src/cli/command.js';
import { clockFrom } from '../../src/cli/console-flags.js';
import { serveCommand } from '../../src/cli/serve-command.js';

describe('--manual-clock', () => {
  const clockOf = (...argv: string[]) => clockFrom(parseArgs(serveCommand.spec, argv), 0);

  it('takes any time a JavaScript Date can hold, to its edges', () => {
    expect(clockOf('--manual-clock', '8640000000000000').now()).toBe(8.64e15);
    expect(clockOf('--manual-clock', '-8640000000000000').now()).toBe(-8.64e15);
    expect(clockOf('--manual-clock', '+275760-09-13T00:00:00Z').now()).toBe(8.64e15);
  });

  it('refuses one beyond them, as typed', () => {
    expect(() => clockOf('--manual-clock', '8640000000000001')).toThrow(/^--manual-clock must be a time JavaScript can date .*, got '8640000000000001'$/);
  });
});

describe('an unexpected error while serve starts', () => {
  it('closes the server and takes the signal handlers away before the error ends the run', async () => {
    const signalHandlers = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    let url: string | undefined;
    const io: CommandIo = {
      stdout: {
        write: (text: string) => {
          url = /listening on (\S+) /.exec(text)?.[1];
          throw new Error('stdout is gone');
        },
      },
      stderr: { write: () => true },
      cwd: process.cwd(),
      nowMs: () => 0,
    };
    await expect(serveCommand.run(parseArgs(serveCommand.spec, ['--port', '0']), io)).rejects.toThrow('stdout is gone');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(`${url!}/_kinesim/health`)).rejects.toThrow(); // nothing listens any more
    expect(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM')).toBe(signalHandlers);
  });
});
