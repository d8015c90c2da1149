// The server's socket side with a stand-in answerer: one port for HTTP/1.1 and HTTP/2, event streams written as they
// come, x-amz-id-2, the request log, engine bugs, graceful close.
import { request as http1Request, type IncomingMessage } from 'node:http';
import { connect as http2Connect, type ClientHttp2Session } from 'node:http2';
import { connect as netConnect, type Socket } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startWireServer, type RequestLogEntry, type RunningServer, type WireServerOptions } from '../../src/server/wire-server.js';
import { FakeAnswerer } from './fake-answerer.js';

const servers: RunningServer[] = [];
const sessions: ClientHttp2Session[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(answerer = new FakeAnswerer(), options: WireServerOptions = {}): Promise<{ server: RunningServer; answerer: FakeAnswerer }> {
  const server = await startWireServer(answerer, options);
  servers.push(server);
  return { server, answerer };
}

const until = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** An HTTP/1.1 request; resolves with the response once its headers arrive. */
function h1(server: RunningServer, target: string, body = '{}'): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http1Request(server.url, { method: 'POST', headers: { 'x-amz-target': target, 'content-type': 'application/json' } }, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

function h2session(server: RunningServer): ClientHttp2Session {
  const session = http2Connect(server.url);
  session.on('error', () => {});
  sessions.push(session);
  return session;
}

/** Collects a response's chunks as text, each chunk as it arrived. */
function chunksOf(stream: NodeJS.ReadableStream): { chunks: string[]; ended: Promise<void> } {
  const chunks: string[] = [];
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return { chunks, ended };
}

describe('one port, two protocols', () => {
  test('HTTP/1.1 and HTTP/2 with prior knowledge reach the same answerer, pseudo-headers left out', async () => {
    const { server } = await serve();
    const one = await h1(server, 'echo');
    const { chunks, ended } = chunksOf(one);
    await ended;
    expect(one.httpVersion).toBe('1.1');
    expect(JSON.parse(chunks.join(''))).toMatchObject({ method: 'POST', url: '/', bytes: 2, n: 1 });

    const stream = h2session(server).request({ ':method': 'POST', ':path': '/x?y', 'x-amz-target': 'echo' });
    stream.end('{"a":1}');
    const two = chunksOf(stream);
    await two.ended;
    const echoed = JSON.parse(two.chunks.join(''));
    expect(echoed).toMatchObject({ method: 'POST', url: '/x?y', bytes: 7, n: 2 });
    expect(Object.keys(echoed.headers).filter((name) => name.startsWith(':'))).toEqual([]);
  });

  test('a preface split across packets still reaches HTTP/2; a request starting like it reaches HTTP/1.1', async () => {
    const { server } = await serve();
    const socket = await rawSocket(server);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.write('PRI * HTTP/2.0\r\n');
    await new Promise((resolve) => setTimeout(resolve, 30));
    socket.write('\r\nSM\r\n\r\n');
    socket.write(Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])); // an empty SETTINGS frame
    await until(() => Buffer.concat(received).length >= 9);
    expect(Buffer.concat(received)[3]).toBe(4); // the server's first frame is SETTINGS
    socket.destroy();

    const plain = await rawSocket(server);
    const reply: Buffer[] = [];
    plain.on('data', (chunk: Buffer) => reply.push(chunk));
    plain.write('P');
    await new Promise((resolve) => setTimeout(resolve, 30));
    plain.write('OST / HTTP/1.1\r\nHost: x\r\nx-amz-target: echo\r\nContent-Length: 0\r\n\r\n');
    await until(() => Buffer.concat(reply).toString().includes('"n":1'));
    expect(Buffer.concat(reply).toString()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    plain.destroy();
  });
});

function rawSocket(server: RunningServer): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(server.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

describe('x-amz-id-2 and the request log', () => {
  test('every answer carries 72 seeded bytes in base64; the same seed gives the same values; not on a CORS preflight', async () => {
    const ids = async (seed: number) => {
      const { server } = await serve(new FakeAnswerer(), { seed });
      const values: string[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await h1(server, 'echo');
        response.resume();
        values.push(String(response.headers['x-amz-id-2']));
      }
      return values;
    };
    const first = await ids(7);
    expect(first.every((value) => /^[A-Za-z0-9+/]{96}$/.test(value) && Buffer.from(value, 'base64').length === 72)).toBe(true);
    expect(new Set(first).size).toBe(3);
    expect(await ids(7)).toEqual(first);
    expect(await ids(8)).not.toEqual(first);

    const { server } = await serve();
    const preflight = await new Promise<IncomingMessage>((resolve) =>
      http1Request(server.url, { method: 'OPTIONS', headers: { origin: 'http://x' } }, resolve).end(),
    );
    preflight.resume();
    expect(preflight.headers['x-amz-id-2']).toBeUndefined();
  });

  test('logs each request once its answer ends: operation, status, duration, protocol', async () => {
    const entries: RequestLogEntry[] = [];
    const { server } = await serve(new FakeAnswerer(), { onRequest: (entry) => entries.push(entry) });
    (await h1(server, 'Kinesis_20131202.ListStreams')).resume();
    const stream = h2session(server).request({ ':method': 'POST', 'x-amz-target': 'other' });
    stream.end();
    stream.resume();
    await until(() => entries.length === 2);
    // No X-Amz-Target (kinesim's own paths): the method and path, without the query.
    const own = h2session(server).request({ ':method': 'GET', ':path': '/_kinesim/health?verbose=1' });
    own.end();
    own.resume();
    await until(() => entries.length === 3);
    expect(entries.map(({ operation, statusCode, protocol }) => ({ operation, statusCode, protocol }))).toEqual([
      { operation: 'ListStreams', statusCode: 200, protocol: 'HTTP/1.1' },
      { operation: 'other', statusCode: 200, protocol: 'HTTP/2' },
      { operation: 'GET /_kinesim/health', statusCode: 200, protocol: 'HTTP/2' },
    ]);
    expect(entries.every((entry) => entry.durationMs >= 0 && Math.abs(entry.timeMs - Date.now()) < 60_000)).toBe(true);
  });

  test('an engine bug is answered with the answerer\'s 500 and logged to stderr', async () => {
    const { server } = await serve();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await h1(server, 'bug');
      const { chunks, ended } = chunksOf(response);
      await ended;
      expect([response.statusCode, chunks.join('')]).toEqual([500, 'failure for application/json']);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });
});

describe('event-stream answers', () => {
  test('HTTP/1.1: headers at once, messages as they come, chunked, then the end', async () => {
    const { server, answerer } = await serve();
    const response = await h1(server, 'stream');
    expect(response.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['content-length']).toBeUndefined();
    const { chunks, ended } = chunksOf(response);
    const body = answerer.streams[0]!;
    body.push('one');
    await until(() => chunks.length === 1);
    body.push('two');
    body.push('three');
    await until(() => chunks.join('') === 'onetwothree');
    body.finish();
    await ended;
    expect(body.cancelled).toBe(false);
    expect(body.listenerCount).toBe(0);
  });

  test('HTTP/2: the same, as DATA frames on the stream', async () => {
    const { server, answerer } = await serve();
    const stream = h2session(server).request({ ':method': 'POST', 'x-amz-target': 'stream' });
    stream.end();
    const headers = await new Promise<Record<string, unknown>>((resolve) => stream.once('response', resolve));
    expect(headers[':status']).toBe(200);
    expect(headers['content-length']).toBeUndefined();
    const { chunks, ended } = chunksOf(stream);
    answerer.streams[0]!.push('a');
    await until(() => chunks.join('') === 'a');
    answerer.streams[0]!.push('b');
    answerer.streams[0]!.finish();
    await ended;
    expect(chunks.join('')).toBe('ab');
  });

  test('a body without onReady is still pulled every eventPollIntervalMs', async () => {
    const answerer = new FakeAnswerer();
    answerer.signalsReadiness = false;
    const { server } = await serve(answerer, { limits: { eventPollIntervalMs: 20 } });
    const response = await h1(server, 'stream');
    const { chunks, ended } = chunksOf(response);
    const body = answerer.streams[0]!;
    body.push('late');
    await until(() => chunks.join('') === 'late');
    body.finish();
    await ended;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pulls = body.pulls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(body.pulls).toBe(pulls); // no pulls after the end
  });

  test('a body handing out bounded batches is pulled again at once while it has messages, not at the next poll', async () => {
    const answerer = new FakeAnswerer();
    answerer.signalsReadiness = false;
    answerer.prepare = (body) => {
      body.maxPerPull = 7;
      for (let i = 0; i < 50; i++) body.push(`${i},`);
      body.finish();
    };
    const { server } = await serve(answerer, { limits: { eventPollIntervalMs: 60_000 } });
    const { chunks, ended } = chunksOf(await h1(server, 'stream'));
    await ended;
    expect(chunks.join('')).toBe(Array.from({ length: 50 }, (_, i) => `${i},`).join(''));
    expect(answerer.streams[0]!.pulls).toBe(8);
  });

  test.each(['HTTP/1.1', 'HTTP/2'])('%s: a client that goes away cancels the body, and pulling stops', async (protocol) => {
    const { server, answerer } = await serve(new FakeAnswerer(), { limits: { eventPollIntervalMs: 10 } });
    if (protocol === 'HTTP/1.1') {
      const response = await h1(server, 'stream');
      response.destroy();
    } else {
      const stream = h2session(server).request({ ':method': 'POST', 'x-amz-target': 'stream' });
      stream.end();
      await new Promise((resolve) => stream.once('response', resolve));
      stream.close();
    }
    const body = answerer.streams[0]!;
    await until(() => body.cancelled);
    const pulls = body.pulls;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(body.pulls).toBe(pulls);
  });

  test('a client that does not read holds the pulls back (backpressure)', async () => {
    const { server, answerer } = await serve(new FakeAnswerer(), { limits: { eventPollIntervalMs: 1 } });
    const response = await h1(server, 'stream');
    response.pause();
    const body = answerer.streams[0]!;
    body.flood = new Uint8Array(256 * 1024);
    body.push('go');
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Unchecked, 1 ms polls would have queued hundreds of 256 KiB messages; the socket's buffers hold a few.
    expect(body.pulls).toBeLessThan(60);
    const before = body.pulls;
    response.resume();
    await until(() => body.pulls > before + 5);
    response.destroy();
  });

  test('a stream outlives the request deadline (it bounds receiving the request, not answering it)', async () => {
    const { server, answerer } = await serve(new FakeAnswerer(), { limits: { headersTimeoutMs: 100, requestTimeoutMs: 200 } });
    const one = chunksOf(await h1(server, 'stream'));
    const stream = h2session(server).request({ ':method': 'POST', 'x-amz-target': 'stream' });
    stream.end();
    const two = chunksOf(stream);
    await until(() => answerer.streams.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 600));
    for (const body of answerer.streams) body.push('still here');
    for (const body of answerer.streams) body.finish();
    await Promise.all([one.ended, two.ended]);
    expect([one.chunks.join(''), two.chunks.join('')]).toEqual(['still here', 'still here']);
  });

  test('closing the server ends streams under way and cancels their bodies', async () => {
    const { server, answerer } = await serve();
    const response = await h1(server, 'stream');
    const { ended } = chunksOf(response);
    const closed = server.close({ graceMs: 1_000 });
    await Promise.race([ended.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    await closed;
    expect(answerer.streams[0]!.cancelled).toBe(true);
  });
});

describe('graceful close', () => {
  test('stops accepting at once, lets a request under way finish within the grace period', async () => {
    const { server } = await serve();
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http1Request(server.url, { method: 'POST', headers: { 'x-amz-target': 'echo', 'content-length': '4' } }, (response) => {
        const { chunks, ended } = chunksOf(response);
        ended.then(() => resolve({ status: response.statusCode!, text: chunks.join('') }), reject);
      });
      request.on('error', reject);
      request.write('ab');
      setTimeout(() => request.end('cd'), 150);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close({ graceMs: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(rawSocket(server)).rejects.toThrow(/ECONNREFUSED/);
    expect(await answer).toMatchObject({ status: 200, text: expect.stringContaining('"bytes":4') });
    await closed;
  });
});
