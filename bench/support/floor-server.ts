// Child process for the server benchmark: the "trivial floor server". It speaks HTTP/1.1 and cleartext HTTP/2 on one
// port (the preface sniffed, as kinesim does) and answers every operation the workload sends with a fixed,
// precomputed body of the right shape, storing and checking nothing. No wire-compatible server can beat it with the
// same client, so a server's throughput over the floor's is the share of the client's ceiling it reaches.
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createNetServer } from 'node:net';
import { Kinesis, ManualClock } from '../../src/index.js';
import type { OperationName } from '../../src/operations/registry.js';
import { JSON_CODEC } from '../../src/protocol/json/json-codec.js';
import { batches } from './workload.js';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
const RECORDS_PER_READ = Number(process.argv[2] ?? 10_000);
const RECORDS_PER_PUT = Number(process.argv[3] ?? 500);
const SHARDS = Number(process.argv[4] ?? 4);

/**
 * The bodies kinesim itself would answer for the workload (same records, keys and sizes), made once by a kinesim
 * engine in this process before the floor starts serving, so a client parses exactly as much from either server.
 */
function realBodies(): Record<string, Uint8Array> {
  const kinesis = new Kinesis({ clock: new ManualClock(1_700_000_000_000) });
  const json = (operation: OperationName, output: unknown) => JSON_CODEC.encodeOutput(operation, output);
  kinesis.createStream({ StreamName: 'bench', ShardCount: SHARDS });
  kinesis.createStream({ StreamName: 'one', ShardCount: 1 });
  const records = batches(5, RECORDS_PER_READ / RECORDS_PER_PUT, RECORDS_PER_PUT);
  const put = kinesis.putRecords({ StreamName: 'bench', Records: records[0]! });
  for (const Records of records) kinesis.putRecords({ StreamName: 'one', Records });
  const iterator = kinesis.getShardIterator({ StreamName: 'one', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
  return {
    CreateStream: new Uint8Array(0),
    DescribeStreamSummary: json('DescribeStreamSummary', kinesis.describeStreamSummary({ StreamName: 'bench' })),
    ListShards: json('ListShards', kinesis.listShards({ StreamName: 'bench' })),
    GetShardIterator: json('GetShardIterator', iterator),
    PutRecords: json('PutRecords', put),
    GetRecords: json('GetRecords', kinesis.getRecords({ ShardIterator: iterator.ShardIterator!, Limit: RECORDS_PER_READ })),
  };
}

const bodies = realBodies();

function handle(request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse): void {
  request.resume();
  request.on('end', () => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const body = bodies[target.slice(target.indexOf('.') + 1)] ?? new Uint8Array(0);
    (response as ServerResponse).writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(body.length) });
    response.end(body);
  });
}

const http1 = createHttp1Server(handle);
const http2 = createHttp2Server(handle);
const server = createNetServer((socket) => {
  socket.once('readable', function sniff() {
    const chunk = socket.read() as Buffer | null;
    if (chunk === null) return void socket.once('readable', sniff);
    socket.unshift(chunk);
    const n = Math.min(chunk.length, PREFACE.length);
    (chunk.subarray(0, n).equals(PREFACE.subarray(0, n)) ? http2 : http1).emit('connection', socket);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address !== null ? address.port : 0 });
});
