/** The runtime's TextEncoder and a strict TextDecoder, shared by the binary wire codecs (CBOR, event stream). */

interface NativeTextEncoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

interface NativeTextDecoder {
  decode(bytes: Uint8Array): string;
}

interface TextGlobals {
  TextEncoder?: new () => NativeTextEncoder;
  TextDecoder?: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => NativeTextDecoder;
}

// The core compiles without lib.dom or @types/node, so the globals are reached through an explicit shape.
// Every runtime kinesim targets (Node, Deno, Bun, browsers) has both; a missing one fails at first use, loudly.
const globals = globalThis as TextGlobals;
const encoder = typeof globals.TextEncoder === 'function' ? new globals.TextEncoder() : undefined;
// fatal: invalid UTF-8 is an error, never a silent U+FFFD. ignoreBOM: a leading U+FEFF is data and must survive.
const decoder =
  typeof globals.TextDecoder === 'function'
    ? new globals.TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    : undefined;

// Below this many bytes a JS loop over ASCII beats the native decoder's fixed call cost (measured on Node 20:
// the keys and short values of a Kinesis document are 4-20 bytes).
const ASCII_LOOP_MAX_BYTES = 16;

/**
 * Writes the UTF-8 form of `s` into `destination` (lone surrogates become U+FFFD) and returns the byte count.
 * The caller guarantees room for `3 * s.length` bytes.
 */
export function encodeTextInto(s: string, destination: Uint8Array): number {
  if (encoder === undefined) throw new Error('This runtime has no TextEncoder, which the binary codecs need');
  return encoder.encodeInto(s, destination).written;
}

/**
 * Decodes `bytes[start, end)` as strict UTF-8, or returns undefined when they are not valid UTF-8
 * (overlong forms, surrogates, truncated sequences, code points above U+10FFFF).
 */
export function decodeUtf8Strict(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (end - start <= ASCII_LOOP_MAX_BYTES) {
    let s = '';
    let i = start;
    for (; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) break;
      s += String.fromCharCode(b);
    }
    if (i === end) return s;
  }
  if (decoder === undefined) throw new Error('This runtime has no TextDecoder, which the binary codecs need');
  try {
    return decoder.decode(bytes.subarray(start, end));
  } catch {
    // The fatal decoder's only failure is malformed input; the caller words the error for its format.
    return undefined;
  }
}
