/** The event stream codec's public face: `application/vnd.amazon.eventstream` framing, as SubscribeToShard answers. */
export { encodeEventMessage, type EventMessage } from './encode-event-message.js';
export { type EventHeaders, type EventHeaderValue } from './event-header.js';
export { EventStreamError } from './event-stream-error.js';
export { decodeEventMessage, EventStreamDecoder, type EventStreamDecoderOptions } from './event-stream-decoder.js';
export {
  EVENT_STREAM_MAX_HEADER_NAME_BYTES,
  EVENT_STREAM_MAX_HEADER_VALUE_BYTES,
  EVENT_STREAM_MAX_HEADERS_BYTES,
  EVENT_STREAM_MAX_PAYLOAD_BYTES,
} from './event-stream-limits.js';
