/**
 * Sizes the event stream format bounds, from the Amazon Event Stream specification
 * (https://smithy.io/2.0/aws/amazon-eventstream.html): services must enforce the payload and headers
 * limits; the header name and value limits are those of the wire layout itself.
 */

/** The largest payload one message may carry: 25,165,824 bytes (24 MiB). */
export const EVENT_STREAM_MAX_PAYLOAD_BYTES = 25_165_824;

/** The largest encoded headers section of one message: 131,072 bytes (128 KiB). */
export const EVENT_STREAM_MAX_HEADERS_BYTES = 131_072;

/** The longest header name in UTF-8 bytes: its length prefix is one byte (and a name has at least one). */
export const EVENT_STREAM_MAX_HEADER_NAME_BYTES = 255;

/** The longest string or byte-array header value: the format declares `data<1..2^15-1>`. */
export const EVENT_STREAM_MAX_HEADER_VALUE_BYTES = 32_767;

/** Prelude (total length, headers length, prelude CRC) plus the trailing message CRC. */
export const EVENT_STREAM_OVERHEAD_BYTES = 16;
