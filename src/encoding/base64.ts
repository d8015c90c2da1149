// Standard, padded base64 (RFC 4648 §4) without Node's byte buffers, for tokens and the JSON protocol.

/** The 64 characters of standard base64, in value order. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALPHABET = BASE64_ALPHABET;
/** Each ASCII character's 6-bit value in base64, -1 for a character outside the alphabet. */
export const BASE64_VALUES: Readonly<Int16Array> = new Int16Array(128).fill(-1);
const DECODE = BASE64_VALUES as Int16Array;
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes as padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  const whole = n - (n % 3);
  for (let i = 0; i < whole; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
  }
  if (n - whole === 1) {
    const v = bytes[whole]! << 16;
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + '==';
  } else if (n - whole === 2) {
    const v = (bytes[whole]! << 16) | (bytes[whole + 1]! << 8);
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + '=';
  }
  return out;
}

/** The reason a base64 string was rejected, in the words AWS's JSON protocol uses. */
export type Base64Problem =
  | { kind: 'length'; length: number }
  | { kind: 'char'; char: string }
  | { kind: 'last-char' };

/** Decodes strict padded base64; returns the problem instead of bytes when the text is not canonical. */
export function decodeBase64(text: string): Uint8Array | Base64Problem {
  const n = text.length;
  if (n % 4 !== 0) return { kind: 'length', length: n };
  let pad = 0;
  if (n > 0 && text.charCodeAt(n - 1) === 61) pad = text.charCodeAt(n - 2) === 61 ? 2 : 1;
  const out = new Uint8Array((n / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    const last = i + 4 === n;
    const v0 = sextet(text, i), v1 = sextet(text, i + 1);
    const v2 = last && pad === 2 ? 0 : sextet(text, i + 2);
    const v3 = last && pad >= 1 ? 0 : sextet(text, i + 3);
    if (v0 < 0 || v1 < 0 || v2 < 0 || v3 < 0) {
      return { kind: 'char', char: firstBadChar(text, i, last ? pad : 0) };
    }
    const v = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
    if (last && ((pad === 2 && (v1 & 15) !== 0) || (pad === 1 && (v2 & 3) !== 0))) return { kind: 'last-char' };
  }
  return out;
}

function sextet(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? DECODE[c]! : -1;
}

function firstBadChar(text: string, from: number, pad: number): string {
  for (let i = from; i < from + 4 - pad; i++) if (sextet(text, i) < 0) return text[i]!;
  return '=';
}
