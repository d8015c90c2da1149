// Packaging check (after `npm run build`): dist/ imports as ESM and as CJS, every entry point loads, errors are
// KinesisError subclasses, and the entry points of one format share one KinesisError class, so an AWS error
// raised by the engine still reaches the wire as AWS's answer, never as an engine bug.
// Run with `npm run check:dist`; prints one line per check and exits non-zero on the first failure.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dist = new URL('../../dist/', import.meta.url);

const formats = {
  ESM: {
    index: await import(new URL('index.js', dist).href),
    awsSdk: await import(new URL('aws-sdk.js', dist).href),
    http: await import(new URL('http.js', dist).href),
    console: await import(new URL('console.js', dist).href),
  },
  CJS: {
    index: require(new URL('index.cjs', dist).pathname),
    awsSdk: require(new URL('aws-sdk.cjs', dist).pathname),
    http: require(new URL('http.cjs', dist).pathname),
    console: require(new URL('console.cjs', dist).pathname),
  },
};

for (const [format, { index, awsSdk, http, console: consoleEntry }] of Object.entries(formats)) {
  const kinesis = new index.Kinesis({ clock: new index.ManualClock(0) });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  assert.throws(
    () => kinesis.describeStream({ StreamName: 'missing' }),
    (error) => error instanceof index.ResourceNotFoundException && error instanceof index.KinesisError && error.$fault === 'client',
  );
  assert.ok(Object.isFrozen(index.KINESIS_LIMITS));
  assert.equal(typeof http.startHttpServer, 'function');

  // The SDK handler's protocol must recognise the engine's errors as AWS errors (one KinesisError class per format).
  const handler = awsSdk.createRequestHandler(kinesis);
  const body = new TextEncoder().encode('{"StreamName":"missing"}');
  const { response } = await handler.handle({ headers: { 'x-amz-target': 'Kinesis_20131202.DescribeStream' }, body });
  assert.equal(response.statusCode, 400);
  assert.equal(JSON.parse(new TextDecoder().decode(response.body)).__type, 'ResourceNotFoundException');
  // The console's script is its module functions' compiled text: it must still parse on its own once bundled.
  const web = consoleEntry.createConsole({ kinesis, token: 'a'.repeat(32) });
  const script = web.handle({ method: 'GET', url: '/_kinesim/console.js', headers: { host: 'localhost' }, body: new Uint8Array(0) });
  assert.equal(script.statusCode, 200);
  new Function(new TextDecoder().decode(script.body));
  console.log(`${format}: index, aws-sdk, http and console load; KinesisError is one class across them; the console script parses`);
}
