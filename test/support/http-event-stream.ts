// SubscribeToShard over a real socket, for the tests: a raw HTTP/1.1 request as lifion-kinesis sends it, a reader
// of the event-stream messages of its body.
import { request, type IncomingMessage } from 'node:http';
import { EventStreamDecoder, type EventMessage } from '../../src/encoding/event-stream.js';
import { Kinesis, ManualClock } from '../../src/index.js';
import { T0, arnOf } from './stream-fixture.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDKINESIM/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';

/** An engine on a ManualClock with stream 's' (1 shard) and an ACTIVE consumer 'app'. */
export function engine() {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  const consumerArn = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'app' }).Consumer.ConsumerARN;
  return { clock, kinesis, consumerArn };
}

/** A raw HTTP/1.1 POST as lifion-kinesis sends it (got + aws4): the response as soon as its head arrives. */
export function post(url: string, target: string, body: object): Promise<{ response: IncomingMessage; abort: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `Kinesis_20131202.${target}`,
        'x-amz-date': '20240101T000000Z',
        authorization: AUTH,
      },
    });
    req.on('response', (response) => resolve({ response, abort: () => req.destroy() }));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** The event-stream messages of a response body, one at a time (undefined once the body has ended). */
export class Messages {
  readonly #decoder = new EventStreamDecoder({ validateSizeLimits: false });
  readonly #ready: EventMessage[] = [];
  #ended = false;
  #wake: (() => void) | undefined;

  constructor(response: IncomingMessage) {
    response.on('data', (chunk: Buffer) => {
      this.#ready.push(...this.#decoder.push(chunk));
      this.#wake?.();
    });
    response.on('end', () => {
      this.#ended = true;
      this.#wake?.();
    });
  }

  async next(): Promise<EventMessage | undefined> {
    while (this.#ready.length === 0 && !this.#ended) await new Promise<void>((resolve) => (this.#wake = resolve));
    return this.#ready.shift();
  }
}
