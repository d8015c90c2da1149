// kinesim's command line: `kinesim <command> [flags]`. Each command lives in `<name>-command.ts`; adding
// one is an entry in COMMANDS. main.ts (the bin) calls runCli with the process's arguments.

import { helpText, parseArgs, UsageError } from './args.js';
import { CommandFailure, type Command, type CommandIo } from './command.js';
import { packageVersion } from './package-version.js';

/**
 * Each command by name, loaded only when asked for, so `kinesim serve` starts without loading the simulation lab
 * (and the reverse).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  serve: async () => (await import('./serve-command.js')).serveCommand,
  simulate: async () => (await import('./simulate-command.js')).simulateCommand,
};

async function topHelp(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.spec.name.length)) + 2;
  return [
    'kinesim: an in-memory Amazon Kinesis Data Streams engine, and a lab to simulate workloads on it.',
    '',
    'Usage: kinesim <command> [flags]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    'Flags:',
    '  -h, --help     Show this help (or a command\'s: kinesim <command> --help).',
    '  -v, --version  Show the version.',
    '',
  ].join('\n');
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(await topHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`kinesim ${packageVersion()}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  try {
    if (load === undefined) {
      throw new UsageError(first.startsWith('-')
        ? `unknown flag ${first} (see 'kinesim --help')`
        : `unknown command '${first}' (commands: ${Object.keys(COMMANDS).join(', ')}; see 'kinesim --help')`);
    }
    const command = await load();
    const args = parseArgs(command.spec, rest, { env: io.env ?? {}, cwd: io.cwd });
    if (args.help) {
      io.stdout.write(helpText(command.spec));
      return 0;
    }
    if (args.version) {
      io.stdout.write(`kinesim ${packageVersion()}\n`);
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`kinesim: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CommandFailure) {
      io.stderr.write(`kinesim ${first}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
