// One port, two protocols: a connection that opens with HTTP/2's 24-byte preface goes to the HTTP/2 server (clients
// with prior knowledge, like the AWS SDK v3's default handler on an http:// endpoint), every other connection to
// the HTTP/1.1 server (https://www.rfc-editor.org/rfc/rfc9113.html#section-3.4).
import type { Server as Http1Server } from 'node:http';
import type { Http2Server } from 'node:http2';
import type { Socket } from 'node:net';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** Where connections go once their protocol is known (the HTTP/2 server may still be loading). */
export interface ProtocolServers {
  readonly http1: Http1Server;
  http2(): Http2Server | Promise<Http2Server>;
}

/**
 * Reads a connection's first bytes and hands it, those bytes put back, to the server of its protocol. HTTP/1.1 is
 * chosen at the first byte that differs from the preface; HTTP/2 only once all 24 bytes match. A connection that
 * sends nothing within `timeoutMs` is closed.
 */
export function routeConnection(socket: Socket, servers: ProtocolServers, timeoutMs: number): void {
  let seen: Buffer = Buffer.alloc(0);
  const fail = (): void => void socket.destroy();
  socket.setTimeout(timeoutMs, fail);
  socket.on('error', fail);
  const sniff = (): void => {
    for (let chunk: Buffer | null; (chunk = socket.read() as Buffer | null) !== null; ) {
      seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
      const compared = Math.min(seen.length, PREFACE.length);
      const isPreface = seen.compare(PREFACE, 0, compared, 0, compared) === 0;
      if (isPreface && seen.length < PREFACE.length) continue;
      socket.off('readable', sniff);
      socket.setTimeout(0);
      socket.off('timeout', fail);
      socket.unshift(seen);
      const handOver = (server: { emit(event: 'connection', socket: Socket): unknown }): void => {
        socket.off('error', fail);
        server.emit('connection', socket);
      };
      const server = isPreface ? servers.http2() : servers.http1;
      if (server instanceof Promise) server.then(handOver, fail);
      else handOver(server);
      return;
    }
  };
  socket.on('readable', sniff);
}
