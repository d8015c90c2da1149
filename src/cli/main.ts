#!/usr/bin/env node
// The `kinesim` executable: runs the command line and exits with its code (run-cli.ts does the work).

import type { CommandIo } from './command.js';
import { runCli } from './run-cli.js';

const io: CommandIo = {
  stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), nowMs: () => performance.now(), env: process.env,
};
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = 70;
    // Then exit even if something the failed command started (a listening socket, a timer) would keep the process up.
    process.stderr.write(`kinesim: unexpected error (a bug in kinesim; please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`, () => process.exit(70));
  },
);
