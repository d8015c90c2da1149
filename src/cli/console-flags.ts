// The flags `kinesim serve` takes for the console and the engine's clock and metrics, kept apart so any serve
// command can declare them in one line and read them in two.

import type { Kinesis } from '../kinesis.js';
import { ManualClock, SystemClock, type Clock } from '../time/clock.js';
import { UsageError, flagLabel, flagText, type FlagSpec, type ParsedArgs } from './args.js';

/** The furthest a JavaScript Date reaches either side of 1970, in ms (ECMA-262's time value range). */
const MAX_DATE_MS = 8.64e15;

export const CONSOLE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'manual-clock', kind: 'string', valueName: 'start', optionalValue: 'now',
    description: 'Run the engine on a manual clock starting at <start> (ISO 8601, epoch ms, or now); the console advances it.',
  },
  { name: 'metrics-retention-ms', kind: 'number', valueName: 'ms', description: 'How long metrics are kept, in engine ms (default 10800000: 3 hours).' },
  { name: 'console', kind: 'boolean', description: 'Serve the web console under /_kinesim/ (default true; --console=false turns it off).' },
  { name: 'allowed-host', kind: 'string', valueName: 'names', description: 'Host names besides IP addresses and localhost the console and the admin endpoints accept, comma-separated.' },
];

/** The clock `--manual-clock` asks for (a ManualClock at its start), or the system clock. */
export function clockFrom(args: ParsedArgs, wallClockMs: number): Clock {
  const start = args.flags['manual-clock'];
  if (start === undefined) return new SystemClock();
  const text = String(start).trim();
  const ms = text === 'now' ? wallClockMs : /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms)) {
    throw new UsageError(`${flagLabel(args, 'manual-clock')} needs a start time: ISO 8601 (2026-01-01T00:00:00Z), epoch ms, or now; got '${flagText(args, 'manual-clock')}'`);
  }
  // Beyond it the engine's times cannot be shown as dates (the banner, the console, every timestamp AWS returns).
  if (Math.abs(ms) > MAX_DATE_MS) {
    throw new UsageError(`${flagLabel(args, 'manual-clock')} must be a time JavaScript can date (epoch ms from -8640000000000000 to 8640000000000000), got '${flagText(args, 'manual-clock')}'`);
  }
  return new ManualClock(ms);
}

/** The console's server options from the flags. */
export function consoleOptionsFrom(args: ParsedArgs): { console: boolean; allowedHosts: string[] } {
  const hosts = args.flags['allowed-host'];
  return {
    console: args.flags['console'] !== false,
    allowedHosts: typeof hosts === 'string' ? hosts.split(',').map((h) => h.trim()).filter((h) => h !== '') : [],
  };
}

/** What `kinesim serve` prints under its ready line: where the console and health are, and the engine's clock. */
export function consoleBanner(kinesis: Kinesis, consoleUrl: string, served: boolean): string {
  const clock = kinesis.clock instanceof ManualClock
    ? `manual, at ${new Date(kinesis.clock.now()).toISOString()} (the console advances it)`
    : 'the system clock';
  return [
    served ? `kinesim serve: console at ${consoleUrl}` : 'kinesim serve: console off (--console=false)',
    `kinesim serve: health at ${consoleUrl}health; engine clock: ${clock}`,
    '',
  ].join('\n');
}
