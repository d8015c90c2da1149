// The --state and --save-every flags of `kinesim serve`: the engine kept in a file across restarts. The serve
// command declares STATE_FLAGS among its flags and opens its engine with `engineFromStateFlags`; the server's
// per-request callback calls `state.touch()`, and shutdown calls `state.stop()` after the server has closed.

import { access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Kinesis } from '../kinesis.js';
import type { RestoreOptions } from '../snapshot/read-snapshot.js';
import { SnapshotError } from '../snapshot/snapshot-error.js';
import { openStateFile, type StateFile } from '../server/state-file.js';
import { UsageError, flagLabel, type FlagSpec, type ParsedArgs } from './args.js';
import { CommandFailure, type CommandIo } from './command.js';

export const STATE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'state',
    kind: 'string',
    valueName: 'file',
    description: 'Keep the engine in <file>: restored at start when it exists, saved at shutdown (SIGINT, SIGTERM). Writes are atomic.',
  },
  {
    name: 'save-every',
    kind: 'number',
    valueName: 'seconds',
    description: 'With --state, also save every <seconds> while requests come in (default: only at shutdown).',
  },
];

/** The engine to serve, the file keeping it (with --state), and whether it was restored from that file. */
export interface ServedEngine {
  readonly kinesis: Kinesis;
  readonly state: StateFile | undefined;
  readonly restored: boolean;
}

/**
 * The engine `kinesim serve` runs: restored from --state when the file exists, else made by `create` (and, with
 * --state, saved there). Reports what it did on stderr.
 * @throws UsageError for --save-every without --state or not a positive number; CommandFailure (exit 1, like an
 * unreadable TLS file: the call was right, the file is not) naming the file and the reason for a state file kinesim
 * cannot write, read or restore (the file is left as it is).
 */
export async function engineFromStateFlags(
  args: ParsedArgs,
  io: CommandIo,
  create: () => Kinesis,
  restore: RestoreOptions = {},
): Promise<ServedEngine> {
  const file = args.flags['state'] as string | undefined;
  const everySeconds = args.flags['save-every'] as number | undefined;
  if (everySeconds !== undefined && file === undefined) throw new UsageError(`${flagLabel(args, 'save-every')} needs --state <file>`);
  if (everySeconds !== undefined && !(everySeconds > 0)) {
    throw new UsageError(`${flagLabel(args, 'save-every')} needs a number of seconds > 0, got '${everySeconds}'`);
  }
  if (file === undefined) return { kinesis: create(), state: undefined, restored: false };
  const path = resolve(io.cwd, file);
  const label = flagLabel(args, 'state');
  // Found now rather than at the first save, minutes or hours later.
  await access(dirname(path), constants.W_OK).catch((error: Error) => {
    throw new CommandFailure(`cannot write ${label} ${path}: ${error.message}`);
  });
  try {
    const opened = await openStateFile(path, create, restore, {
      ...(everySeconds === undefined ? {} : { saveEveryMs: everySeconds * 1000 }),
      onSaveError: (error) => io.stderr.write(`kinesim serve: could not save ${path}: ${(error as Error).message} (will retry)\n`),
    });
    io.stderr.write(opened.restored ? `kinesim serve: restored the engine from ${path}\n` : `kinesim serve: ${path} does not exist yet; starting empty\n`);
    return opened;
  } catch (error) {
    if (error instanceof SnapshotError) throw new CommandFailure(`cannot restore ${label} ${path}: ${error.message}`);
    if (error instanceof Error && 'code' in error) throw new CommandFailure(`cannot read ${label} ${path}: ${error.message}`);
    throw error;
  }
}
