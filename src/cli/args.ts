// The flag parser every kinesim subcommand shares: a command declares its positionals and flags once, and
// gets parsing, type checks, its --help text, and the same flags from KINESIM_* variables and a --config file
// (flag-sources.ts) from that declaration.

import { envNameOf, flagsFromSources, type FlagSources } from './flag-sources.js';

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface FlagSpec {
  /** Long name without dashes: `json` for --json. */
  name: string;
  kind: 'string' | 'number' | 'boolean';
  description: string;
  /** Shown in help for string and number flags: --json <file>. */
  valueName?: string;
  /** A one-letter alias: `s` for -s. */
  short?: string;
  /** A string flag whose value may be left out (`--manual-clock` alone): the value it then takes. */
  optionalValue?: string;
  /** Only from the command line, never from a KINESIM_* variable or --config (--version: KINESIM_VERSION is common). */
  commandLineOnly?: boolean;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
}

export interface CommandSpec {
  /** The subcommand: `simulate` in `kinesim simulate`. */
  name: string;
  /** One line for `kinesim --help`. */
  summary: string;
  /** Paragraphs after the usage line of `kinesim <name> --help`. */
  details?: string;
  positionals: readonly PositionalSpec[];
  flags: readonly FlagSpec[];
  examples?: readonly string[];
}

export type FlagValue = string | number | boolean;

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, FlagValue>;
  help: boolean;
  /** --version (or -v) was given: print the version instead of running. */
  version: boolean;
  /** Where each flag's value came from, as errors name it: `--port`, `KINESIM_PORT` or `port in serve.json`. */
  origins: Record<string, string>;
  /** Each flag's value as typed, for errors to echo (`--seed 99999999999999999999`, not 100000000000000000000). */
  texts: Record<string, string>;
}

const HELP: FlagSpec = { name: 'help', short: 'h', kind: 'boolean', description: 'Show this help and exit.' };
const VERSION: FlagSpec = { name: 'version', short: 'v', kind: 'boolean', commandLineOnly: true, description: 'Show the version and exit.' };
const CONFIG: FlagSpec = {
  name: 'config', kind: 'string', valueName: 'file.json',
  description: 'Read flags from a JSON object {"flag-name": value} (also KINESIM_CONFIG); command-line flags and KINESIM_* variables win.',
};

/** How an error names a flag: where its value came from (see ParsedArgs.origins). */
export function flagLabel(args: ParsedArgs, name: string): string {
  return args.origins[name] ?? `--${name}`;
}

/** How an error echoes a flag's value: as typed, or as read from a --config file. */
export function flagText(args: ParsedArgs, name: string): string {
  return args.texts[name] ?? String(args.flags[name]);
}

/** `-1`, `-0.5`, `-.5`: after a flag that takes a value, its value (then range-checked), not another flag. */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * Parses `argv` (after the subcommand) against `spec`: --flag value, --flag=value, -f value, --, --help; then fills
 * flags not given from `sources`: KINESIM_<FLAG> variables, then the --config file.
 * @throws UsageError naming the flag, variable or config entry that is wrong.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[], sources: FlagSources = {}): ParsedArgs {
  const flags: Record<string, FlagValue> = {};
  const origins: Record<string, string> = {};
  const texts: Record<string, string> = {};
  const positionals: string[] = [];
  const all = [...spec.flags, CONFIG, HELP, VERSION];
  const where = `kinesim ${spec.name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const name = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, 2);
    const flag = all.find((f) => (long ? f.name === name : f.short === name));
    if (flag === undefined) throw new UsageError(`unknown flag ${long ? `--${name}` : `-${name}`} for '${where}' (see '${where} --help')`);
    const label = `--${flag.name}`;
    let inline: string | undefined = long ? (eq < 0 ? undefined : arg.slice(eq + 1)) : arg.length > 2 ? arg.slice(2) : undefined;
    if (flag.kind === 'boolean') {
      if (inline !== undefined && !['true', 'false'].includes(inline)) throw new UsageError(`${label} needs true or false, got '${inline}'`);
      flags[flag.name] = inline !== 'false';
      texts[flag.name] = inline ?? 'true';
      continue;
    }
    if (inline === undefined) {
      const next = argv[i + 1];
      const missing = next === undefined || (next.startsWith('-') && next !== '-' && !NEGATIVE_NUMBER.test(next));
      if (missing && flag.optionalValue !== undefined) {
        inline = flag.optionalValue;
      } else {
        if (missing) throw new UsageError(`${label} needs a value: ${label} <${flag.valueName ?? 'value'}>`);
        inline = next;
        i++;
      }
    }
    if (flag.name in flags) throw new UsageError(`${label} given twice`);
    origins[flag.name] = label;
    texts[flag.name] = inline;
    if (flag.kind === 'number') {
      const value = Number(inline);
      if (inline.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${label} needs a number, got '${inline}'`);
      flags[flag.name] = value;
    } else {
      flags[flag.name] = inline;
    }
  }
  const help = flags['help'] === true;
  const version = flags['version'] === true;
  for (const name of ['help', 'version']) {
    delete flags[name];
    delete texts[name];
  }
  for (const name of Object.keys(flags)) origins[name] ??= `--${name}`;
  if (!help && !version) {
    flagsFromSources(spec.flags, flags, origins, sources, texts);
    const required = spec.positionals.filter((p) => p.required);
    if (positionals.length < required.length) throw new UsageError(`missing <${required[positionals.length]!.name}> (usage: ${usageLine(spec)})`);
    if (positionals.length > spec.positionals.length) throw new UsageError(`unexpected argument '${positionals[spec.positionals.length]}' (usage: ${usageLine(spec)})`);
  }
  return { positionals, flags, help, version, origins, texts };
}

export function usageLine(spec: CommandSpec): string {
  const pos = spec.positionals.map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`)).join(' ');
  return `kinesim ${spec.name} ${pos}${spec.flags.length > 0 ? ' [flags]' : ''}`.replace(/\s+/g, ' ').trim();
}

/** The text of `kinesim <name> --help`. */
export function helpText(spec: CommandSpec): string {
  const rows = [...spec.flags, CONFIG, HELP, VERSION].map((f) => {
    const value = f.kind === 'boolean' ? '' : f.optionalValue !== undefined ? ` [${f.valueName ?? 'value'}]` : ` <${f.valueName ?? 'value'}>`;
    const left = `${f.short === undefined ? '    ' : `-${f.short}, `}--${f.name}${value}`;
    return [left, f.description] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length), ...spec.positionals.map((p) => p.name.length + 2)) + 2;
  const lines = [`${spec.summary}`, '', `Usage: ${usageLine(spec)}`, ''];
  if (spec.details !== undefined) lines.push(spec.details, '');
  if (spec.positionals.length > 0) {
    lines.push('Arguments:');
    for (const p of spec.positionals) lines.push(`  ${`<${p.name}>`.padEnd(width)}${p.description}`);
    lines.push('');
  }
  lines.push('Flags:');
  for (const [left, text] of rows) lines.push(`  ${left.padEnd(width)}${text}`);
  const example = spec.flags[0];
  if (example !== undefined) {
    lines.push('', `Every flag can also come from an environment variable (--${example.name}: ${envNameOf(example.name)}) or from --config.`);
  }
  if (spec.examples !== undefined && spec.examples.length > 0) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}
