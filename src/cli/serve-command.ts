// `kinesim serve`: an engine on a socket for any AWS client (see the README's "Over HTTP"), with its web console under
// /_kinesim/. Runs until SIGINT or SIGTERM. Every flag may also come from KINESIM_<FLAG> or a --config file.

import { Kinesis, type KinesisOptions } from '../index.js';
import { startHttpServer } from '../server/http-server.js';
import { KINESIM_VERSION } from '../version.js';
import { UsageError, flagLabel, type CommandSpec, type FlagSpec, type ParsedArgs } from './args.js';
import type { Command } from './command.js';
import { CONSOLE_FLAGS, clockFrom, consoleBanner, consoleOptionsFrom } from './console-flags.js';

/** Engine options that are plain flags: flag name, option name. */
const ENGINE_FLAGS: readonly (readonly [FlagSpec, keyof KinesisOptions])[] = [
  [{ name: 'region', kind: 'string', valueName: 'region', description: 'Region in ARNs and messages (default us-east-1).' }, 'region'],
  [{ name: 'account-id', kind: 'string', valueName: 'id', description: 'Twelve-digit account in ARNs and messages (default 000000000000).' }, 'accountId'],
  [{ name: 'create-stream-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a new stream stays CREATING (default 0).' }, 'createStreamDelayMs'],
  [{ name: 'delete-stream-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a deleted stream stays DELETING (default 0).' }, 'deleteStreamDelayMs'],
  [{ name: 'update-stream-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a stream stays UPDATING (default 0).' }, 'updateStreamDelayMs'],
  [{ name: 'consumer-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a consumer stays CREATING or DELETING (default 0).' }, 'consumerDelayMs'],
  [{ name: 'shard-limit', kind: 'number', valueName: 'n', description: 'Open shards allowed in the account (default: AWS\'s quota for the region).' }, 'shardLimit'],
  [{ name: 'throughput-limits', kind: 'boolean', description: 'Enforce the per-shard throughput limits.' }, 'throughputLimits'],
  [{ name: 'token-secret', kind: 'string', valueName: 'secret', description: 'Secret that seals shard iterators and NextTokens.' }, 'tokenSecret'],
  // Declared with the console's flags (CONSOLE_FLAGS); listed here for its option name only.
  [{ name: 'metrics-retention-ms', kind: 'number', description: '' }, 'metricsRetentionMs'],
];

const spec: CommandSpec = {
  name: 'serve',
  summary: 'Serve an in-memory Kinesis on a port for any AWS client, with a web console under /_kinesim/.',
  details: [
    'Listens on 127.0.0.1:4567 unless told otherwise and prints the endpoint URL and the console URL. Point any AWS',
    'client at the URL (any credentials work). Stops on Ctrl-C (SIGINT) or SIGTERM. Exit codes: 0 stopped, 1 the',
    'port could not be bound, 2 a bad flag, variable or config entry (named).',
  ].join('\n'),
  positionals: [],
  flags: [
    { name: 'port', short: 'p', kind: 'number', valueName: 'port', description: 'Port to listen on (default 4567; 0 picks a free one).' },
    { name: 'host', kind: 'string', valueName: 'address', description: 'Address to listen on (default 127.0.0.1: this machine only).' },
    ...ENGINE_FLAGS.map(([f]) => f).filter((f) => f.name !== 'metrics-retention-ms'),
    ...CONSOLE_FLAGS,
  ],
  examples: [
    'kinesim serve',
    'kinesim serve --port 4568 --manual-clock 2026-01-01T00:00:00Z',
    'KINESIM_PORT=4568 KINESIM_THROUGHPUT_LIMITS=true kinesim serve',
    'kinesim serve --config kinesim.json',
  ],
};

function engineOptions(args: ParsedArgs): KinesisOptions {
  const options: Record<string, unknown> = {};
  for (const [flag, option] of ENGINE_FLAGS) if (flag.name in args.flags) options[option] = args.flags[flag.name];
  return options as KinesisOptions;
}

function port(args: ParsedArgs): number {
  const value = args.flags['port'] ?? 4567;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65535) {
    throw new UsageError(`${flagLabel(args, 'port')} needs a port number 0..65535, got '${value}'`);
  }
  return value;
}

export const serveCommand: Command = {
  spec,
  async run(args, io) {
    const listenPort = port(args);
    const host = (args.flags['host'] as string | undefined) ?? '127.0.0.1';
    let kinesis: Kinesis;
    try {
      kinesis = new Kinesis({ ...engineOptions(args), clock: clockFrom(args, Date.now()) });
    } catch (e) {
      // A RangeError names the option; say which flag, variable or config entry set it.
      if (!(e instanceof RangeError)) throw e;
      const option = /option (\w+)/.exec(e.message)?.[1];
      const flag = ENGINE_FLAGS.find(([, o]) => o === option)?.[0].name;
      throw new UsageError(flag === undefined ? e.message : `${flagLabel(args, flag)}: ${e.message}`);
    }
    const consoleOptions = consoleOptionsFrom(args);
    let server;
    try {
      server = await startHttpServer(kinesis, { port: listenPort, host, ...consoleOptions });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr.write(`kinesim: cannot listen on ${host}:${listenPort} (${code ?? (e as Error).message})${code === 'EADDRINUSE' ? '; choose another port with --port' : ''}\n`);
      return 1;
    }
    io.stdout.write(`kinesim ${KINESIM_VERSION} serving Kinesis at ${server.url} (region ${kinesis.region}, account ${kinesis.accountId})\n`);
    io.stdout.write(consoleBanner(kinesis, server.consoleUrl, consoleOptions.console));
    await (io.untilStopped?.() ?? new Promise<void>(() => undefined));
    await server.close();
    io.stderr.write('kinesim: stopped\n');
    return 0;
  },
};
