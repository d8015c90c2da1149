// The codecs the Node server serves: the portable ones, with Node's native base64 decoding lent to JSON's reader.
import { BASE64_VALUES } from '../encoding/base64.js';
import type { Codec } from '../protocol/codec.js';
import { CBOR_CODEC } from '../protocol/cbor/cbor-codec.js';
import { createJsonCodec } from '../protocol/json/json-codec.js';

const EQUALS = 0x3d;
const DASH = '-';
const UNDERSCORE = '_';

/** AWS JSON 1.1 and AWS CBOR 1.1, as the server serves them. */
export function nodeCodecs(): Codec[] {
  return [createJsonCodec({ decodeBase64: nodeDecodeBase64 }), CBOR_CODEC];
}

/**
 * Canonical padded base64 -> bytes with Buffer's native decoder, or undefined for any other text, exactly where the
 * portable decoder (src/encoding/base64.ts) refuses it. Buffer's decoder is lenient: it skips characters outside its
 * alphabet and stops at '=', which makes the output shorter than the length the text implies, so a length check
 * catches them; it also reads the URL-safe '-' and '_', checked for apart; and it ignores the unused bits of the last
 * character, checked last.
 */
export function nodeDecodeBase64(text: string): Uint8Array | undefined {
  const n = text.length;
  if (n % 4 !== 0) return undefined;
  const pad = n === 0 ? 0 : text.charCodeAt(n - 1) !== EQUALS ? 0 : text.charCodeAt(n - 2) === EQUALS ? 2 : 1;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== (n / 4) * 3 - pad || text.indexOf(DASH) >= 0 || text.indexOf(UNDERSCORE) >= 0) return undefined;
  if (pad > 0) {
    // The last character before the padding may only carry bits that reach a byte: 4 of 6 (one '='), 2 of 6 (two).
    const last = BASE64_VALUES[text.charCodeAt(n - pad - 1)] ?? -1;
    if (last < 0 || (last & (pad === 2 ? 0x0f : 0x03)) !== 0) return undefined;
  }
  return bytes;
}
