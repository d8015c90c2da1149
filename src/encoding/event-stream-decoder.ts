/** Incremental reading of an event stream body (https://smithy.io/2.0/aws/amazon-eventstream.html), checking every CRC and length. */
import { crc32 } from './crc32.js';
import type { EventMessage } from './encode-event-message.js';
import { decodeEventHeaders } from './event-header.js';
import { EventStreamError } from './event-stream-error.js';
import {
  EVENT_STREAM_MAX_HEADERS_BYTES,
  EVENT_STREAM_MAX_PAYLOAD_BYTES,
  EVENT_STREAM_OVERHEAD_BYTES,
} from './event-stream-limits.js';

const PRELUDE_BYTES = 12;

/** How an {@link EventStreamDecoder} treats the size limits. */
export interface EventStreamDecoderOptions {
  /**
   * Reject a message whose headers exceed 128 KiB or whose payload exceeds 24 MiB, from its prelude alone.
   * Default true: kinesim plays the service, which the specification obliges to check; a client must not
   * (pass false when reading a service's stream as a client would).
   */
  validateSizeLimits?: boolean;
}

/**
 * Splits a byte stream into messages, whatever the chunking: `push` each chunk as it arrives and receive the
 * messages it completed; call `end` when the stream closes. The prelude CRC is checked as soon as 12 bytes are
 * in, so a corrupt length is caught before anything is buffered for it. After an error the decoder stays failed
 * (the specification says the stream must be terminated) and every later call rethrows it.
 */
export class EventStreamDecoder {
  private readonly validateSizeLimits: boolean;
  private chunks: Uint8Array[] = [];
  private first = 0; // index of the first unconsumed chunk; consumed ones are dropped in batches
  private buffered = 0;
  private messageLength = 0; // of the message being assembled, once its prelude checked out; 0 before
  private streamOffset = 0; // where the message being assembled starts in the stream
  private failure: EventStreamError | undefined;

  constructor(options: EventStreamDecoderOptions = {}) {
    this.validateSizeLimits = options.validateSizeLimits ?? true;
  }

  /** Bytes received that belong to a message not yet complete. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /**
   * Adds `chunk` (copied as needed, so the caller may reuse it) and returns the messages it completed, in order.
   * @throws EventStreamError for a bad prelude CRC, an impossible or oversized length, a bad message CRC or malformed headers
   */
  push(chunk: Uint8Array): EventMessage[] {
    if (this.failure !== undefined) throw this.failure;
    if (chunk.byteLength > 0) {
      this.chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this.buffered += chunk.byteLength;
    }
    const messages: EventMessage[] = [];
    try {
      for (;;) {
        if (this.messageLength === 0) {
          if (this.buffered < PRELUDE_BYTES) break;
          this.messageLength = this.checkPrelude(this.peek(PRELUDE_BYTES));
        }
        if (this.buffered < this.messageLength) break;
        const { bytes, owned } = this.take(this.messageLength);
        messages.push(decodeFramed(bytes, owned, this.streamOffset));
        this.streamOffset += this.messageLength;
        this.messageLength = 0;
      }
    } catch (error) {
      if (error instanceof EventStreamError) this.failure = error;
      throw error;
    }
    return messages;
  }

  /** Declares the stream over. @throws EventStreamError if it stopped inside a message (or had failed before) */
  end(): void {
    if (this.failure !== undefined) throw this.failure;
    if (this.buffered > 0) {
      const expected = this.messageLength > 0 ? `of ${this.messageLength}` : 'of a prelude needing 12';
      const problem = `the stream ended inside a message: ${this.buffered} byte(s) received ${expected}`;
      this.failure = new EventStreamError(this.streamOffset, problem);
      throw this.failure;
    }
  }

  /** Validates a prelude and returns its message's total length. */
  private checkPrelude(prelude: Uint8Array): number {
    const view = new DataView(prelude.buffer, prelude.byteOffset, PRELUDE_BYTES);
    const total = view.getUint32(0);
    const headers = view.getUint32(4);
    const expectedCrc = view.getUint32(8);
    const actualCrc = crc32(prelude.subarray(0, 8));
    const fail = (problem: string): never => {
      throw new EventStreamError(this.streamOffset, problem);
    };
    if (actualCrc !== expectedCrc) {
      fail(`prelude CRC mismatch: the message says 0x${hex32(expectedCrc)}, its first 8 bytes give 0x${hex32(actualCrc)}`);
    }
    if (total < EVENT_STREAM_OVERHEAD_BYTES) fail(`total length ${total} is below the 16-byte minimum`);
    if (headers > total - EVENT_STREAM_OVERHEAD_BYTES) {
      fail(`headers length ${headers} does not fit in a message of total length ${total}`);
    }
    if (this.validateSizeLimits) {
      const payload = total - EVENT_STREAM_OVERHEAD_BYTES - headers;
      if (headers > EVENT_STREAM_MAX_HEADERS_BYTES) {
        fail(`headers length ${headers} exceeds the limit of ${EVENT_STREAM_MAX_HEADERS_BYTES} bytes`);
      }
      if (payload > EVENT_STREAM_MAX_PAYLOAD_BYTES) {
        fail(`payload length ${payload} exceeds the limit of ${EVENT_STREAM_MAX_PAYLOAD_BYTES} bytes`);
      }
    }
    return total;
  }

  /** The first `count` buffered bytes, contiguous, without consuming them. */
  private peek(count: number): Uint8Array {
    const head = this.chunks[this.first]!;
    if (head.length >= count) return head.subarray(0, count);
    const out = new Uint8Array(count);
    let filled = 0;
    for (let i = this.first; filled < count; i++) {
      const part = this.chunks[i]!.subarray(0, count - filled);
      out.set(part, filled);
      filled += part.length;
    }
    return out;
  }

  /** Consumes `count` bytes; `owned` says whether they were copied (else they are a view of a caller's chunk). */
  private take(count: number): { bytes: Uint8Array; owned: boolean } {
    this.buffered -= count;
    const head = this.chunks[this.first]!;
    if (head.length >= count) {
      this.advance(head, count);
      return { bytes: head.subarray(0, count), owned: false };
    }
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.chunks[this.first]!;
      const used = Math.min(chunk.length, count - filled);
      out.set(chunk.subarray(0, used), filled);
      filled += used;
      this.advance(chunk, used);
    }
    return { bytes: out, owned: true };
  }

  private advance(chunk: Uint8Array, used: number): void {
    if (used < chunk.length) {
      this.chunks[this.first] = chunk.subarray(used);
      return;
    }
    this.first++;
    // Drop consumed chunks in batches so a stream of tiny chunks does not cost a shift per chunk.
    if (this.first === this.chunks.length) {
      this.chunks = [];
      this.first = 0;
    } else if (this.first >= 1024) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
  }
}

/**
 * Decodes exactly one complete message.
 * @throws EventStreamError if `bytes` is not exactly one valid message (lengths, both CRCs, headers)
 */
export function decodeEventMessage(bytes: Uint8Array): EventMessage {
  const decoder = new EventStreamDecoder({ validateSizeLimits: false });
  const messages = decoder.push(bytes);
  if (messages.length !== 1 || decoder.bufferedBytes > 0) {
    const problem = messages.length === 0 ? 'no complete message in' : 'bytes after the first message in';
    throw new EventStreamError(0, `${problem} the ${bytes.byteLength} byte(s) given`);
  }
  return messages[0]!;
}

/** Checks the message CRC of a framed message whose prelude was already checked, then splits it. */
function decodeFramed(bytes: Uint8Array, owned: boolean, streamOffset: number): EventMessage {
  const total = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, total);
  const expectedCrc = view.getUint32(total - 4);
  const actualCrc = crc32(bytes.subarray(0, total - 4));
  if (actualCrc !== expectedCrc) {
    const problem = `message CRC mismatch: the message says 0x${hex32(expectedCrc)}, its bytes give 0x${hex32(actualCrc)}`;
    throw new EventStreamError(streamOffset + total - 4, problem);
  }
  const headersEnd = PRELUDE_BYTES + view.getUint32(4);
  const headers = decodeEventHeaders(bytes, PRELUDE_BYTES, headersEnd, streamOffset);
  const payload = owned ? bytes.subarray(headersEnd, total - 4) : bytes.slice(headersEnd, total - 4);
  return { headers, payload };
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}
