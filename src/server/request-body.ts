// Reads one request body under the server's limits: its own size cap, the server-wide pool of bytes in flight, and a
// deadline for the whole request. HTTP/1.1 and HTTP/2 requests are read the same way (both are Readables).
import type { Readable } from 'node:stream';
import type { ByteBudget } from './byte-budget.js';
import type { ServerLimits } from './server-limits.js';

/** How reading a body ended: the body (and how to give its bytes back to the pool), or why it was refused. */
export type BodyOutcome =
  | { readonly kind: 'body'; readonly body: Buffer; release(): void }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'over-budget' };

/** A request as both node:http and node:http2's compatibility API present it. */
export type IncomingRequest = Readable & { readonly headers: Readonly<Record<string, string | string[] | undefined>> };

/**
 * Collects `request`'s body and calls `done` once it has all arrived. A body over the size cap, or one the pool
 * cannot hold, is still read to its end (its bytes dropped as they come), so the answer reaches a client that is
 * still sending. A request not whole within `requestTimeoutMs` is dropped with `abort` and `done` is never called;
 * nor is it when the client goes away first. Bytes are taken from the pool as declared (Content-Length) or as they come.
 */
export function readRequestBody(
  request: IncomingRequest,
  limits: ServerLimits,
  budget: ByteBudget,
  abort: () => void,
  done: (outcome: BodyOutcome) => void,
): void {
  let chunks: Buffer[] = [];
  let length = 0;
  let held = 0;
  let refused: 'too-large' | 'over-budget' | undefined;
  let ended = false;
  const release = (): void => {
    budget.give(held);
    held = 0;
  };
  const refuse = (why: 'too-large' | 'over-budget'): void => {
    refused = why;
    chunks = [];
    release();
  };
  const declared = contentLength(request.headers['content-length']);
  if (declared !== undefined && declared > limits.maxRequestBytes) refused = 'too-large';
  else if (declared !== undefined && declared > 0) {
    if (budget.take(declared)) held = declared;
    else refused = 'over-budget';
  }
  const deadline = setTimeout(() => {
    release();
    abort();
  }, limits.requestTimeoutMs);
  request.on('data', (chunk: Buffer) => {
    if (refused !== undefined) return;
    length += chunk.length;
    if (length > limits.maxRequestBytes) return refuse('too-large');
    if (length > held) {
      if (!budget.take(length - held)) return refuse('over-budget');
      held = length;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    ended = true;
    clearTimeout(deadline);
    if (refused !== undefined) return done({ kind: refused });
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
    chunks = [];
    done({ kind: 'body', body, release });
  });
  request.on('close', () => {
    if (ended) return;
    clearTimeout(deadline);
    release();
  });
  request.on('error', () => request.destroy());
}

/** A Content-Length header's value, or undefined when absent or not a plain decimal number. */
function contentLength(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header)) return undefined;
  return Number(header);
}
