// Sealed tokens: opaque, tamper-evident strings shaped like AWS's iterators and NextTokens ("AAAAAAAAAAE...").
//
// Layout (then base64): 8-byte header 00 00 00 00 00 00 00 01 | format byte 0x01 | 16-byte HMAC-MD5 tag
// | payload encrypted with an MD5 keystream seeded by the tag. The tag covers the plaintext, so a token we
// did not issue, or one edited by hand, fails to open. The same secret and payload give the same token,
// which keeps the engine's outputs deterministic.

import { decodeBase64, encodeBase64 } from '../encoding/base64.js';
import { md5 } from '../keys/md5.js';

const HEADER = [0, 0, 0, 0, 0, 0, 0, 1, 1];
const TAG_BYTES = 16;

/** Seals and opens tokens with one secret. */
export class TokenSealer {
  readonly #inner: Uint8Array;
  readonly #outer: Uint8Array;
  readonly #key: Uint8Array;

  constructor(secret: string) {
    const key = md5(asciiBytes(secret));
    this.#key = key;
    this.#inner = new Uint8Array(64).fill(0x36);
    this.#outer = new Uint8Array(64).fill(0x5c);
    for (let i = 0; i < key.length; i++) {
      this.#inner[i]! ^= key[i]!;
      this.#outer[i]! ^= key[i]!;
    }
  }

  /** The token of a payload (the payload itself is left untouched). */
  seal(payload: Uint8Array): string {
    const tag = this.#tag(payload);
    const token = new Uint8Array(HEADER.length + TAG_BYTES + payload.length);
    token.set(HEADER, 0);
    token.set(tag, HEADER.length);
    token.set(payload, HEADER.length + TAG_BYTES);
    this.#applyKeystream(token.subarray(HEADER.length + TAG_BYTES), tag);
    return encodeBase64(token);
  }

  /** The payload of a token this sealer made; undefined for anything else. */
  open(text: string): Uint8Array | undefined {
    const bytes = decodeBase64(text);
    if (!(bytes instanceof Uint8Array) || bytes.length < HEADER.length + TAG_BYTES) return undefined;
    for (let i = 0; i < HEADER.length; i++) if (bytes[i] !== HEADER[i]) return undefined;
    const tag = bytes.subarray(HEADER.length, HEADER.length + TAG_BYTES);
    const payload = bytes.subarray(HEADER.length + TAG_BYTES);
    this.#applyKeystream(payload, tag);
    const expected = this.#tag(payload);
    let diff = 0;
    for (let i = 0; i < TAG_BYTES; i++) diff |= expected[i]! ^ tag[i]!;
    return diff === 0 ? payload : undefined;
  }

  #tag(payload: Uint8Array): Uint8Array {
    const inner = new Uint8Array(64 + payload.length);
    inner.set(this.#inner, 0);
    inner.set(payload, 64);
    const outer = new Uint8Array(64 + 16);
    outer.set(this.#outer, 0);
    outer.set(md5(inner), 64);
    return md5(outer);
  }

  #applyKeystream(payload: Uint8Array, tag: Uint8Array): void {
    const seed = new Uint8Array(16 + TAG_BYTES + 4);
    const seedView = new DataView(seed.buffer);
    seed.set(this.#key, 0);
    seed.set(tag, 16);
    for (let block = 0; block * 16 < payload.length; block++) {
      seedView.setUint32(32, block);
      const stream = md5(seed);
      const from = block * 16;
      const to = Math.min(payload.length, from + 16);
      for (let i = from; i < to; i++) payload[i]! ^= stream[i - from]!;
    }
  }
}

/** Bytes of a string's UTF-16 code units truncated to 8 bits; for secrets and ASCII-only names. */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** The inverse of asciiBytes for bytes < 256. */
export function asciiString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}
