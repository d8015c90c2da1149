/** CBOR (RFC 8949, https://www.rfc-editor.org/rfc/rfc8949.html) encoding of JSON-like values, as AWS's CBOR protocol expects them. */
import { CborError } from './cbor-error.js';
import { CBOR_MAX_NESTING, CborTag } from './cbor-value.js';
import { numberToHalfExact } from './float16.js';
import { encodeTextInto } from './native-text.js';

const TWO_POW_32 = 2 ** 32;
const MAX_UINT64 = 2n ** 64n - 1n;
const INITIAL_BYTES = 64 * 1024;
// The shared writer keeps its buffer between calls so a server's responses do not regrow it each time;
// anything larger than this is dropped after use rather than held for as long as the host runs.
const RETAINED_MAX_BYTES = 16 * 1024 * 1024;
// Up to this many UTF-16 units, copying ASCII in JS beats TextEncoder.encodeInto's call cost (measured on Node 20).
const ASCII_LOOP_MAX_UNITS = 24;

/**
 * Encodes `value` as one CBOR data item, definite lengths throughout, each head in its shortest form:
 * - safe integers as major type 0/1; every other number (fractions, -0, NaN, infinities, unsafe integers) as the
 *   shortest float that holds it exactly (half, single or double: RFC 8949 preferred serialization);
 * - bigints within [-2^64, 2^64 - 1] as major type 0/1 (a decoder returns numbers for the safe ones);
 * - strings as UTF-8 text (a lone surrogate becomes U+FFFD), Uint8Array as byte strings, booleans, null;
 * - undefined as CBOR undefined (0xf7) in arrays and at the top, but an object member whose value is undefined
 *   is left out, as JSON.stringify does;
 * - Date as tag 1 around integer epoch MILLISECONDS: AWS's Kinesis convention, not RFC 8949's seconds;
 * - {@link CborTag} as its tag around its value; arrays as arrays; any other object as a map of its own
 *   enumerable string-keyed properties.
 * @throws CborError for a function, symbol, Map, Set, ArrayBuffer, a typed array other than Uint8Array, an
 * invalid Date, a bigint beyond 64 bits, or nesting (or a cycle) deeper than {@link CBOR_MAX_NESTING}.
 */
export function encodeCbor(value: unknown): Uint8Array {
  // A getter that itself encodes would find the shared writer mid-use; it gets a writer of its own.
  const writer = shared.busy ? new Writer() : shared;
  writer.busy = true;
  try {
    writer.pos = 0;
    writer.item(value, 0);
    return writer.buf.slice(0, writer.pos);
  } finally {
    writer.busy = false;
    if (writer.buf.length > RETAINED_MAX_BYTES) writer.reset();
  }
}

class Writer {
  busy = false;
  pos = 0;
  buf = new Uint8Array(INITIAL_BYTES);
  view = new DataView(this.buf.buffer);

  reset(): void {
    this.buf = new Uint8Array(INITIAL_BYTES);
    this.view = new DataView(this.buf.buffer);
  }

  /** Makes room for `count` more bytes, doubling so a large document regrows only a few times. */
  ensure(count: number): void {
    const needed = this.pos + count;
    if (needed <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }

  item(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
        return this.text(value);
      case 'number':
        return this.number(value);
      case 'boolean':
        this.ensure(1);
        this.buf[this.pos++] = value ? 0xf5 : 0xf4;
        return;
      case 'undefined':
        this.ensure(1);
        this.buf[this.pos++] = 0xf7;
        return;
      case 'bigint':
        return this.bigint(value);
      case 'object':
        return this.object(value, depth);
      default:
        throw new CborError(this.pos, `cannot encode a ${typeof value}`);
    }
  }

  private object(value: object | null, depth: number): void {
    if (value === null) {
      this.ensure(1);
      this.buf[this.pos++] = 0xf6;
      return;
    }
    if (value instanceof Uint8Array) return this.bytes(value);
    if (depth >= CBOR_MAX_NESTING) {
      throw new CborError(this.pos, `arrays, maps and tags nest deeper than ${CBOR_MAX_NESTING} levels (or a value contains itself)`);
    }
    // Plain objects are most of a document: settle them before the chain of class checks.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return this.map(value as Record<string, unknown>, depth);
    if (Array.isArray(value)) {
      this.head(4, value.length);
      for (const element of value) this.item(element, depth + 1);
      return;
    }
    if (value instanceof Date) {
      const ms = value.getTime();
      if (Number.isNaN(ms)) throw new CborError(this.pos, 'cannot encode an invalid Date');
      this.head(6, 1);
      return this.number(ms);
    }
    if (value instanceof CborTag) {
      if (typeof value.tag === 'bigint') this.bigHead(6, value.tag);
      else if (Number.isSafeInteger(value.tag) && value.tag >= 0) this.head(6, value.tag);
      else throw new CborError(this.pos, `a tag number must be a non-negative integer, got ${value.tag}`);
      return this.item(value.value, depth + 1);
    }
    if (value instanceof Map || value instanceof Set || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      throw new CborError(this.pos, `cannot encode a ${value.constructor.name}`);
    }
    this.map(value as Record<string, unknown>, depth);
  }

  private map(value: Record<string, unknown>, depth: number): void {
    const keys = Object.keys(value);
    let count = 0;
    for (const key of keys) if (value[key] !== undefined) count++;
    this.head(5, count);
    for (const key of keys) {
      const member = value[key];
      if (member === undefined) continue;
      this.text(key);
      this.item(member, depth + 1);
    }
  }

  /** Writes an initial byte for `major` with argument `n` (a non-negative safe integer), shortest form. */
  head(major: number, n: number): void {
    this.ensure(9);
    const buf = this.buf;
    const m = major << 5;
    if (n < 24) {
      buf[this.pos++] = m | n;
    } else if (n < 0x100) {
      buf[this.pos++] = m | 24;
      buf[this.pos++] = n;
    } else if (n < 0x10000) {
      buf[this.pos++] = m | 25;
      buf[this.pos++] = n >>> 8;
      buf[this.pos++] = n & 0xff;
    } else if (n < TWO_POW_32) {
      buf[this.pos] = m | 26;
      this.view.setUint32(this.pos + 1, n);
      this.pos += 5;
    } else {
      buf[this.pos] = m | 27;
      this.view.setUint32(this.pos + 1, Math.floor(n / TWO_POW_32));
      this.view.setUint32(this.pos + 5, n >>> 0);
      this.pos += 9;
    }
  }

  private bigHead(major: number, n: bigint): void {
    if (n <= 0xffffffffn) return this.head(major, Number(n));
    if (n > MAX_UINT64) throw new CborError(this.pos, `${n} does not fit CBOR's 64-bit argument`);
    this.ensure(9);
    this.buf[this.pos] = (major << 5) | 27;
    this.view.setBigUint64(this.pos + 1, n);
    this.pos += 9;
  }

  private bigint(n: bigint): void {
    if (n >= 0n) this.bigHead(0, n);
    else if (n >= -1n - MAX_UINT64) this.bigHead(1, -1n - n);
    else throw new CborError(this.pos, `${n} does not fit CBOR's 64-bit argument`);
  }

  private number(x: number): void {
    if (Number.isSafeInteger(x) && !Object.is(x, -0)) {
      if (x >= 0) this.head(0, x);
      else this.head(1, -1 - x);
      return;
    }
    this.ensure(9);
    const at = this.pos;
    if (Number.isNaN(x)) {
      this.buf[at] = 0xf9; // the canonical quiet NaN, 0x7e00: payloads are not preserved
      this.view.setUint16(at + 1, 0x7e00);
      this.pos += 3;
    } else if (Math.fround(x) !== x) {
      this.buf[at] = 0xfb;
      this.view.setFloat64(at + 1, x);
      this.pos += 9;
    } else {
      const half = numberToHalfExact(x);
      if (half >= 0) {
        this.buf[at] = 0xf9;
        this.view.setUint16(at + 1, half);
        this.pos += 3;
      } else {
        this.buf[at] = 0xfa;
        this.view.setFloat32(at + 1, x);
        this.pos += 5;
      }
    }
  }

  private bytes(value: Uint8Array): void {
    this.head(2, value.length);
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }

  private text(s: string): void {
    const units = s.length;
    this.ensure(9 + 3 * units);
    if (units <= ASCII_LOOP_MAX_UNITS) {
      // Optimistically ASCII: the byte count is the unit count, so the head can be written first.
      const start = this.pos;
      this.head(3, units);
      const buf = this.buf;
      let p = this.pos;
      let i = 0;
      for (; i < units; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[p++] = c;
      }
      if (i === units) {
        this.pos = p;
        return;
      }
      this.pos = start;
    }
    // The UTF-8 length is unknown until encoded: leave room for the longest head it could need, then close
    // the gap if the real length needs a shorter one.
    const start = this.pos;
    const roomy = headSize(3 * units);
    const written = encodeTextInto(s, this.buf.subarray(start + roomy));
    const exact = headSize(written);
    if (exact !== roomy) this.buf.copyWithin(start + exact, start + roomy, start + roomy + written);
    this.head(3, written);
    this.pos += written;
  }
}

function headSize(n: number): number {
  return n < 24 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < TWO_POW_32 ? 5 : 9;
}

const shared = new Writer();
