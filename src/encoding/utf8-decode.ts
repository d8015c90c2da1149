// UTF-8 decoding without lib.dom or Node's byte buffers: strict for request bodies, lenient (U+FFFD) for KPL's proto2
// strings, which Java decodes with replacement. One WHATWG decoder serves both when TextDecoder is absent.

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

type DecoderCtor = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Partial<Utf8Decoder>;

/**
 * The runtime's TextDecoder, reached through an explicit shape because the core compiles without lib.dom.
 * `ignoreBOM` keeps a leading U+FEFF in the text (JSON.parse then rejects it; Java keeps it in strings).
 */
function nativeDecoder(fatal: boolean): Utf8Decoder | undefined {
  const ctor = (globalThis as { TextDecoder?: DecoderCtor }).TextDecoder;
  if (typeof ctor !== 'function') return undefined;
  const decoder = new ctor('utf-8', { fatal, ignoreBOM: true });
  return typeof decoder.decode === 'function' ? (decoder as Utf8Decoder) : undefined;
}

const STRICT = nativeDecoder(true);
const LENIENT = nativeDecoder(false);

/** The text of well-formed UTF-8 bytes, or undefined when they are malformed (overlong, surrogate, truncated). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (STRICT === undefined) return decodeUtf8Manually(bytes, true);
  try {
    return STRICT.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of `bytes`, each maximal malformed subsequence replaced by one U+FFFD as WHATWG specifies.
 * [U] Java also replaces rather than rejects; that its U+FFFD count matches on every malformed input is unverified.
 */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  return LENIENT === undefined ? decodeUtf8Manually(bytes, false)! : LENIENT.decode(bytes);
}

/**
 * The WHATWG UTF-8 decoder, for runtimes without TextDecoder (exported so tests hold it to the native one):
 * with `fatal`, undefined at the first malformed sequence; otherwise each one becomes a U+FFFD.
 */
export function decodeUtf8Manually(bytes: Uint8Array, fatal: boolean): string | undefined {
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
      } else if (fatal) return undefined;
      else out += '\ufffd';
      continue;
    }
    if (b < lower || b > upper) {
      if (fatal) return undefined;
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
  if (needed === 0) return out;
  return fatal ? undefined : out + '\ufffd';
}
