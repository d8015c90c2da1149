// `kinesim serve --tls-cert --tls-key` with a self-signed certificate made for the test by openssl: HTTP/2 and HTTP/1.1
// chosen by ALPN on one port, for the SDK v3 default handler (which trusts the certificate through
// NODE_EXTRA_CA_CERTS, as a user would set it), Node's own clients, and boto3.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect as http2Connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { available, kinesimServe, run, type Served } from './support.js';

const hasOpenssl = available('TLS', 'openssl', ['version']);
const hasBoto3 = hasOpenssl && available('boto3 over TLS', 'python3', ['-c', 'import boto3']);
const dir = mkdtempSync(join(tmpdir(), 'kinesim-tls-'));
const cert = join(dir, 'cert.pem');
const key = join(dir, 'key.pem');
const SIGNED = { 'x-amz-date': '20240101T000000Z', authorization: 'AWS4-HMAC-SHA256 Credential=k/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0' };

const SDK_V3 = `
import { KinesisClient, CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
const client = new KinesisClient({ endpoint: process.argv[1], region: 'us-east-1', maxAttempts: 1 });
await client.send(new CreateStreamCommand({ StreamName: 'over-tls', ShardCount: 1 }));
console.log(JSON.stringify((await client.send(new ListStreamsCommand({}))).StreamNames));
client.destroy();
`;

describe.skipIf(!hasOpenssl)('kinesim serve over TLS', () => {
  let server: Served;
  beforeAll(async () => {
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert,
      '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']);
    server = await kinesimServe('--tls-cert', cert, '--tls-key', key, '--log');
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints an https URL', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  test('the SDK v3 default handler negotiates HTTP/2 (ALPN h2)', async () => {
    const out = await run(process.execPath, ['--input-type=module', '-e', SDK_V3, server.url], { NODE_EXTRA_CA_CERTS: cert });
    expect(JSON.parse(out)).toContain('over-tls');
    expect(server.stderr()).toMatch(/ CreateStream 200 \S+ HTTP\/2\n/);
  });

  test('Node clients get HTTP/2 by ALPN h2 and HTTP/1.1 by ALPN http/1.1 on the same port', async () => {
    const ca = readFileSync(cert);
    const session = http2Connect(server.url, { ca });
    const h2 = await new Promise<{ alpn: string | false | undefined; status: unknown; body: string }>((resolve, reject) => {
      const stream = session.request({ ':method': 'POST', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams', ...SIGNED });
      let body = '';
      let status: unknown;
      stream.on('response', (headers) => (status = headers[':status']));
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => resolve({ alpn: session.alpnProtocol, status, body }));
      stream.on('error', reject);
      stream.end('{}');
    });
    session.close();
    expect(h2).toMatchObject({ alpn: 'h2', status: 200 });
    expect(JSON.parse(h2.body).StreamNames).toBeInstanceOf(Array);

    const h1 = await new Promise<{ version: string; status: number | undefined }>((resolve, reject) => {
      const request = httpsRequest(server.url, { method: 'POST', ca, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams', ...SIGNED } }, (response) => {
        response.resume();
        response.on('end', () => resolve({ version: response.httpVersion, status: response.statusCode }));
      });
      request.on('error', reject);
      request.end('{}');
    });
    expect(h1).toEqual({ version: '1.1', status: 200 });
  });

  test.skipIf(!hasBoto3)('boto3 with the certificate as its CA bundle', async () => {
    const script = `
import boto3, sys
k = boto3.client('kinesis', endpoint_url=sys.argv[1], verify=sys.argv[2])
k.create_stream(StreamName='boto-tls', ShardCount=1)
print(k.describe_stream_summary(StreamName='boto-tls')['StreamDescriptionSummary']['StreamStatus'])
`;
    expect((await run('python3', ['-c', script, server.url, cert])).trim()).toBe('ACTIVE');
  });
});
