// Child process for the server benchmark: the "trivial floor server". It speaks HTTP/1.1 and cleartext HTTP/2 on one
// port (the preface sniffed, as kinesim does) and answers every operation the workload sends with a fixed,
// precomputed body of the right shape, storing and checking nothing. No wire-compatible server can beat it with the
// same client, so a server's throughput over the floor's is the share of the client's ceiling it reaches.
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createNetServer } from 'node:net';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
const RECORDS_PER_READ = Number(process.argv[2] ?? 10_000);
const RECORDS_PER_PUT = Number(process.argv[3] ?? 500);
const SHARDS = Number(process.argv[4] ?? 4);
const ITERATOR = `AAAAAAAAAAE${'x'.repeat(200)}`;
const sequence = (i: number) => `4959${String(i).padStart(52, '0')}`;
const shardId = (i: number) => `shardId-${String(i).padStart(12, '0')}`;

const payload = Buffer.alloc(100, 7).toString('base64');
const bodies: Record<string, Buffer> = {
  CreateStream: Buffer.alloc(0),
  DescribeStreamSummary: json({ StreamDescriptionSummary: { StreamName: 'bench', StreamStatus: 'ACTIVE', OpenShardCount: SHARDS } }),
  ListShards: json({ Shards: Array.from({ length: SHARDS }, (_, i) => ({ ShardId: shardId(i) })) }),
  GetShardIterator: json({ ShardIterator: ITERATOR }),
  PutRecords: json({
    FailedRecordCount: 0,
    Records: Array.from({ length: RECORDS_PER_PUT }, (_, i) => ({ SequenceNumber: sequence(i), ShardId: shardId(i % SHARDS) })),
  }),
  GetRecords: json({
    Records: Array.from({ length: RECORDS_PER_READ }, (_, i) => ({
      SequenceNumber: sequence(i),
      ApproximateArrivalTimestamp: 1_700_000_000 + i / 1000,
      Data: payload,
      PartitionKey: `user-${String(i).padStart(9, '0')}`,
    })),
    NextShardIterator: ITERATOR,
    MillisBehindLatest: 0,
  }),
};

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function handle(request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse): void {
  request.resume();
  request.on('end', () => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const body = bodies[target.slice(target.indexOf('.') + 1)] ?? Buffer.alloc(0);
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
