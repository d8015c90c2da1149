/** UTF-8 sizing and encoding of JS strings, byte-for-byte what TextEncoder and Node's UTF-8 encoding produce. */

interface Utf8Encoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

// The core compiles without lib.dom or @types/node, so TextEncoder is reached through an explicit shape;
// runtimes without it (or with something unexpected under that name) use the manual encoder.
const nativeEncoder: Utf8Encoder | undefined = (() => {
  const ctor = (globalThis as { TextEncoder?: new () => Partial<Utf8Encoder> }).TextEncoder;
  if (typeof ctor !== 'function') return undefined;
  const encoder = new ctor();
  return typeof encoder.encodeInto === 'function' ? (encoder as Utf8Encoder) : undefined;
})();

// Measured on Node 20: below about 32 UTF-16 units the JS loop beats the fixed cost of the native call
// (which also allocates its small {read, written} result); above it the native copy wins by up to 8x.
const NATIVE_MIN_LENGTH = 32;

/**
 * The number of bytes `s` takes in UTF-8. A lone surrogate counts as 3 bytes because encoders
 * replace it with U+FFFD (EF BF BD); a well-formed surrogate pair is one 4-byte code point.
 */
export function utf8ByteLength(s: string): number {
  const n = s.length;
  let extra = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      extra += 1;
      continue;
    }
    if ((c & 0xfc00) === 0xd800 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // Two units become four bytes.
      i++;
    }
    extra += 2;
  }
  return n + extra;
}

/**
 * Writes the UTF-8 bytes of `s` into `out` starting at `offset` and returns how many were written.
 * The caller guarantees room for the worst case, `3 * s.length` bytes; lone surrogates become U+FFFD.
 */
export function encodeUtf8Into(s: string, out: Uint8Array, offset: number): number {
  const n = s.length;
  if (n >= NATIVE_MIN_LENGTH && nativeEncoder !== undefined) {
    // subarray allocates a view, so only pay for it when the caller is not writing at the start.
    return nativeEncoder.encodeInto(s, offset === 0 ? out : out.subarray(offset)).written;
  }
  let p = offset;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
      continue;
    }
    if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 0x3f);
      continue;
    }
    if ((c & 0xf800) === 0xd800) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && (next & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        out[p++] = 0xf0 | (cp >> 18);
        out[p++] = 0x80 | ((cp >> 12) & 0x3f);
        out[p++] = 0x80 | ((cp >> 6) & 0x3f);
        out[p++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    out[p++] = 0xe0 | (c >> 12);
    out[p++] = 0x80 | ((c >> 6) & 0x3f);
    out[p++] = 0x80 | (c & 0x3f);
  }
  return p - offset;
}

/** The UTF-8 bytes of `text`, in an array of exactly their length. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8ByteLength(text));
  encodeUtf8Into(text, bytes, 0);
  return bytes;
}
