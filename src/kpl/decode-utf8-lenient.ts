// Lenient UTF-8 decoding for proto2 strings, which Java decodes with replacement rather than rejecting.

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

// The core compiles without lib.dom, so TextDecoder is reached through an explicit shape. `ignoreBOM`
// keeps a leading U+FEFF in the text, as Java's String decoding does.
const nativeDecoder: Utf8Decoder | undefined = (() => {
  const ctor = (globalThis as {
    TextDecoder?: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Partial<Utf8Decoder>;
  }).TextDecoder;
  if (typeof ctor !== 'function') return undefined;
  const decoder = new ctor('utf-8', { fatal: false, ignoreBOM: true });
  return typeof decoder.decode === 'function' ? (decoder as Utf8Decoder) : undefined;
})();

/**
 * The text of `bytes`, each maximal malformed subsequence replaced by one U+FFFD as WHATWG specifies.
 * [U] Java also replaces rather than rejects; that its U+FFFD count matches on every malformed input is unverified.
 */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return nativeDecoder === undefined ? decodeUtf8LenientManually(bytes) : nativeDecoder.decode(bytes);
}

/** The fallback for runtimes without TextDecoder (the WHATWG decoder algorithm); exported for its tests. */
export function decodeUtf8LenientManually(bytes: Uint8Array): string {
  let out = '';
  let needed = 0;
  let seen = 0;
  let cp = 0;
  // The bounds of the next continuation byte; narrower after E0, ED, F0, F4 to refuse overlongs,
  // surrogates and code points past U+10FFFF.
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b < 0x80) out += String.fromCharCode(b);
      else if (b >= 0xc2 && b <= 0xdf) [needed, cp] = [1, b & 0x1f];
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        [needed, cp] = [2, b & 0x0f];
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        [needed, cp] = [3, b & 0x07];
      } else out += '\ufffd';
      continue;
    }
    if (b < lower || b > upper) {
      // The broken sequence becomes one U+FFFD and this byte starts afresh.
      [needed, seen, cp, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      out += '\ufffd';
      i--;
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      out += String.fromCodePoint(cp);
      [needed, seen, cp] = [0, 0, 0];
    }
  }
  return needed === 0 ? out : out + '\ufffd';
}
