/** CBOR (RFC 8949, https://www.rfc-editor.org/rfc/rfc8949.html) decoding of the JSON-like subset AWS's CBOR protocol uses. */
import { CborError } from './cbor-error.js';
import { cachedKey } from './cbor-key-cache.js';
import { CBOR_MAX_NESTING, CborTag, type CborValue } from './cbor-value.js';
import { halfToNumber } from './float16.js';
import { decodeUtf8Strict } from './native-text.js';
import { concatBytes } from './concat-bytes.js';

const MAJOR_NAMES = ['unsigned integer', 'negative integer', 'byte string', 'text string', 'array', 'map', 'tag', 'simple value or float'];
const A_MAJOR = MAJOR_NAMES.map((name) => (/^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`));
const BREAK = 0xff;
const INDEFINITE = 31;
const TWO_POW_32 = 2 ** 32;

/**
 * Decodes exactly one CBOR data item filling all of `bytes`: integers of every width (a bigint beyond
 * `Number.MAX_SAFE_INTEGER` in magnitude), byte strings (copied, never views of `bytes`), strictly valid UTF-8
 * text, arrays and string-keyed maps (definite and indefinite length), half/single/double floats,
 * true/false/null/undefined, and tags as {@link CborTag}. A repeated map key keeps its last value, as JSON.parse does.
 * @throws CborError for truncated or trailing bytes, invalid UTF-8, a non-string map key, nesting deeper than
 * {@link CBOR_MAX_NESTING}, a length beyond the remaining input, or an item outside the subset above.
 */
export function decodeCbor(bytes: Uint8Array): CborValue {
  // A plain view: a Node byte buffer's slice() would share memory, and byte strings must be copies.
  const reader = new Reader(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (bytes.byteLength === 0) throw new CborError(0, 'no data item: the input is empty');
  const value = reader.item(0);
  if (reader.pos !== bytes.byteLength) {
    throw new CborError(reader.pos, `${bytes.byteLength - reader.pos} trailing byte(s) after the data item`);
  }
  return value;
}

class Reader {
  pos = 0;
  private readonly view: DataView;
  private readonly end: number;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.length;
  }

  item(depth: number): CborValue {
    const start = this.pos;
    const initial = this.byte('a data item');
    const major = initial >>> 5;
    const info = initial & 0x1f;
    switch (major) {
      case 0:
        return this.argument(info, start);
      case 1: {
        const n = this.argument(info, start);
        // -1 - n stays a safe integer up to n = 2^53 - 2; beyond that it is exact only as a bigint.
        return typeof n === 'number' && n < Number.MAX_SAFE_INTEGER ? -1 - n : -1n - BigInt(n);
      }
      case 2:
        return info === INDEFINITE ? this.chunkedBytes(start) : this.bytesOf(this.length(info, start, 2), start);
      case 3:
        return info === INDEFINITE ? this.chunkedText(start) : this.textOf(this.length(info, start, 3), start);
      case 4:
        return this.array(info, start, depth + 1);
      case 5:
        return this.map(info, start, depth + 1);
      case 6: {
        const tag = this.argument(info, start);
        this.checkDepth(depth + 1, start);
        return new CborTag(tag, this.item(depth + 1));
      }
      default:
        return this.simpleOrFloat(info, start);
    }
  }

  private byte(expected: string): number {
    if (this.pos >= this.end) throw new CborError(this.pos, `truncated input: expected ${expected}, found the end`);
    return this.bytes[this.pos++]!;
  }

  private need(count: number, what: string, start: number): void {
    const remaining = this.end - this.pos;
    if (count > remaining) {
      throw new CborError(start, `truncated input: ${what} needs ${count} byte(s) but only ${remaining} remain`);
    }
  }

  /** The argument of the head just read: a number when safe, a bigint beyond 2^53 - 1. */
  private argument(info: number, start: number): number | bigint {
    if (info < 24) return info;
    const at = this.pos;
    switch (info) {
      case 24:
        this.need(1, 'a 1-byte argument', start);
        this.pos += 1;
        return this.bytes[at]!;
      case 25:
        this.need(2, 'a 2-byte argument', start);
        this.pos += 2;
        return this.view.getUint16(at);
      case 26:
        this.need(4, 'a 4-byte argument', start);
        this.pos += 4;
        return this.view.getUint32(at);
      case 27: {
        this.need(8, 'an 8-byte argument', start);
        this.pos += 8;
        const high = this.view.getUint32(at);
        const low = this.view.getUint32(at + 4);
        return high < 0x200000 ? high * TWO_POW_32 + low : this.view.getBigUint64(at);
      }
      case INDEFINITE:
        throw new CborError(start, `${A_MAJOR[this.bytes[start]! >>> 5]} cannot have indefinite length`);
      default:
        throw new CborError(start, `reserved additional information ${info} in initial byte 0x${hex(this.bytes[start]!)}`);
    }
  }

  /** A definite length, checked against the input left so nothing is allocated from a hostile length. */
  private length(info: number, start: number, major: number): number {
    const n = this.argument(info, start);
    const unit = major === 5 ? 2 : 1; // every map entry takes at least two bytes, every other element one
    const remaining = this.end - this.pos;
    if (typeof n === 'bigint' || n * unit > remaining) {
      const unitName = major < 4 ? 'byte(s)' : 'element(s)';
      throw new CborError(start, `truncated input: ${A_MAJOR[major]} declares ${n} ${unitName} but only ${remaining} byte(s) remain`);
    }
    return n;
  }

  private bytesOf(length: number, start: number): Uint8Array {
    this.need(length, 'a byte string', start);
    const at = this.pos;
    this.pos += length;
    return this.bytes.slice(at, at + length);
  }

  private textOf(length: number, start: number): string {
    this.need(length, 'a text string', start);
    const at = this.pos;
    this.pos += length;
    const text = decodeUtf8Strict(this.bytes, at, at + length);
    if (text === undefined) throw new CborError(start, 'a text string is not valid UTF-8');
    return text;
  }

  private keyOf(length: number, start: number): string {
    this.need(length, 'a text string', start);
    const at = this.pos;
    const key = cachedKey(this.bytes, at, length, () => this.textOf(length, start));
    this.pos = at + length;
    return key;
  }

  /** The definite-length chunks of an indefinite string, up to the break byte. */
  private chunks(major: number, start: number, take: (length: number, chunkStart: number) => void): void {
    for (;;) {
      const chunkStart = this.pos;
      const initial = this.byte(`${A_MAJOR[major]} chunk or break`);
      if (initial === BREAK) return;
      if (initial >>> 5 !== major || (initial & 0x1f) === INDEFINITE) {
        throw new CborError(
          chunkStart,
          `an indefinite-length ${MAJOR_NAMES[major]} (from byte ${start}) may only hold definite-length chunks ` +
            `of its own type, found initial byte 0x${hex(initial)}`,
        );
      }
      take(this.length(initial & 0x1f, chunkStart, major), chunkStart);
    }
  }

  private chunkedBytes(start: number): Uint8Array {
    const parts: Uint8Array[] = [];
    this.chunks(2, start, (length, chunkStart) => parts.push(this.bytesOf(length, chunkStart)));
    return concatBytes(parts);
  }

  private chunkedText(start: number): string {
    // RFC 8949 section 3.2.3: chunks split only at code point boundaries, so each must be valid UTF-8 alone.
    let text = '';
    this.chunks(3, start, (length, chunkStart) => {
      text += this.textOf(length, chunkStart);
    });
    return text;
  }

  private checkDepth(depth: number, start: number): void {
    if (depth > CBOR_MAX_NESTING) {
      throw new CborError(start, `arrays, maps and tags nest deeper than ${CBOR_MAX_NESTING} levels`);
    }
  }

  private array(info: number, start: number, depth: number): CborValue[] {
    this.checkDepth(depth, start);
    if (info === INDEFINITE) {
      const out: CborValue[] = [];
      while (!this.atBreak('an array element or break')) out.push(this.item(depth));
      return out;
    }
    const n = this.length(info, start, 4);
    const out = new Array<CborValue>(n);
    for (let i = 0; i < n; i++) out[i] = this.item(depth);
    return out;
  }

  private map(info: number, start: number, depth: number): { [key: string]: CborValue } {
    this.checkDepth(depth, start);
    const out: { [key: string]: CborValue } = {};
    if (info === INDEFINITE) {
      while (!this.atBreak('a map key or break')) this.entry(out, depth);
      return out;
    }
    const n = this.length(info, start, 5);
    for (let i = 0; i < n; i++) this.entry(out, depth);
    return out;
  }

  private entry(out: { [key: string]: CborValue }, depth: number): void {
    const keyStart = this.pos;
    const initial = this.byte('a map key');
    if (initial >>> 5 !== 3) {
      throw new CborError(keyStart, `a map key must be a text string, found ${A_MAJOR[initial >>> 5]}`);
    }
    const info = initial & 0x1f;
    const key = info === INDEFINITE ? this.chunkedText(keyStart) : this.keyOf(this.length(info, keyStart, 3), keyStart);
    const value = this.item(depth);
    // Assignment to "__proto__" would replace the prototype instead of storing data.
    if (key === '__proto__') {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      out[key] = value;
    }
  }

  /** Consumes a break byte if one is next; a missing break at the end of input is truncation. */
  private atBreak(expected: string): boolean {
    if (this.pos >= this.end) throw new CborError(this.pos, `truncated input: expected ${expected}, found the end`);
    if (this.bytes[this.pos] !== BREAK) return false;
    this.pos++;
    return true;
  }

  private simpleOrFloat(info: number, start: number): CborValue {
    const at = this.pos;
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return undefined;
      case 25:
        this.need(2, 'a half-precision float', start);
        this.pos += 2;
        return halfToNumber(this.view.getUint16(at));
      case 26:
        this.need(4, 'a single-precision float', start);
        this.pos += 4;
        return this.view.getFloat32(at);
      case 27:
        this.need(8, 'a double-precision float', start);
        this.pos += 8;
        return this.view.getFloat64(at);
      case INDEFINITE:
        throw new CborError(start, 'a break byte (0xff) outside an indefinite-length item');
      case 24:
        this.need(1, 'a simple value', start);
        throw new CborError(start, `unsupported simple value ${this.bytes[at]}`);
      default:
        if (info < 20) throw new CborError(start, `unsupported simple value ${info}`);
        throw new CborError(start, `reserved additional information ${info} in initial byte 0x${hex(this.bytes[start]!)}`);
    }
  }
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
