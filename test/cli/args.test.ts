// The shared flag parser's edge cases a new user meets: negative numbers as values, values echoed as typed,
// --flag=true|false for boolean flags, and --version on every command.

import { describe, expect, it } from 'vitest';
import { flagText, parseArgs, UsageError, type CommandSpec } from '../../src/cli/args.js';

const spec: CommandSpec = {
  name: 'demo', summary: 'demo', positionals: [{ name: 'file', description: '', required: true }],
  flags: [
    { name: 'n', kind: 'number', description: '' },
    { name: 'out', kind: 'string', description: '' },
    { name: 'on', kind: 'boolean', description: '' },
    { name: 'clock', kind: 'string', description: '', optionalValue: 'now' },
  ],
};

describe('parseArgs', () => {
  it('takes a negative number after a flag as its value, not as a flag', () => {
    expect(parseArgs(spec, ['a', '--n', '-1']).flags).toEqual({ n: -1 });
    expect(parseArgs(spec, ['a', '--n', '-0.5']).flags).toEqual({ n: -0.5 });
    expect(parseArgs(spec, ['a', '--out', '-5']).flags).toEqual({ out: '-5' });
    expect(parseArgs(spec, ['a', '--clock', '-86400000']).flags).toEqual({ clock: '-86400000' });
    // Still a flag when it is one: a missing value stays a missing value.
    expect(() => parseArgs(spec, ['a', '--out', '--on'])).toThrow(new UsageError('--out needs a value: --out <value>'));
    expect(parseArgs(spec, ['a', '--clock', '--on']).flags).toEqual({ clock: 'now', on: true });
  });

  it('keeps each value as typed, for errors to echo', () => {
    const args = parseArgs(spec, ['a', '--n', '99999999999999999999', '--on'], { env: { KINESIM_OUT: 'x' } });
    expect(args.flags['n']).toBe(1e20);
    expect(flagText(args, 'n')).toBe('99999999999999999999');
    expect(flagText(args, 'out')).toBe('x');
    expect(flagText(args, 'on')).toBe('true');
  });

  it('reads --flag=true and --flag=false for a boolean flag, and refuses any other value', () => {
    expect(parseArgs(spec, ['a', '--on=false']).flags).toEqual({ on: false });
    expect(parseArgs(spec, ['a', '--on=true']).flags).toEqual({ on: true });
    expect(() => parseArgs(spec, ['a', '--on=maybe'])).toThrow(new UsageError("--on needs true or false, got 'maybe'"));
    expect(() => parseArgs(spec, ['a', '--on='])).toThrow(new UsageError("--on needs true or false, got ''"));
  });

  it('knows --version and -v on every command, and then needs nothing else', () => {
    expect(parseArgs(spec, ['--version']).version).toBe(true);
    expect(parseArgs(spec, ['-v']).version).toBe(true);
    expect(parseArgs(spec, ['a']).version).toBe(false);
    // Not from a variable: KINESIM_VERSION is common in containers for other reasons.
    expect(parseArgs(spec, ['a'], { env: { KINESIM_VERSION: 'true' } }).version).toBe(false);
  });
});
