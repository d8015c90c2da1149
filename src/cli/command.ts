// What a kinesim subcommand is: its declared flags and a run function. A new subcommand is one file
// `<name>-command.ts` exporting a Command, and one line in main.ts's list.

import type { CommandSpec, ParsedArgs } from './args.js';

/** Where a command writes and what it may ask about the terminal (tests pass their own). */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  /** Milliseconds from an arbitrary start (performance.now). */
  nowMs(): number;
  /** Environment variables flags may come from (KINESIM_PORT, ...); the bin passes process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  spec: CommandSpec;
  /** Runs the command; resolves to the process exit code. */
  run(args: ParsedArgs, io: CommandIo): Promise<number>;
}

/**
 * The command could not do its work for a reason outside how it was called (a file that exists but cannot be read,
 * a directory it cannot write in): exit code 1, the message prefixed with the command (`kinesim serve: ...`).
 */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}
