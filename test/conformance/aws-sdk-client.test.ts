// What only the AWS SDK path can show: the SDK's own exception classes and metadata, operations the engine
// does not serve, engine bugs surfacing unchanged, and the SDK's paginators and waiters on kinesim.
import * as sdk from '@aws-sdk/client-kinesis';
import {
  CreateStreamCommand,
  DescribeLimitsCommand,
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  InvalidArgumentException,
  KinesisClient,
  KinesisServiceException,
  ListStreamsCommand,
  PutRecordCommand,
  RegisterStreamConsumerCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  ValidationException,
  paginateListStreamConsumers,
  paginateListStreams,
  waitUntilStreamExists,
  waitUntilStreamNotExists,
} from '@aws-sdk/client-kinesis';
import type { HttpHandler } from '@smithy/core/protocols';
import { describe, expect, test } from 'vitest';
import { createRequestHandler } from '../../src/adapters/aws-sdk.js';
import { Kinesis, type DescribeStreamInput } from '../../src/index.js';
import { AWS_OPERATION_NAMES, OPERATIONS, type OperationName } from '../../src/operations/registry.js';
import { engine, sdkClient } from './drivers.js';

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/;

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('createRequestHandler', () => {
  test('is an HttpHandler the SDK accepts, with nothing to configure or release', () => {
    const handler: HttpHandler = createRequestHandler(new Kinesis());
    handler.updateHttpClientConfig('requestTimeout' as never, 1000 as never);
    expect(handler.httpHandlerConfigs()).toEqual({});
    handler.destroy?.();
  });

  test('answers with request IDs shaped like AWS UUIDs, a new one per call', async () => {
    const client = sdkClient(new Kinesis());
    const first = await client.send(new ListStreamsCommand({}));
    const second = await client.send(new ListStreamsCommand({}));
    expect(first.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    expect(first.$metadata.requestId).toMatch(REQUEST_ID);
    expect(second.$metadata.requestId).toMatch(REQUEST_ID);
    expect(second.$metadata.requestId).not.toBe(first.$metadata.requestId);
  });
});

describe('errors reach callers as the SDK exception classes', () => {
  const { kinesis } = engine();
  const client = sdkClient(kinesis);

  test.each([
    ['ResourceNotFoundException', ResourceNotFoundException, new DescribeStreamCommand({ StreamName: 'missing' })],
    ['ValidationException', ValidationException, new DescribeStreamCommand({ StreamName: 'bad name' })],
    ['InvalidArgumentException', InvalidArgumentException, new GetRecordsCommand({ ShardIterator: 'bogus' })],
  ] as const)('%s', async (name, ExceptionClass, command) => {
    const error = await rejection(client.send(command as never));
    expect(error).toBeInstanceOf(ExceptionClass);
    expect(error).toBeInstanceOf(KinesisServiceException);
    expect(error.name).toBe(name);
    expect(error.$fault).toBe('client');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$metadata.requestId).toMatch(REQUEST_ID);
  });

  test('ResourceInUseException for a duplicate stream, with AWS message', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'dup', ShardCount: 1 }));
    const error = await rejection(client.send(new CreateStreamCommand({ StreamName: 'dup', ShardCount: 1 })));
    expect(error).toBeInstanceOf(ResourceInUseException);
    expect(error.message).toBe('Stream dup under account 000000000000 already exists.');
  });

  test('ExpiredIteratorException after the iterator lifetime', async () => {
    const { kinesis: k, clock } = engine();
    const c = sdkClient(k);
    await c.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
    const { ShardIterator } = await c.send(
      new GetShardIteratorCommand({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }),
    );
    clock.advance(300_001);
    expect(await rejection(c.send(new GetRecordsCommand({ ShardIterator })))).toBeInstanceOf(ExpiredIteratorException);
  });

  test('SerializationException (not modelled) arrives as the service exception base, message from "Message"', async () => {
    const error = await rejection(client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: '2' as never })));
    expect(error).toBeInstanceOf(KinesisServiceException);
    expect(error.name).toBe('SerializationException');
    expect(error.message).toBe('class java.lang.String can not be converted to an Integer');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

/** Every `*Command` class the SDK exports, by operation name (45 in @aws-sdk/client-kinesis 3.1143). */
const SDK_COMMANDS = Object.entries(sdk as unknown as Record<string, unknown>)
  .filter(([name, value]) => /^[A-Z]\w*Command$/.test(name) && typeof value === 'function')
  .map(([name, value]) => [name.slice(0, -'Command'.length), value as new (input: object) => never] as const);

describe('the whole SDK surface', () => {
  test('the SDK exports a command for every AWS operation the registry knows, and no other', () => {
    expect(SDK_COMMANDS.map(([name]) => name).sort()).toEqual([...AWS_OPERATION_NAMES].sort());
  });

  // The next SDK release cannot slip by: a new command answers UnknownOperationException until the registry serves it.
  test.each(SDK_COMMANDS)('%s is served (not UnknownOperationException)', async (name, Command) => {
    const unserved = Object.hasOwn(OPERATIONS, name) && OPERATIONS[name as OperationName].method === undefined;
    const error = await sdkClient(new Kinesis()).send(new Command({})).then(() => undefined, (e: unknown) => e as Error);
    if (unserved) expect(error?.name).toBe('UnknownOperationException');
    else expect(error?.name).not.toBe('UnknownOperationException');
  });
});

describe('operations the engine does not serve', () => {
  test('an operation outside the model answers UnknownOperationException', async () => {
    const handler = createRequestHandler(new Kinesis());
    const { response } = await handler.handle({ headers: { 'X-Amz-Target': 'Kinesis_20131202.ListDeliveryStreams' }, body: '{}' });
    expect(response.statusCode).toBe(400);
    expect(new TextDecoder().decode(response.body as Uint8Array)).toBe('{"__type":"UnknownOperationException"}');
  });

  test('a model operation is unknown while the engine has no method for it, decided per call', async () => {
    const kinesis = new Kinesis();
    const client = sdkClient(kinesis);
    expect((await client.send(new DescribeLimitsCommand({}))).ShardLimit).toBeGreaterThan(0);
    Object.defineProperty(kinesis, 'describeLimits', { value: undefined, configurable: true });
    expect((await rejection(client.send(new DescribeLimitsCommand({})))).name).toBe('UnknownOperationException');
    delete (kinesis as unknown as Record<string, unknown>).describeLimits;
    expect((await client.send(new DescribeLimitsCommand({}))).ShardLimit).toBeGreaterThan(0);
  });
});

describe('engine bugs are not dressed up as AWS errors', () => {
  test('a non-AWS error rejects the call with the original error, not retried', async () => {
    const kinesis = new Kinesis();
    const bug = new TypeError('kinesim bug');
    let calls = 0;
    Object.defineProperty(kinesis, 'describeLimits', {
      value: () => {
        calls++;
        throw bug;
      },
    });
    // Default retry settings (3 attempts): a bug is not a retryable error.
    const client = new KinesisClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDKINESIM', secretAccessKey: 'kinesim' },
      requestHandler: createRequestHandler(kinesis),
    });
    expect(await rejection(client.send(new DescribeLimitsCommand({})))).toBe(bug);
    expect(calls).toBe(1);
  });
});

describe('paginators', () => {
  test('paginateListStreams walks every page with Limit as the page size', async () => {
    const { kinesis } = engine();
    const client = sdkClient(kinesis);
    for (const name of ['a', 'b', 'c', 'd', 'e']) await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    const pages: string[][] = [];
    for await (const page of paginateListStreams({ client, pageSize: 2 }, {})) pages.push(page.StreamNames ?? []);
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  test('paginateListStreamConsumers walks every page', async () => {
    const { kinesis } = engine();
    const client = sdkClient(kinesis);
    await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
    const StreamARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';
    for (const name of ['c1', 'c2', 'c3']) {
      await client.send(new RegisterStreamConsumerCommand({ StreamARN, ConsumerName: name }));
    }
    const pages: string[][] = [];
    for await (const page of paginateListStreamConsumers({ client, pageSize: 2 }, { StreamARN })) {
      pages.push((page.Consumers ?? []).map((c) => c.ConsumerName ?? ''));
    }
    expect(pages.flat().sort()).toEqual(['c1', 'c2', 'c3']);
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
  });

  // @aws-sdk/client-kinesis 3.1143.0 generates no ListShards paginator (its generic paginator would resend
  // StreamName beside NextToken, which ListShards rejects); paging by hand is covered by the conformance suite.
  const paginateListShards = (sdk as Record<string, unknown>).paginateListShards as
    | ((config: { client: KinesisClient; pageSize: number }, input: object) => AsyncIterable<{ Shards?: unknown[] }>)
    | undefined;
  test.skipIf(paginateListShards === undefined)(
    'paginateListShards walks every shard — skipped while the SDK exports no paginateListShards',
    async () => {
      const { kinesis } = engine();
      const client = sdkClient(kinesis);
      await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 3 }));
      let count = 0;
      for await (const page of paginateListShards!({ client, pageSize: 2 }, { StreamName: 's' })) count += page.Shards?.length ?? 0;
      expect(count).toBe(3);
    },
  );
});

describe('the current model through the SDK', () => {
  const ON_DEMAND = { StreamMode: 'ON_DEMAND' } as const;
  const channel = (name: string) => ({
    ChannelName: name,
    ServiceExecutionRoleARN: 'arn:aws:iam::000000000000:role/r',
    StreamConfigurationList: [{ StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s', RecordConfiguration: { RecordFormatType: 'JSON' as const } }],
    S3DestinationConfiguration: { StorageConfiguration: { BucketARN: 'arn:aws:s3:::bucket', ExpectedBucketOwner: '000000000000', CompressionType: 'NONE' as const } },
  });

  test('DryRunOperationException arrives as the SDK class', async () => {
    const client = sdkClient(new Kinesis());
    await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
    const error = await rejection(client.send(new PutRecordCommand({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([1]), DryRun: true })));
    expect(error).toBeInstanceOf(sdk.DryRunOperationException);
    expect(error.message).toBe('Request would have succeeded, but DryRun flag is set.');
  });

  test('paginateListChannels walks every page', async () => {
    const { kinesis } = engine({ onDemandStreamCountLimit: 10 });
    const client = sdkClient(kinesis);
    await client.send(new CreateStreamCommand({ StreamName: 's', StreamModeDetails: ON_DEMAND }));
    await client.send(new sdk.CreateChannelCommand(channel('one')));
    const table = {
      ...channel('two'),
      StreamConfigurationList: [{ ...channel('two').StreamConfigurationList[0]!, RecordConfiguration: { RecordFormatType: 'GSR_JSON' as const } }],
      S3DestinationConfiguration: undefined,
      S3TablesDestinationConfiguration: {
        DeadLetterQueueS3Configuration: { BucketARN: 'arn:aws:s3:::bucket', ExpectedBucketOwner: '000000000000' },
        S3TablesConfigurationList: [{ TableBucketARN: 'arn:aws:s3tables:us-east-1:000000000000:bucket/lake', Namespace: 'n', TableName: 't', CompressionType: 'NONE' as const }],
      },
    };
    await client.send(new sdk.CreateChannelCommand(table));
    const pages: string[][] = [];
    for await (const page of sdk.paginateListChannels({ client, pageSize: 1 }, {})) pages.push((page.ChannelSummaries ?? []).map((c) => c.ChannelName!));
    expect(pages).toEqual([['one'], ['two']]);
  });

  test('waitUntilChannelActive polls a CREATING channel until it is ACTIVE', async () => {
    const { kinesis, clock } = engine({ channelDelayMs: 2500 });
    const client = sdkClient(kinesis);
    await client.send(new CreateStreamCommand({ StreamName: 's', StreamModeDetails: ON_DEMAND }));
    const { ChannelDescription } = await client.send(new sdk.CreateChannelCommand(channel('c')));
    const describeChannel = kinesis.describeChannel.bind(kinesis);
    let polls = 0;
    Object.defineProperty(kinesis, 'describeChannel', {
      value: (input: { ChannelARN: string }) => {
        polls++;
        try {
          return describeChannel(input);
        } finally {
          clock.advance(1000);
        }
      },
    });
    const result = await sdk.waitUntilChannelActive({ client, minDelay: 0.001, maxDelay: 0.002, maxWaitTime: 5 }, { ChannelARN: ChannelDescription!.ChannelARN });
    expect(result.state).toBe('SUCCESS');
    expect(polls).toBe(4);
  });
});

// The waiters poll in real time; a stream that is already ACTIVE (or already gone) settles on the first
// poll, and the polling cases advance the engine's clock per DescribeStream with millisecond delays.
describe('waiters', () => {
  const fast = { minDelay: 0.001, maxDelay: 0.002, maxWaitTime: 5 };

  test('waitUntilStreamExists succeeds at once on an ACTIVE stream', async () => {
    const client = sdkClient(new Kinesis());
    await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
    expect((await waitUntilStreamExists({ client, ...fast }, { StreamName: 's' })).state).toBe('SUCCESS');
  });

  test('waitUntilStreamNotExists succeeds at once when the stream is gone', async () => {
    const client = sdkClient(new Kinesis());
    expect((await waitUntilStreamNotExists({ client, ...fast }, { StreamName: 'never' })).state).toBe('SUCCESS');
  });

  test('waitUntilStreamExists polls a CREATING stream until it is ACTIVE', async () => {
    const { kinesis, clock } = engine({ createStreamDelayMs: 2500 });
    const polls = pollCounter(kinesis, () => clock.advance(1000));
    const client = sdkClient(kinesis);
    await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
    expect((await waitUntilStreamExists({ client, ...fast }, { StreamName: 's' })).state).toBe('SUCCESS');
    // CREATING at +0, +1000 and +2000 ms; ACTIVE at +3000 ms.
    expect(polls()).toBe(4);
  });

  test('waitUntilStreamNotExists polls a DELETING stream until it is gone', async () => {
    const { kinesis, clock } = engine({ deleteStreamDelayMs: 1500 });
    const client = sdkClient(kinesis);
    await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
    await client.send(new sdk.DeleteStreamCommand({ StreamName: 's' }));
    const polls = pollCounter(kinesis, () => clock.advance(1000));
    expect((await waitUntilStreamNotExists({ client, ...fast }, { StreamName: 's' })).state).toBe('SUCCESS');
    // DELETING at +0 and +1000 ms; gone at +2000 ms.
    expect(polls()).toBe(3);
  });
});

/** Counts DescribeStream calls on `kinesis`, running `after` once each call has answered. */
function pollCounter(kinesis: Kinesis, after: () => void): () => number {
  const describeStream = kinesis.describeStream.bind(kinesis);
  let calls = 0;
  Object.defineProperty(kinesis, 'describeStream', {
    value: (input: DescribeStreamInput) => {
      calls++;
      try {
        return describeStream(input);
      } finally {
        after();
      }
    },
  });
  return () => calls;
}
