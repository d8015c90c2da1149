// kinesim's own paths on the real server (kinesim/http): /_kinesim/ goes to the admin endpoints first, then the
// console, else a 404; AWS's paths keep AWS's answers; transport faults never touch /_kinesim/; and the console's
// token and Host checks hold alike over HTTP/1.1, HTTP/2 with prior knowledge, and TLS (HTTP/2 and HTTP/1.1 by ALPN).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect as http2Connect, type ClientHttp2Session } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { T0 } from '../support/stream-fixture.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const SIGNED = {
  'x-amz-date': '20240101T000000Z',
  authorization: 'AWS4-HMAC-SHA256 Credential=k/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
};
const AWS_CALL = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams', ...SIGNED };

/** An HTTP/1.1 (or, for an https URL, HTTPS) request with the given headers (`host` overrides the URL's). */
function h1(url: string, method: string, headers: Record<string, string> = {}, body = '', ca?: Buffer): Promise<Answer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // A Host other than the certificate's names is the point of some requests: the name check is the server's here.
    const tls = ca === undefined ? {} : { ca, ...(headers['host'] === undefined ? {} : { checkServerIdentity: () => undefined }) };
    const request = send(url, { method, headers, ...tls }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const sessions: ClientHttp2Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

/** An HTTP/2 request on a session to `origin` (prior knowledge for http:, ALPN for https:); `:authority` may be set. */
function h2(origin: string, headers: Record<string, string>, body = '', ca?: Buffer): Promise<Answer & { alpn: string | false | undefined }> {
  const session = http2Connect(origin, ca === undefined ? {} : { ca });
  session.on('error', () => {});
  sessions.push(session);
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'GET', ...headers }, { endStream: false });
    let text = '';
    let head: Record<string, string | string[] | undefined> = {};
    stream.on('response', (h) => (head = h as typeof head));
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    stream.on('end', () => resolve({ status: Number(head[':status']), headers: head, body: text, alpn: session.alpnProtocol }));
    stream.on('error', reject);
    stream.end(body);
  });
}

const tokenOf = (page: string) => /<meta name="kinesim-token" content="([0-9a-f]+)">/.exec(page)?.[1];
const corsHeaders = (answer: Answer) => Object.keys(answer.headers).filter((name) => name.startsWith('access-control'));

describe('/_kinesim/ on the server: admin endpoints, then the console, else 404', () => {
  let server: KinesisHttpServer;
  let kinesis: Kinesis;
  beforeAll(async () => {
    kinesis = new Kinesis({ clock: new ManualClock(T0) });
    server = await startHttpServer(kinesis);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers the admin endpoints, the console and a 404, with no CORS header and no x-amz-id-2; AWS paths as AWS does', async () => {
    const injected = await h1(`${server.url}/_kinesim/faults`, 'POST', {}, '{"operation":"DeleteStream","error":"InternalFailure"}');
    expect(injected).toMatchObject({ status: 200, body: '{"id":1}' });
    expect(kinesis.faults.rules).toHaveLength(1);
    const page = await h1(server.consoleUrl, 'GET');
    expect(page.status).toBe(200);
    expect(tokenOf(page.body)).toMatch(/^[0-9a-f]{32}$/);
    const missing = await h1(`${server.url}/_kinesim/nothing-here`, 'GET');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).message).toBe('kinesim serves nothing at /_kinesim/nothing-here; the console is at /_kinesim/.');
    for (const answer of [injected, page, missing]) {
      expect(corsHeaders(answer)).toEqual([]);
      expect(answer.headers['x-amz-id-2']).toBeUndefined();
    }
    const root = await h1(`${server.url}/`, 'GET');
    expect(root.status).toBe(403);
    expect(root.body).toContain('AccessDeniedException');
    expect(root.headers['x-amz-id-2']).toBeDefined();
    expect((await h1(`${server.url}/_kinesim/faults`, 'DELETE')).status).toBe(200);
  });

  it('never applies transport faults to /_kinesim/: a rule dropping everything can be removed over HTTP', async () => {
    kinesis.faults.inject({ transport: 'drop' });
    await expect(h1(server.url, 'POST', AWS_CALL, '{}')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await h1(`${server.url}/_kinesim/health`, 'GET')).status).toBe(200);
    expect((await h1(server.consoleUrl, 'GET')).status).toBe(200);
    expect((await h1(`${server.url}/_kinesim/faults`, 'DELETE')).status).toBe(200);
    expect((await h1(server.url, 'POST', AWS_CALL, '{}')).status).toBe(200);
  });

  it('serves only /_kinesim/health (and the admin endpoints) with the console off', async () => {
    const plain = await startHttpServer(new Kinesis({ clock: new ManualClock(T0) }), { console: false });
    try {
      const off = await h1(`${plain.url}/_kinesim/`, 'GET');
      expect(off.status).toBe(404);
      expect(JSON.parse(off.body).message).toBe('kinesim serves nothing at /_kinesim/; this server runs without its console (kinesim serve --console=false).');
      expect((await h1(`${plain.url}/_kinesim/api/overview`, 'POST')).status).toBe(404);
      expect(JSON.parse((await h1(`${plain.url}/_kinesim/health`, 'GET')).body)).toMatchObject({ ok: true, engineTimeMs: T0 });
      expect(JSON.parse((await h1(`${plain.url}/_kinesim/history`, 'GET')).body)).toEqual({ recording: false, calls: [] });
    } finally {
      await plain.close();
    }
  });

  it('keeps other sites\' pages out of the admin endpoints: a foreign Origin or Host name is refused, changing nothing', async () => {
    const rule = '{"operation":"ListStreams","error":"InternalFailure"}';
    const port = new URL(server.url).port;
    // A cross-site "simple" POST (text/plain, no preflight) as a page elsewhere would send it.
    const crossSite = await h1(`${server.url}/_kinesim/faults`, 'POST', { 'content-type': 'text/plain', origin: 'http://evil.example' }, rule);
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body).message).toBe('kinesim refuses requests from pages of another origin ("http://evil.example").');
    expect((await h1(`${server.url}/_kinesim/faults`, 'POST', { origin: 'null' }, rule)).status).toBe(403);
    // DNS rebinding: the page's own name, pointed at this machine, arrives as the Host (and as the Origin).
    const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    expect((await h1(`${server.url}/_kinesim/faults`, 'POST', rebound, rule)).status).toBe(403);
    const snapshot = await h1(`${server.url}/_kinesim/snapshot`, 'GET', { host: `evil.example:${port}` });
    expect(snapshot.status).toBe(403);
    expect(JSON.parse(snapshot.body).message).toMatch(/^kinesim refuses requests for host "evil.example:\d+": /);
    expect(snapshot.headers['cache-control']).toBe('no-store');
    expect(kinesis.faults.rules).toEqual([]);
    // The server's own origin (the console's page), curl (no Origin) and a listed name go through.
    const sameOrigin = await h1(`${server.url}/_kinesim/faults`, 'POST', { origin: server.url }, rule);
    expect(sameOrigin.status).toBe(200);
    expect((await h1(`${server.url}/_kinesim/faults`, 'DELETE')).status).toBe(200);
    const named = await startHttpServer(new Kinesis({ clock: new ManualClock(T0) }), { allowedHosts: ['kinesim'] });
    try {
      const namedPort = new URL(named.url).port;
      expect((await h1(`${named.url}/_kinesim/history`, 'GET', { host: `kinesim:${namedPort}` })).status).toBe(200);
      expect((await h1(`${named.url}/_kinesim/history`, 'GET', { host: `other:${namedPort}` })).status).toBe(403);
    } finally {
      await named.close();
    }
  });

  it('checks the token and the Host over HTTP/1.1', async () => {
    const token = tokenOf((await h1(server.consoleUrl, 'GET')).body)!;
    const api = `${server.url}/_kinesim/api/kinesis/ListStreams`;
    expect((await h1(api, 'POST', {}, '{}')).status).toBe(403);
    expect((await h1(api, 'POST', { 'x-kinesim-token': token }, '{}')).status).toBe(200);
    expect((await h1(api, 'POST', { 'x-kinesim-token': token, host: 'evil.example' }, '{}')).status).toBe(403);
    expect((await h1(server.consoleUrl, 'GET', { host: 'evil.example:4567' })).status).toBe(403);
  });

  it('checks the token and the Host over HTTP/2 with prior knowledge (the Host is the :authority)', async () => {
    const page = await h2(server.url, { ':path': '/_kinesim/' });
    expect(page.status).toBe(200);
    const token = tokenOf(page.body)!;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(corsHeaders(page)).toEqual([]);
    expect((await h2(server.url, { ':path': '/_kinesim/', ':authority': 'evil.example' })).status).toBe(403);
    const api = { ':method': 'POST', ':path': '/_kinesim/api/overview' };
    expect((await h2(server.url, api, '{}')).status).toBe(403);
    const overview = await h2(server.url, { ...api, 'x-kinesim-token': token }, '{}');
    expect(overview.status).toBe(200);
    expect(JSON.parse(overview.body)).toMatchObject({ nowMs: T0, manualClock: true });
    expect((await h2(server.url, { ...api, 'x-kinesim-token': token, ':authority': 'evil.example:80' }, '{}')).status).toBe(403);
    expect((await h2(server.url, { ':path': '/' })).status).toBe(403);
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) console.log('console over TLS skipped: openssl is missing');

describe.skipIf(!hasOpenssl)('the console over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinesim-console-tls-'));
  let server: KinesisHttpServer;
  let ca: Buffer;
  beforeAll(async () => {
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']);
    expect(made.status).toBe(0);
    ca = readFileSync(join(dir, 'cert.pem'));
    server = await startHttpServer(new Kinesis({ clock: new ManualClock(T0) }), {
      tls: { cert: ca, key: readFileSync(join(dir, 'key.pem')) },
      allowedHosts: ['kinesim'],
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the token and the Host over HTTPS HTTP/2 (ALPN h2) and HTTP/1.1 (ALPN http/1.1)', async () => {
    expect(server.consoleUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/_kinesim\/$/);
    const page = await h2(server.url, { ':path': '/_kinesim/' }, '', ca);
    expect(page).toMatchObject({ status: 200, alpn: 'h2' });
    const token = tokenOf(page.body)!;
    const api = { ':method': 'POST', ':path': '/_kinesim/api/kinesis/ListStreams' };
    expect((await h2(server.url, api, '{}', ca)).status).toBe(403);
    expect((await h2(server.url, { ...api, 'x-kinesim-token': token }, '{}', ca)).status).toBe(200);
    expect((await h2(server.url, { ':path': '/_kinesim/', ':authority': 'evil.example' }, '', ca)).status).toBe(403);
    expect((await h2(server.url, { ':path': '/_kinesim/', ':authority': 'kinesim:4567' }, '', ca)).status).toBe(200);

    const apiUrl = `${server.url}/_kinesim/api/kinesis/ListStreams`;
    expect((await h1(apiUrl, 'POST', {}, '{}', ca)).status).toBe(403);
    expect((await h1(apiUrl, 'POST', { 'x-kinesim-token': token }, '{}', ca)).status).toBe(200);
    expect((await h1(server.consoleUrl, 'GET', { host: 'evil.example' }, '', ca)).status).toBe(403);
  });
});
