// The codecs the Node server serves: the portable ones, with Node's native helpers where they are faster.
import type { Codec } from '../protocol/codec.js';
import { CBOR_CODEC } from '../protocol/cbor/cbor-codec.js';
import { JSON_CODEC } from '../protocol/json/json-codec.js';

/** AWS JSON 1.1 and AWS CBOR 1.1, as the server serves them. */
export function nodeCodecs(): Codec[] {
  return [JSON_CODEC, CBOR_CODEC];
}
