// kinesim's command line: `kinesim <command> [flags]`. Each command lives in `<name>-command.ts`; adding
// one is an import and an entry in COMMANDS. main.ts (the bin) calls runCli with the process's arguments.

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { helpText, parseArgs, UsageError } from './args.js';
import type { Command, CommandIo } from './command.js';
import { serveCommand } from './serve-command.js';
import { simulateCommand } from './simulate-command.js';

const COMMANDS: readonly Command[] = [serveCommand, simulateCommand];

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    'kinesim: an in-memory Amazon Kinesis Data Streams engine, and a lab to simulate workloads on it.',
    '',
    'Usage: kinesim <command> [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    'Flags:',
    '  -h, --help     Show this help (or a command\'s: kinesim <command> --help).',
    '  -v, --version  Show the version.',
    '',
  ].join('\n');
}

/** The version in kinesim's package.json: the first one named kinesim above the running script. */
export function packageVersion(script = process.argv[1]): string {
  if (script === undefined) return 'unknown';
  let dir = dirname(realpathSync(script));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kinesim' && pkg.version !== undefined) return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(topHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`kinesim ${packageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.spec.name === first);
  try {
    if (command === undefined) {
      throw new UsageError(first.startsWith('-')
        ? `unknown flag ${first} (see 'kinesim --help')`
        : `unknown command '${first}' (commands: ${COMMANDS.map((c) => c.spec.name).join(', ')}; see 'kinesim --help')`);
    }
    const args = parseArgs(command.spec, rest, { env: io.env ?? {}, cwd: io.cwd });
    if (args.help) {
      io.stdout.write(helpText(command.spec));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`kinesim: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
