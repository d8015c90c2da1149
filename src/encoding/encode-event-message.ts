/** One event stream message on the wire (https://smithy.io/2.0/aws/amazon-eventstream.html#message-format). */
import { crc32 } from './crc32.js';
import { encodeEventHeaders, type EventHeaders } from './event-header.js';
import { EventStreamError } from './event-stream-error.js';
import {
  EVENT_STREAM_MAX_HEADERS_BYTES,
  EVENT_STREAM_MAX_PAYLOAD_BYTES,
  EVENT_STREAM_OVERHEAD_BYTES,
} from './event-stream-limits.js';

/** An event stream message: typed headers (`:message-type`, `:event-type`, ...) and an opaque payload. */
export interface EventMessage {
  headers: EventHeaders;
  payload: Uint8Array;
}

/**
 * The framed bytes of one message: total length, headers length, prelude CRC, headers, payload, message CRC,
 * integers big-endian, CRC-32 as zlib's. The size limits are enforced, as the specification requires of services.
 * @throws EventStreamError for a header the format cannot carry, headers over 128 KiB or a payload over 24 MiB
 */
export function encodeEventMessage(message: EventMessage): Uint8Array {
  const headers = encodeEventHeaders(message.headers);
  const payload = message.payload;
  if (headers.length > EVENT_STREAM_MAX_HEADERS_BYTES) {
    const problem = `the headers take ${headers.length} bytes; the limit is ${EVENT_STREAM_MAX_HEADERS_BYTES}`;
    throw new EventStreamError(12, problem);
  }
  if (payload.length > EVENT_STREAM_MAX_PAYLOAD_BYTES) {
    const problem = `the payload takes ${payload.length} bytes; the limit is ${EVENT_STREAM_MAX_PAYLOAD_BYTES}`;
    throw new EventStreamError(12 + headers.length, problem);
  }
  const total = EVENT_STREAM_OVERHEAD_BYTES + headers.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  const preludeCrc = crc32(out.subarray(0, 8));
  view.setUint32(8, preludeCrc);
  out.set(headers, 12);
  out.set(payload, 12 + headers.length);
  // The message CRC covers everything before it, prelude CRC included: continue from the prelude's CRC.
  view.setUint32(total - 4, crc32(out.subarray(8, total - 4), preludeCrc));
  return out;
}
