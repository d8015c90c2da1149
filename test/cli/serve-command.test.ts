// `kinesim serve` end to end, spawned as a user runs it (through tsx, on the sources): flags reach the engine, the
// URL is printed when ready, --log writes a line per request, signals stop it cleanly, mistakes get clear errors.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const main = join(root, 'src/cli/main.ts');
const AUTH = 'AWS4-HMAC-SHA256 Credential=k/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';

function kinesimSync(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, main, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `kinesim serve` and resolves with its URL once it prints it. */
async function serve(...args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', tsx, main, 'serve', ...args]);
  running.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (https?:\/\/\S+) /.exec(stdout);
      if (match !== null) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

function call(url: string, operation: string, input: object): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Kinesis_20131202.${operation}`, 'x-amz-date': '20240101T000000Z', authorization: AUTH },
    body: JSON.stringify(input),
  });
}

const exitOf = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe('kinesim serve', () => {
  it('serves the engine with the flags given, logs each request, and stops cleanly on SIGTERM', async () => {
    const { child, url, stderr } = await serve('--port', '0', '--account', '123456789012', '--region', 'eu-west-1', '--create-delay-ms', '60000', '--log');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call(url, 'CreateStream', { StreamName: 'orders', ShardCount: 2 })).status).toBe(200);
    const described = (await (await call(url, 'DescribeStreamSummary', { StreamName: 'orders' })).json()) as { StreamDescriptionSummary: object };
    expect(described.StreamDescriptionSummary).toMatchObject({
      StreamARN: 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders',
      StreamStatus: 'CREATING',
    });
    const missing = await call(url, 'DescribeStream', { StreamName: 'nope' });
    expect(missing.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = stderr().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z CreateStream 200 \d+\.\dms HTTP\/1\.1$/);
    expect(lines[2]).toMatch(/ DescribeStream 400 /);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(stderr()).toMatch(/kinesim serve: SIGTERM, stopping .*\nkinesim serve: stopped\n$/);
  });

  it('--state keeps the engine across restarts, saved at SIGTERM; a restored engine ignores engine flags, with a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinesim-serve-state-'));
    const file = join(dir, 'kinesis.bin');
    const first = await serve('--port', '0', '--state', file);
    expect((await call(first.url, 'CreateStream', { StreamName: 'kept', ShardCount: 1 })).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);
    expect(first.stderr()).toContain(`kinesim serve: stopped; saved ${file}\n`);
    expect(existsSync(file)).toBe(true);

    const second = await serve('--port', '0', '--state', file, '--region', 'eu-west-1');
    expect(second.stderr()).toContain(`kinesim serve: restored the engine from ${file}\n`);
    expect(second.stderr()).toContain('kinesim serve: --region ignored: the restored engine keeps the settings of its state file\n');
    const listed = (await (await call(second.url, 'ListStreams', {})).json()) as { StreamNames: string[] };
    expect(listed.StreamNames).toEqual(['kept']);
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child)).toBe(0);
  });

  it('takes every engine option as a flag: partition, on-demand stream and channel limits, channel delay, seed', async () => {
    const { child, url } = await serve('--port', '0', '--partition', 'aws-cn', '--region', 'cn-north-1', '--on-demand-stream-limit', '3',
      '--channel-limit', '7', '--channel-delay-ms', '1000', '--seed', '42', '--record-payloads', 'size-only', '--on-demand-scaling=false');
    const limits = (await (await call(url, 'DescribeLimits', {})).json()) as Record<string, unknown>;
    expect(limits).toMatchObject({ OnDemandStreamCountLimit: 3, ChannelCountLimit: 7 });
    expect((await call(url, 'CreateStream', { StreamName: 'o', StreamModeDetails: { StreamMode: 'ON_DEMAND' } })).status).toBe(200);
    const summary = (await (await call(url, 'DescribeStreamSummary', { StreamName: 'o' })).json()) as { StreamDescriptionSummary: { StreamARN: string } };
    expect(summary.StreamDescriptionSummary.StreamARN).toBe('arn:aws-cn:kinesis:cn-north-1:000000000000:stream/o');
    // size-only: a record reads back as zeros of its length after its first 8 bytes.
    const data = Buffer.from('0123456789abcdef').toString('base64');
    await call(url, 'PutRecord', { StreamName: 'o', PartitionKey: 'k', Data: data });
    const shards = (await (await call(url, 'ListShards', { StreamName: 'o' })).json()) as { Shards: { ShardId: string }[] };
    let found: string | undefined;
    for (const { ShardId } of shards.Shards) {
      const it = (await (await call(url, 'GetShardIterator', { StreamName: 'o', ShardId, ShardIteratorType: 'TRIM_HORIZON' })).json()) as { ShardIterator: string };
      const got = (await (await call(url, 'GetRecords', { ShardIterator: it.ShardIterator })).json()) as { Records: { Data: string }[] };
      if (got.Records.length > 0) found = Buffer.from(got.Records[0]!.Data, 'base64').toString('latin1');
    }
    expect(found).toBe('01234567' + '\0'.repeat(8));
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it('stops on SIGINT (Ctrl-C) too', async () => {
    const { child } = await serve('--port', '0');
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);
  });

  it('a busy port is a clear error and exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = kinesimSync('serve', '--port', String(port));
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`kinesim serve: port ${port} on 127.0.0.1 is already in use (choose another with --port, or --port 0 for a free one)\n`);
    } finally {
      blocker.close();
    }
  });

  it.each([
    [['--port', '70000'], "kinesim: --port must be a whole number from 0 to 65535, got '70000'\n"],
    [['--port', '-1'], "kinesim: --port must be a whole number from 0 to 65535, got '-1'\n"],
    [['--account', '123'], "kinesim: --account must be twelve digits, got '123'\n"],
    [['--region', ''], expect.stringMatching(/^kinesim: --region must be .*, got ''\n$/)],
    [['--create-delay-ms=-1'], expect.stringMatching(/^kinesim: --create-delay-ms must be .*, got '-1'\n$/)],
    [['--create-delay-ms', '-5'], expect.stringMatching(/^kinesim: --create-delay-ms must be .*, got '-5'\n$/)],
    [['--manual-clock', '99999999999999999'],
      "kinesim: --manual-clock must be a time JavaScript can date (epoch ms from -8640000000000000 to 8640000000000000), got '99999999999999999'\n"],
    [['--manual-clock', '-8640000000000001'], expect.stringMatching(/^kinesim: --manual-clock must be a time JavaScript can date .*, got '-8640000000000001'\n$/)],
    [['--console=maybe'], "kinesim: --console needs true or false, got 'maybe'\n"],
    [['--throughput-limits=maybe'], "kinesim: --throughput-limits needs true or false, got 'maybe'\n"],
    [['--tls-cert', 'cert.pem'], 'kinesim: --tls-cert needs --tls-key too\n'],
    [['--partition', 'azure'], "kinesim: --partition must be like aws or aws-cn, got 'azure'\n"],
    [['--seed', '1.5'], "kinesim: --seed must be a safe integer, got '1.5'\n"],
    [['--channel-limit', '-1'], expect.stringMatching(/^kinesim: --channel-limit must be .*, got '-1'\n$/)],
    [['--record-payloads', 'none'], expect.stringMatching(/^kinesim: --record-payloads must be .*'size-only'.*, got 'none'\n$/)],
    [['--on-demand-scaling=maybe'], "kinesim: --on-demand-scaling needs true or false, got 'maybe'\n"],
    [['--bogus'], "kinesim: unknown flag --bogus for 'kinesim serve' (see 'kinesim serve --help')\n"],
    [['--port'], 'kinesim: --port needs a value: --port <n>\n'],
  ])('a bad flag %j is named, with exit code 2', (args, message) => {
    const r = kinesimSync('serve', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(message);
  });

  it('an unreadable TLS file is exit code 1, naming the file', () => {
    const r = kinesimSync('serve', '--tls-cert', '/nonexistent/cert.pem', '--tls-key', '/nonexistent/key.pem');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kinesim serve: cannot read a TLS file: .*\/nonexistent\/cert\.pem/);
  });

  it('a state file that cannot be used is exit code 1, like a TLS file, naming the file and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinesim-serve-state-'));
    const corrupt = join(dir, 'corrupt.bin');
    writeFileSync(corrupt, 'garbage that is long enough to have a header');
    const bad = kinesimSync('serve', '--port', '0', '--state', corrupt);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^kinesim serve: cannot restore --state ${corrupt}: not a kinesim snapshot.*\n$`));
    expect(readFileSync(corrupt, 'utf8')).toBe('garbage that is long enough to have a header');
    const nowhere = kinesimSync('serve', '--port', '0', '--state', '/nonexistent-kinesim/state.bin');
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/^kinesim serve: cannot write --state \/nonexistent-kinesim\/state\.bin: ENOENT.*\n$/);
  });

  it('--help lists every flag; --version prints the version', () => {
    const help = kinesimSync('serve', '--help');
    expect(help.code).toBe(0);
    for (const flag of ['--port <n>', '--host <addr>', '--region', '--account', '--create-delay-ms', '--delete-delay-ms', '--update-delay-ms',
      '--consumer-delay-ms', '--shard-limit', '--throughput-limits', '--token-secret', '--tls-cert', '--tls-key', '--log', '--version', '--help']) {
      expect(help.stdout).toContain(flag);
    }
    const version = kinesimSync('serve', '--version');
    expect(version.stdout).toMatch(/^kinesim \d+\.\d+\.\d+\n$/);
    expect(kinesimSync('--help').stdout).toMatch(/^ {2}serve +Serve a Kinesis endpoint/m);
  });
});
