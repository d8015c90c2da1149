// Child process for the peer benchmark: kinesalite in memory (no --path), zero state-change delays,
// bound to loopback on a free port, which it reports to the parent over IPC.
const kinesalite = require('kinesalite');

const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
