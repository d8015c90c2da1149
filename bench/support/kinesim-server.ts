// Child process for the server benchmark: kinesim's HTTP server (src/server, as `kinesim serve` runs it) on a
// free loopback port, reported to the parent over IPC.
import { Kinesis } from '../../src/index.js';
import { startHttpServer } from '../../src/server/http-server.js';

const server = await startHttpServer(new Kinesis({ shardLimit: 1000 }), { port: 0 });
process.send!({ port: server.port });
