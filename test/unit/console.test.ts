// The console's request handler and its place on the server: what it serves under /_kinesim/, the token and Host
// guards, its headers (no CORS), the JSON API answering with AWS's errors, /_kinesim/health, and AWS's paths untouched.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, SystemClock } from '../../src/index.js';
import { createConsole } from '../../src/console/index.js';
import { hostAllowed } from '../../src/console/console-security.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { KINESIM_VERSION } from '../../src/version.js';
import { T0 } from '../support/stream-fixture.js';

const TOKEN = '0123456789abcdef0123456789abcdef';
const text = (body: Uint8Array) => new TextDecoder().decode(body);

function setup(clock = new ManualClock(T0)) {
  const kinesis = new Kinesis({ clock });
  const console_ = createConsole({ kinesis, token: TOKEN, allowedHosts: ['kinesim'] });
  const request = (method: string, url: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
    console_.handle({
      method, url,
      headers: { host: '127.0.0.1:4567', ...options.headers },
      body: new TextEncoder().encode(options.body === undefined ? '' : JSON.stringify(options.body)),
    });
  const api = (action: string, body: unknown = {}, headers: Record<string, string> = {}) => {
    const answer = request('POST', `/_kinesim/api/${action}`, { body, headers: { 'x-kinesim-token': TOKEN, ...headers } })!;
    const answered = text(answer.body);
    return { status: answer.statusCode, json: answered === '' ? {} : JSON.parse(answered), headers: answer.headers };
  };
  return { kinesis, clock, request, api };
}

describe('the console handler', () => {
  it('serves the page with its token, the script and the style, with security headers and no CORS', () => {
    const { request } = setup();
    const page = request('GET', '/_kinesim/')!;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(text(page.body)).toContain(`<meta name="kinesim-token" content="${TOKEN}">`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
    const script = request('GET', '/_kinesim/console.js')!;
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(text(script.body)).toContain('kit.dom = (');
    // The served text must parse as a script on its own (every module function self-contained).
    expect(() => new Function(text(script.body))).not.toThrow();
    expect(request('GET', '/_kinesim/console.css')!.headers['content-type']).toBe('text/css; charset=utf-8');
    for (const answer of [page, script]) expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
  });

  it('leaves every other path to the server, and redirects /_kinesim to /_kinesim/', () => {
    const { request } = setup();
    expect(request('POST', '/')).toBeUndefined();
    expect(request('GET', '/_kinesim/admin/faults')).toBeUndefined();
    const redirect = request('GET', '/_kinesim?x=1')!;
    expect(redirect.statusCode).toBe(308);
    expect(redirect.headers['location']).toBe('/_kinesim/');
    expect(request('POST', '/_kinesim/')!.statusCode).toBe(405);
    expect(request('GET', '/_kinesim/api/overview')!.statusCode).toBe(405);
  });

  it('answers /_kinesim/health with the version and the engine time, from any host', () => {
    const { request, clock } = setup();
    clock.advance(1500);
    const health = request('GET', '/_kinesim/health', { headers: { host: 'kinesim-in-a-container:4567' } })!;
    expect(JSON.parse(text(health.body))).toEqual({ ok: true, version: KINESIM_VERSION, engineTimeMs: T0 + 1500, engineTime: new Date(T0 + 1500).toISOString() });
  });

  it('refuses API calls without the token, and the page for a host name it does not know (DNS rebinding)', () => {
    const { request, api } = setup();
    const noToken = request('POST', '/_kinesim/api/kinesis/ListStreams', { body: {} })!;
    expect(noToken.statusCode).toBe(403);
    expect(JSON.parse(text(noToken.body)).__type).toBe('AccessDeniedException');
    expect(api('overview', {}, { 'x-kinesim-token': 'f'.repeat(32) }).status).toBe(403);
    expect(request('GET', '/_kinesim/', { headers: { host: 'evil.example:4567' } })!.statusCode).toBe(403);
    expect(api('overview', {}, { host: 'evil.example' }).status).toBe(403);
    for (const host of ['localhost:4567', '127.0.0.1', '[::1]:4567', '10.0.0.7:80', 'kinesim:4567', 'app.localhost']) {
      expect(hostAllowed(host, ['kinesim']), host).toBe(true);
    }
    for (const host of ['evil.example', 'kinesim.evil.example', '', '127.0.0.1.nip.io']) expect(hostAllowed(host, ['kinesim']), host).toBe(false);
    expect(() => createConsole({ kinesis: new Kinesis(), token: 'short' })).toThrow(RangeError);
  });

  it('runs Kinesis operations through the engine’s wire protocol: AWS JSON in, AWS answers and errors out', () => {
    const { api, kinesis } = setup();
    expect(api('kinesis/CreateStream', { StreamName: 'orders', ShardCount: 2 }).status).toBe(200);
    const put = api('kinesis/PutRecord', { StreamName: 'orders', PartitionKey: 'k', Data: btoa('hello') });
    expect(put.json.ShardId).toMatch(/^shardId-/);
    expect(kinesis.describeStreamSummary({ StreamName: 'orders' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
    const bad = api('kinesis/CreateStream', { StreamName: 'orders', ShardCount: 2 });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ __type: 'ResourceInUseException', message: 'Stream orders under account 000000000000 already exists.' });
    const invalid = api('kinesis/SplitShard', { StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: 'x' });
    expect(invalid.json.__type).toBe('ValidationException');
    expect(api('kinesis/DescribeShardGraph', { StreamName: 'orders' }).json.__type).toBe('UnknownOperationException');
  });

  it('answers the shard graph, metrics (times in epoch ms) and the metric catalog', () => {
    const { api, kinesis, clock } = setup();
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(5) });
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' });
    const graph = api('shard-graph', { StreamName: 's' }).json;
    expect(graph.Shards.map((s: { ShardId: string; State: string }) => `${s.ShardId} ${s.State}`)).toEqual([
      'shardId-000000000000 CLOSED', 'shardId-000000000001 OPEN', 'shardId-000000000002 OPEN',
    ]);
    expect(graph.Shards[0].OpenedAt).toBe(T0);
    clock.advance(60_000);
    const query = { Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', Dimensions: [{ Name: 'StreamName', Value: 's' }], StartTime: T0, EndTime: T0 + 120_000, Period: 60, Statistics: ['Sum'] };
    const { results } = api('metrics', { queries: [query, { ...query, Period: 7 }] }).json;
    expect(results[0]).toEqual({ Label: 'IncomingBytes', Datapoints: [{ Timestamp: T0, Sum: 5, Unit: 'Bytes' }] });
    expect(results[1].error.__type).toBe('InvalidParameterValueException');
    const overview = api('overview').json;
    expect(overview).toMatchObject({ version: KINESIM_VERSION, nowMs: T0 + 60_000, manualClock: true, region: 'us-east-1', metricsRetentionMs: 10_800_000 });
    expect(overview.metrics.length).toBe(33);
    expect(api('list-metrics', { MetricName: 'IncomingBytes' }).json.Metrics).toHaveLength(1);
    expect(api('nope').json.__type).toBe('UnknownOperationException');
    expect(api('overview', '[1]' as unknown as object).json.__type).toBe('SerializationException');
  });

  it('reads the clock, moves a ManualClock within a Date\'s range, and refuses to move the system clock', () => {
    const { api, clock } = setup();
    expect(api('clock', {}).json).toEqual({ nowMs: T0, manual: true });
    expect(api('clock', { advanceMs: 90_000 }).json).toEqual({ nowMs: T0 + 90_000, manual: true });
    expect(api('clock', { setMs: T0 + 10 }).json).toEqual({ nowMs: T0 + 10, manual: true });
    expect(api('clock', { advanceMs: -1 }).json.__type).toBe('InvalidArgumentException');
    expect(api('clock', { advanceMs: 'soon' }).json.__type).toBe('InvalidArgumentException');
    // Past the last Date: refused as a bad argument, and the clock (so every later answer) is untouched.
    const tooFar = api('clock', { advanceMs: 1e20 });
    expect([tooFar.status, tooFar.json.__type]).toEqual([400, 'InvalidArgumentException']);
    expect(clock.now()).toBe(T0 + 10);
    const system = setup(new SystemClock() as unknown as ManualClock);
    const read = system.api('clock', {}).json;
    expect(read.manual).toBe(false);
    expect(Math.abs(read.nowMs - Date.now())).toBeLessThan(60_000);
    const refused = system.api('clock', { advanceMs: 1 });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toContain('system clock');
  });
});

describe('the console on kinesim/http', () => {
  let server: KinesisHttpServer;
  beforeAll(async () => {
    server = await startHttpServer(new Kinesis({ clock: new ManualClock(T0) }));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is served under /_kinesim/ while AWS paths keep AWS answers', async () => {
    expect(server.consoleUrl).toBe(`${server.url}/_kinesim/`);
    const page = await fetch(server.consoleUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('kinesim-token');
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(403);
    expect(await root.text()).toContain('AccessDeniedException');
    const missing = await fetch(`${server.url}/_kinesim/nothing-here`);
    expect(missing.status).toBe(404);
    const health = await fetch(`${server.url}/_kinesim/health`);
    expect((await health.json()).engineTimeMs).toBe(T0);
    // A cross-origin preflight to the API gets no CORS approval, so a page elsewhere cannot call it.
    const preflight = await fetch(`${server.url}/_kinesim/api/kinesis/DeleteStream`, {
      method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-kinesim-token' },
    });
    expect(preflight.status).toBe(405);
    expect([...preflight.headers.keys()].filter((h) => h.startsWith('access-control'))).toEqual([]);
  });

  it('can be turned off, keeping /_kinesim/health', async () => {
    const plain = await startHttpServer(new Kinesis(), { console: false });
    try {
      expect((await fetch(`${plain.url}/_kinesim/`)).status).toBe(404);
      expect((await fetch(`${plain.url}/_kinesim/health`)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});

it('reports the version package.json has', async () => {
  const { readFileSync } = await import('node:fs');
  expect(KINESIM_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
});
