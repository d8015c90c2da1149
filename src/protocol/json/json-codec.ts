// AWS JSON 1.1, the codec of every AWS SDK but Java's (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).

import { parseJsonObject } from '../../encoding/json-object.js';
import { decodeUtf8Lenient } from '../../encoding/utf8-decode.js';
import type { Codec } from '../codec.js';
import { utf8Bytes } from '../../encoding/utf8.js';
import { decodeInput, type JsonInputOptions } from './decode-input.js';
import { encodeError } from './encode-error.js';
import { encodeOutput, encodeStructure } from './encode-output.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/**
 * The JSON 1.1 codec, decoding with `options`' faster helper where given (a Node server lends its native base64);
 * the answers are the same either way.
 */
export function createJsonCodec(options: JsonInputOptions = {}): Codec {
  return {
    contentType: JSON_CONTENT_TYPE,
    decodeInput: (operation, body) => decodeInput(operation, body, options),
    encodeOutput: (_operation, output) => encodeOutput(output),
    encodeError: (error) => utf8Bytes(encodeError(error)),
    // [U] What AWS puts in event messages' :content-type for JSON clients; no client reads it.
    eventContentType: 'application/json',
    encodeEvent: (payload) => encodeStructure(payload),
    isDocument,
  };
}

/** The portable JSON 1.1 codec. */
export const JSON_CODEC: Codec = createJsonCodec();

/**
 * Whether the body is a JSON object, read as a default TextDecoder reads it (malformed bytes as U+FFFD, a leading
 * BOM dropped): more lenient than decodeInput, which refuses malformed UTF-8 with a SerializationException.
 */
function isDocument(body: Uint8Array): boolean {
  const text = decodeUtf8Lenient(body);
  return parseJsonObject(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== undefined;
}
