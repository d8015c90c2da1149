// Flags from elsewhere than the command line, for servers as people run them (containers, service managers):
// KINESIM_<FLAG> environment variables and a JSON --config file. The command line wins over a variable, a variable
// over the file. Every value is checked like a flag's, and a bad one is named by where it came from.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type FlagSpec, type FlagValue } from './args.js';

/** Where flags may also come from: the environment (process.env in the bin) and the directory --config is relative to. */
export interface FlagSources {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

/** The environment variable of a flag: `KINESIM_` and its name in upper case, dashes as underscores (KINESIM_TLS_CERT). */
export function envNameOf(flag: string): string {
  return `KINESIM_${flag.toUpperCase().replace(/-/g, '_')}`;
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/** Fills `flags` (and their `origins`) that the command line left out, from the variables and then the config file. */
export function flagsFromSources(
  specs: readonly FlagSpec[],
  flags: Record<string, FlagValue>,
  origins: Record<string, string>,
  sources: FlagSources,
  texts: Record<string, string> = {},
): void {
  const env = sources.env ?? {};
  for (const spec of specs) {
    const variable = envNameOf(spec.name);
    const raw = env[variable];
    if (spec.name in flags || raw === undefined || spec.commandLineOnly === true) continue;
    flags[spec.name] = fromText(spec, raw, variable);
    origins[spec.name] = variable;
    texts[spec.name] = raw;
  }
  const configVariable = envNameOf('config');
  const file = flags['config'] ?? env[configVariable];
  if (typeof file !== 'string' || file === '') return;
  origins['config'] ??= configVariable;
  for (const [name, value] of Object.entries(readConfig(resolve(sources.cwd ?? '.', file), file))) {
    const spec = specs.find((s) => s.name === name && s.commandLineOnly !== true);
    if (spec === undefined) {
      const settings = specs.filter((s) => s.commandLineOnly !== true).map((s) => s.name);
      throw new UsageError(`config file ${file}: unknown setting '${name}' (the settings are the flags: ${settings.join(', ')})`);
    }
    if (name in flags) continue;
    const origin = `${name} in ${file}`;
    flags[name] = fromJson(spec, value, origin);
    origins[name] = origin;
    texts[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function readConfig(path: string, shown: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config file ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config file ${shown} is not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`config file ${shown} must hold a JSON object of flag names and values`);
  return value as Record<string, unknown>;
}

/** A variable's text as the flag's kind. */
function fromText(spec: FlagSpec, text: string, origin: string): FlagValue {
  if (spec.kind === 'boolean') {
    const t = text.trim().toLowerCase();
    if (TRUE.includes(t)) return true;
    if (FALSE.includes(t)) return false;
    throw new UsageError(`${origin} needs true or false, got '${text}'`);
  }
  if (spec.kind === 'number') {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${origin} needs a number, got '${text}'`);
    return n;
  }
  return text === '' && spec.optionalValue !== undefined ? spec.optionalValue : text;
}

/** A config entry as the flag's kind: JSON's own types, or text as a variable would give it. */
function fromJson(spec: FlagSpec, value: unknown, origin: string): FlagValue {
  if (typeof value === 'string') return fromText(spec, value, origin);
  if (spec.kind === 'boolean' && typeof value === 'boolean') return value;
  if (spec.kind === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
  if (spec.kind === 'string' && spec.optionalValue !== undefined && value === true) return spec.optionalValue;
  const expected = spec.kind === 'boolean' ? 'true or false' : spec.kind === 'number' ? 'a number' : 'a string';
  throw new UsageError(`${origin} needs ${expected}, got ${JSON.stringify(value)}`);
}
