// Strict UTF-8 decoding of request bodies, without lib.dom or Buffer.

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

// The core compiles without lib.dom, so TextDecoder is reached through an explicit shape; `fatal` makes
// malformed input throw instead of turning into U+FFFD, and `ignoreBOM` keeps a BOM visible to JSON.parse
// (which rejects it, as a strict JSON reader does).
const nativeDecoder: Utf8Decoder | undefined = (() => {
  const ctor = (globalThis as {
    TextDecoder?: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Partial<Utf8Decoder>;
  }).TextDecoder;
  if (typeof ctor !== 'function') return undefined;
  const decoder = new ctor('utf-8', { fatal: true, ignoreBOM: true });
  return typeof decoder.decode === 'function' ? (decoder as Utf8Decoder) : undefined;
})();

/** The text of well-formed UTF-8 bytes, or undefined when they are malformed (overlong, surrogate, truncated). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (nativeDecoder !== undefined) {
    try {
      return nativeDecoder.decode(bytes);
    } catch {
      return undefined;
    }
  }
  return decodeUtf8Manually(bytes);
}

/** The fallback for runtimes without TextDecoder; exported so tests hold it to the native decoder's answers. */
export function decodeUtf8Manually(bytes: Uint8Array): string | undefined {
  let out = '';
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    }
    // Sequence length and the smallest code point it may encode (anything less is overlong).
    const size = b0 >= 0xf0 && b0 <= 0xf4 ? 4 : b0 >= 0xe0 ? (b0 <= 0xef ? 3 : 0) : b0 >= 0xc2 ? 2 : 0;
    if (size === 0 || i + size > n) return undefined;
    let cp = b0 & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (b & 0x3f);
    }
    const min = size === 2 ? 0x80 : size === 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    out += String.fromCodePoint(cp);
    i += size;
  }
  return out;
}
