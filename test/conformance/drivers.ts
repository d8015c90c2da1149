// Four ways to reach one engine with the same AWS operation shapes: the Kinesis class itself, and the AWS SDK v3
// KinesisClient through kinesim's in-process request handler, over HTTP/1.1 to kinesim/http, or over HTTP/2 with the
// SDK's default handler (no requestHandler option). The suite runs on all.
import * as sdk from '@aws-sdk/client-kinesis';
import { KinesisClient, KinesisServiceException } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createRequestHandler } from '../../src/adapters/aws-sdk.js';
import { startHttpServer, type KinesisHttpServer } from '../../src/server/http-server.js';
import { Kinesis, ManualClock, type KinesisOptions } from '../../src/index.js';
import { OPERATIONS, type OperationName } from '../../src/operations/registry.js';

/** An operation's output with the transport stripped off ($metadata), so both drivers' results compare equal. */
export type Output = Record<string, any>;

/** An AWS error as both drivers report it. */
export interface AwsError {
  name: string;
  message: string;
  fault: string;
}

/** The events of one subscription, as the SDK's EventStream iterates them (an exception event is thrown). */
export type EventReader = AsyncIterator<Output>;

export interface Driver {
  /** Sends `operation` (an AWS name, e.g. 'PutRecord') with an input in the SDK's shape. */
  send(operation: OperationName, input?: object): Promise<Output>;
  /** Sends SubscribeToShard and returns its EventStream's iterator (drivers that can stream events only). */
  subscribe?(input: object): Promise<EventReader>;
  /** Releases what the driver opened (sockets, servers), if anything. */
  close?(): Promise<void>;
}

export interface DriverKind {
  readonly name: string;
  /** Whether the driver's Driver has `subscribe` (scenarios that send SubscribeToShard need it). */
  readonly streamsEvents: boolean;
  create(kinesis: Kinesis): Driver;
}

/** 2024-01-01T00:00:00Z: on a whole second, so timestamps survive any rounding to seconds. */
export const START_MS = Date.UTC(2024, 0, 1);

export const direct: DriverKind = {
  name: 'Kinesis (direct)',
  streamsEvents: true,
  create(kinesis) {
    return {
      send(operation, input = {}) {
        const { method } = OPERATIONS[operation];
        if (method === undefined) return Promise.reject(new Error(`Kinesis does not serve ${operation}`));
        const run = kinesis[method] as (this: Kinesis, input: object) => Output;
        return new Promise((resolve) => resolve(run.call(kinesis, input)));
      },
      subscribe(input) {
        return new Promise((resolve) => resolve(kinesis.subscribeToShard(input as never).EventStream[Symbol.asyncIterator]()));
      },
    };
  },
};

export const awsSdk: DriverKind = {
  name: 'KinesisClient (kinesim/aws-sdk)',
  streamsEvents: true,
  create(kinesis) {
    const client = sdkClient(kinesis);
    return {
      send: (operation, input = {}) => sendCommand(client, operation, input),
      subscribe: (input) => subscribeWith(client, input),
    };
  },
};

/** The SDK over Node's HTTP stack and a loopback socket; the server starts on the first call. */
export const http: DriverKind = {
  name: 'KinesisClient over HTTP (kinesim/http)',
  streamsEvents: true,
  create(kinesis) {
    let started: Promise<{ server: KinesisHttpServer; client: KinesisClient }> | undefined;
    const connect = () =>
      (started ??= startHttpServer(kinesis).then((server) => ({ server, client: httpClient(server.url) })));
    return {
      async send(operation, input = {}) {
        return sendCommand((await connect()).client, operation, input);
      },
      async subscribe(input) {
        return subscribeWith((await connect()).client, input);
      },
      async close() {
        if (started === undefined) return;
        const { server, client } = await started;
        client.destroy();
        await server.close();
      },
    };
  },
};

/** The SDK with its default request handler (cleartext HTTP/2, one session per request) to kinesim/http. */
export const http2: DriverKind = {
  name: 'KinesisClient over HTTP/2, default handler (kinesim/http)',
  streamsEvents: true,
  create(kinesis) {
    let started: Promise<{ server: KinesisHttpServer; client: KinesisClient }> | undefined;
    const connect = () =>
      (started ??= startHttpServer(kinesis).then((server) => ({
        server,
        client: new KinesisClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDKINESIM', secretAccessKey: 'kinesim' }, maxAttempts: 1 }),
      })));
    return {
      async send(operation, input = {}) {
        return sendCommand((await connect()).client, operation, input);
      },
      async subscribe(input) {
        return subscribeWith((await connect()).client, input);
      },
      async close() {
        if (started === undefined) return;
        const { server, client } = await started;
        client.destroy();
        await server.close();
      },
    };
  },
};

async function sendCommand(client: KinesisClient, operation: OperationName, input: object): Promise<Output> {
  const Command = (sdk as unknown as Record<string, new (input: object) => any>)[`${operation}Command`];
  if (Command === undefined) throw new Error(`the SDK has no ${operation}Command`);
  try {
    const { $metadata, ...output } = (await client.send(new Command(input))) as Output;
    return output;
  } catch (error) {
    throw checkedSdkError(error);
  }
}

/** SubscribeToShard through the SDK: its EventStream's iterator, with SDK errors checked like other calls'. */
async function subscribeWith(client: KinesisClient, input: object): Promise<EventReader> {
  let output: Output;
  try {
    output = await client.send(new sdk.SubscribeToShardCommand(input as sdk.SubscribeToShardCommandInput));
  } catch (error) {
    throw checkedSdkError(error);
  }
  const iterator = (output.EventStream as AsyncIterable<Output>)[Symbol.asyncIterator]();
  return {
    async next() {
      try {
        return await iterator.next();
      } catch (error) {
        throw checkedSdkError(error);
      }
    },
    async return() {
      return (await iterator.return?.()) ?? { value: undefined, done: true };
    },
  };
}

export const DRIVERS: readonly DriverKind[] = [direct, awsSdk, http, http2];

/** A KinesisClient served by `kinesis`. One attempt: the SDK retries throttling errors with real sleeps. */
export function sdkClient(kinesis: Kinesis): KinesisClient {
  return new KinesisClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDKINESIM', secretAccessKey: 'kinesim' },
    requestHandler: createRequestHandler(kinesis),
    maxAttempts: 1,
  });
}

/** A KinesisClient sending to `endpoint` over real sockets, with bounded waits and one attempt. */
function httpClient(endpoint: string): KinesisClient {
  return new KinesisClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDKINESIM', secretAccessKey: 'kinesim' },
    requestHandler: new NodeHttpHandler({ connectionTimeout: 10_000, requestTimeout: 10_000 }),
    maxAttempts: 1,
  });
}

/** A fresh engine on a manual clock at START_MS. */
export function engine(options: KinesisOptions = {}): { kinesis: Kinesis; clock: ManualClock } {
  const clock = new ManualClock(START_MS);
  return { kinesis: new Kinesis({ clock, ...options }), clock };
}

/** Every error the SDK raises must be its own class for the modelled exceptions, its base class otherwise. */
function checkedSdkError(error: unknown): unknown {
  if (!(error instanceof KinesisServiceException)) return error;
  const modelled = (sdk as unknown as Record<string, unknown>)[error.name];
  if (typeof modelled === 'function' && !(error instanceof modelled)) {
    return new Error(`SDK raised ${error.name} but not as an instance of its class`);
  }
  return error;
}

/** What both drivers' errors are compared by. */
export function awsError(error: unknown): AwsError {
  if (!(error instanceof Error)) throw error;
  const fault = (error as { $fault?: unknown }).$fault;
  if (typeof fault !== 'string') throw error;
  return { name: error.name, message: error.message, fault };
}
