// `kinesim serve`: the engine behind a local Kinesis endpoint (HTTP/1.1 and HTTP/2 on one port, JSON and CBOR, TLS
// on request) for any client: boto3, the AWS CLI, the AWS SDKs for Java, JavaScript, Go and the rest, the KCL; with
// its web console under /_kinesim/. Every flag may also come from KINESIM_<FLAG> or a --config file (args.ts).
import { readFileSync } from 'node:fs';
import { Kinesis } from '../kinesis.js';
import type { KinesisOptions } from '../options.js';
import type { RestoreOptions } from '../snapshot/read-snapshot.js';
import type { Clock } from '../time/clock.js';
import { startHttpServer, type KinesisHttpServer, type RequestLogEntry } from '../server/http-server.js';
import { DEFAULT_SERVER_LIMITS } from '../server/server-limits.js';
import type { StateFile } from '../server/state-file.js';
import { UsageError, flagLabel, flagText, type CommandSpec, type ParsedArgs } from './args.js';
import type { Command, CommandIo } from './command.js';
import { CONSOLE_FLAGS, clockFrom, consoleBanner, consoleOptionsFrom } from './console-flags.js';
import { engineFromStateFlags, STATE_FLAGS } from './state-flags.js';

const DEFAULT_PORT = 4567;
const DEFAULT_HOST = '127.0.0.1';
/** How long requests under way may take to finish once a stop is asked for (a second signal stops at once). */
const STOP_GRACE_MS = DEFAULT_SERVER_LIMITS.closeGraceMs;

const spec: CommandSpec = {
  name: 'serve',
  summary: 'Serve a Kinesis endpoint on a local port, for any AWS SDK, the AWS CLI or the KCL.',
  details: [
    'Starts an in-memory Kinesis Data Streams endpoint and prints its URL once it is ready. One port speaks HTTP/1.1 and',
    'HTTP/2 (cleartext with prior knowledge, as the AWS SDK for JavaScript v3 uses by default; with --tls-cert and',
    '--tls-key, HTTPS with both chosen by ALPN), AWS JSON 1.1 and AWS CBOR 1.1 (the AWS SDK for Java default).',
    'Any credentials work: signatures are not checked, only the shape of the Authorization header. State lives in',
    'memory and ends with the process, unless --state keeps it in a file. Ctrl-C (SIGINT) or SIGTERM stops it,',
    'letting requests under way finish. kinesim\'s own endpoints live under /_kinesim/: the web console (its URL is',
    'printed at start), health, faults, history, snapshot; every other path keeps AWS\'s answers.',
    'Exit codes: 0 stopped, 1 could not start (port busy, unreadable TLS file, unusable --state file) or save,',
    '2 bad usage (a bad flag, variable or config entry, named). Boolean flags also take =true or =false.',
  ].join('\n'),
  positionals: [],
  flags: [
    { name: 'port', short: 'p', kind: 'number', valueName: 'n', description: `Port to listen on (default ${DEFAULT_PORT}; 0 picks a free one).` },
    { name: 'host', kind: 'string', valueName: 'addr', description: `Address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for every interface).` },
    { name: 'region', kind: 'string', valueName: 'name', description: 'Region in ARNs and messages (default us-east-1).' },
    { name: 'account', kind: 'string', valueName: 'id', description: 'Twelve-digit account ID in ARNs and messages (default 000000000000).' },
    { name: 'create-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a new stream stays CREATING (default 0).' },
    { name: 'delete-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a deleted stream stays DELETING (default 0).' },
    { name: 'update-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a stream stays UPDATING after a change (default 0).' },
    { name: 'consumer-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a consumer stays CREATING or DELETING (default 0).' },
    { name: 'shard-limit', kind: 'number', valueName: 'n', description: "Open shards allowed per account (default AWS's quota for the region)." },
    { name: 'throughput-limits', kind: 'boolean', description: 'Enforce the per-shard read and write limits (ProvisionedThroughputExceeded).' },
    { name: 'token-secret', kind: 'string', valueName: 'text', description: "Secret sealing shard iterators and NextTokens (default 'kinesim')." },
    { name: 'partition', kind: 'string', valueName: 'name', description: "ARN partition (default 'aws'; aws-cn, aws-us-gov, ...)." },
    { name: 'on-demand-stream-limit', kind: 'number', valueName: 'n', description: 'On-demand streams allowed per account (default 50).' },
    { name: 'channel-delay-ms', kind: 'number', valueName: 'ms', description: 'How long a delivery channel stays CREATING, UPDATING or DELETING (default 0).' },
    { name: 'channel-limit', kind: 'number', valueName: 'n', description: 'Delivery channels allowed per account (default 100).' },
    { name: 'seed', kind: 'number', valueName: 'n', description: "Seed of kinesim's own choices where AWS's are not public: AUTO record placement, channel IDs (default 0)." },
    { name: 'on-demand-scaling', kind: 'boolean', description: 'On-demand streams reshard themselves as AWS\'s do (default: on exactly with --throughput-limits).' },
    { name: 'record-payloads', kind: 'string', valueName: 'mode', description: "What records keep of their data: 'copy' (default) or 'size-only' (size and first 8 bytes; reads are zero-filled)." },
    { name: 'tls-cert', kind: 'string', valueName: 'file', description: 'PEM certificate: serve HTTPS (needs --tls-key).' },
    { name: 'tls-key', kind: 'string', valueName: 'file', description: 'PEM private key of --tls-cert.' },
    { name: 'log', kind: 'boolean', description: 'One line per request on stderr: time, operation, status, milliseconds, protocol.' },
    ...STATE_FLAGS,
    ...CONSOLE_FLAGS,
  ],
  examples: [
    'kinesim serve',
    'kinesim serve --port 0 --log',
    'kinesim serve --region eu-west-1 --account 123456789012 --create-delay-ms 500',
    'kinesim serve --tls-cert cert.pem --tls-key key.pem',
    'kinesim serve --state kinesis.bin --save-every 30',
    'kinesim serve --manual-clock 2026-01-01T00:00:00Z',
    'KINESIM_PORT=4568 KINESIM_THROUGHPUT_LIMITS=true kinesim serve',
    'kinesim serve --config kinesim.json',
    'AWS_ENDPOINT_URL=http://127.0.0.1:4567 aws kinesis list-streams',
  ],
};

/**
 * The flags that shape a new engine, each with the Kinesis option it sets (one table: engine() reads it, the engine's
 * own checks name the flag through it, and a restored engine, which keeps its snapshot's settings, notes them ignored).
 */
const ENGINE_FLAGS: readonly (readonly [flag: string, option: keyof KinesisOptions])[] = [
  ['region', 'region'],
  ['account', 'accountId'],
  ['partition', 'partition'],
  ['create-delay-ms', 'createStreamDelayMs'],
  ['delete-delay-ms', 'deleteStreamDelayMs'],
  ['update-delay-ms', 'updateStreamDelayMs'],
  ['consumer-delay-ms', 'consumerDelayMs'],
  ['shard-limit', 'shardLimit'],
  ['on-demand-stream-limit', 'onDemandStreamCountLimit'],
  ['channel-delay-ms', 'channelDelayMs'],
  ['channel-limit', 'channelCountLimit'],
  ['seed', 'seed'],
  ['throughput-limits', 'throughputLimits'],
  ['on-demand-scaling', 'onDemandScaling'],
  ['record-payloads', 'recordPayloads'],
];

/** Flags a restored engine takes too (they are not state), with their options. */
const RUNTIME_FLAGS: readonly (readonly [flag: string, option: keyof KinesisOptions])[] = [
  ['token-secret', 'tokenSecret'],
  ['metrics-retention-ms', 'metricsRetentionMs'],
];

/** Kinesis options by the flag that sets them, for the engine's own checks to name the flag (or variable, or entry). */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = Object.fromEntries([...ENGINE_FLAGS, ...RUNTIME_FLAGS].map(([flag, option]) => [option, flag]));

export const serveCommand: Command = {
  spec,
  async run(args, io) {
    const port = listenPort(args);
    const host = (args.flags['host'] as string | undefined) ?? DEFAULT_HOST;
    const tls = tlsFiles(args, io);
    if (tls === null) return 1;
    const clock = clockFrom(args, Date.now());
    const fresh = engine(args, clock);
    // Not state, so a restored engine takes them too: the clock it runs on, how long it keeps metrics.
    const restore: RestoreOptions = { clock };
    const tokenSecret = args.flags['token-secret'] as string | undefined;
    if (tokenSecret !== undefined) restore.tokenSecret = tokenSecret;
    const retentionMs = args.flags['metrics-retention-ms'] as number | undefined;
    if (retentionMs !== undefined) restore.metricsRetentionMs = retentionMs;
    const served = await engineFromStateFlags(args, io, () => fresh, restore);
    const { kinesis, state } = served;
    if (served.restored) noteIgnoredFlags(args, io);
    const log = args.flags['log'] === true;
    const consoleOptions = consoleOptionsFrom(args);
    let server: KinesisHttpServer;
    try {
      server = await startHttpServer(kinesis, {
        port,
        host,
        ...consoleOptions,
        ...(tls === undefined ? {} : { tls }),
        ...(log || state !== undefined
          ? {
              onRequest: (entry: RequestLogEntry) => {
                state?.touch();
                if (log) io.stderr.write(logLine(entry));
              },
            }
          : {}),
      });
    } catch (error) {
      io.stderr.write(`kinesim serve: ${listenProblem(error, host, port)}\n`);
      await state?.stop().catch(() => undefined);
      return 1;
    }
    // The handlers go in before the ready line: a client that signals as soon as it reads it must find them.
    const signals = stopOnSignal(server, io, state);
    try {
      // One write, so that a script reading the ready line finds the console's lines with it.
      io.stdout.write(
        `kinesim serve: listening on ${server.url} (region ${kinesis.region}, account ${kinesis.accountId}); Ctrl-C to stop\n` +
          consoleBanner(kinesis, server.consoleUrl, consoleOptions.console),
      );
    } catch (error) {
      // Never a half-started server that listens without having said where: close it and let the error end the run.
      signals.cancel();
      await server.close();
      await state?.stop().catch(() => undefined);
      throw error;
    }
    return signals.exitCode;
  },
};

function engine(args: ParsedArgs, clock: Clock): Kinesis {
  const flags = args.flags;
  const options: KinesisOptions = { clock };
  const set = <K extends keyof KinesisOptions>(key: K, value: unknown) => {
    if (value !== undefined) options[key] = value as KinesisOptions[K];
  };
  for (const [flag, option] of [...ENGINE_FLAGS, ...RUNTIME_FLAGS]) set(option, flags[flag]);
  try {
    return new Kinesis(options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // 'Kinesis option accountId must be twelve digits, got "123"' -> "--account must be twelve digits, got '123'": the
    // flag (or variable, or entry) and the value as typed, quoted like every other flag error.
    const match = /^Kinesis option (\w+) (.*), got /s.exec(error.message);
    const flag = match === null ? undefined : FLAG_OF_OPTION[match[1]!];
    if (match === null || flag === undefined) throw new UsageError(error.message);
    throw new UsageError(`${flagLabel(args, flag)} ${match[2]!}, got '${flagText(args, flag)}'`);
  }
}

function listenPort(args: ParsedArgs): number {
  const value = args.flags['port'];
  if (value === undefined) return DEFAULT_PORT;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65535) {
    throw new UsageError(`${flagLabel(args, 'port')} must be a whole number from 0 to 65535, got '${flagText(args, 'port')}'`);
  }
  return value as number;
}

/** The TLS files' contents; undefined when not asked for, null (after saying why) when unreadable. */
function tlsFiles(args: ParsedArgs, io: CommandIo): { cert: Buffer; key: Buffer } | undefined | null {
  const cert = args.flags['tls-cert'] as string | undefined;
  const key = args.flags['tls-key'] as string | undefined;
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) {
    throw new UsageError(`${flagLabel(args, cert === undefined ? 'tls-key' : 'tls-cert')} needs ${cert === undefined ? '--tls-cert' : '--tls-key'} too`);
  }
  try {
    return { cert: readFileSync(cert), key: readFileSync(key) };
  } catch (error) {
    io.stderr.write(`kinesim serve: cannot read a TLS file: ${(error as Error).message}\n`);
    return null;
  }
}

function listenProblem(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use (choose another with --port, or --port 0 for a free one)`;
  if (code === 'EACCES') return `no permission to listen on port ${port} of ${host} (ports below 1024 need privileges; try --port ${DEFAULT_PORT})`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on ${host}: no such local address (check --host)`;
  return `cannot start the server: ${(error as Error).message}`;
}

function logLine(entry: RequestLogEntry): string {
  return `${new Date(entry.timeMs).toISOString()} ${entry.operation} ${entry.statusCode} ${entry.durationMs.toFixed(1)}ms ${entry.protocol}\n`;
}

function noteIgnoredFlags(args: ParsedArgs, io: CommandIo): void {
  const ignored = ENGINE_FLAGS.filter(([flag]) => args.flags[flag] !== undefined).map(([flag]) => flagLabel(args, flag));
  if (ignored.length > 0) io.stderr.write(`kinesim serve: ${ignored.join(', ')} ignored: the restored engine keeps the settings of its state file\n`);
}

/**
 * `exitCode` resolves once SIGINT or SIGTERM has stopped the server (a second signal stops it at once), and the state
 * file, if any, has been saved: 0, or 1 when that last save failed. `cancel` takes the signal handlers away again.
 */
function stopOnSignal(server: KinesisHttpServer, io: CommandIo, state: StateFile | undefined): { exitCode: Promise<number>; cancel(): void } {
  let cancel = (): void => undefined;
  const exitCode = new Promise<number>((resolve) => {
    let stopping = false;
    const finish = async (closed: Promise<void>): Promise<void> => {
      await closed;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      try {
        await state?.stop();
      } catch (error) {
        io.stderr.write(`kinesim serve: could not save ${state?.path}: ${(error as Error).message}\n`);
        resolve(1);
        return;
      }
      io.stderr.write(state === undefined ? 'kinesim serve: stopped\n' : `kinesim serve: stopped; saved ${state.path}\n`);
      resolve(0);
    };
    function stop(signal: NodeJS.Signals): void {
      if (stopping) {
        io.stderr.write(`kinesim serve: ${signal} again, stopping now\n`);
        void server.close();
        return;
      }
      stopping = true;
      io.stderr.write(`kinesim serve: ${signal}, stopping (requests under way have ${STOP_GRACE_MS / 1000} s to finish)\n`);
      void finish(server.close({ graceMs: STOP_GRACE_MS }));
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    cancel = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
  });
  return { exitCode, cancel };
}
