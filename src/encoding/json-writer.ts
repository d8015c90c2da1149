// JSON written straight to UTF-8 bytes, for response bodies: the text JSON.stringify would give (with Uint8Array as
// base64 and Date as epoch seconds, the AWS JSON 1.1 forms), without building the string first, running a replacer
// on every value, or encoding the string a second time. A 10000-record GetRecords answer costs a few hundred ns per
// record this way, several times less than JSON.stringify with a replacer and a UTF-8 pass.
import { isBlob, isDate } from '../service-model/value-kinds.js';
import { BASE64_ALPHABET } from './base64.js';
import { utf8ByteLength, utf8Bytes, encodeUtf8Into } from './utf8.js';

const BASE64_CODES = Uint8Array.from(BASE64_ALPHABET, (c) => c.charCodeAt(0));
const PAD = 0x3d;
const INITIAL_BYTES = 64 * 1024;
// Buffers grown past this by one large answer are dropped after it rather than held for as long as the host runs.
const RETAINED_MAX_BYTES = 16 * 1024 * 1024;
const KEY_SLOTS = 64;
const NULL = [0x6e, 0x75, 0x6c, 0x6c];
/** 1 for the ASCII characters a JSON string holds as they are (printable, not `"` or `\`). */
const PLAIN = new Uint8Array(128);
for (let c = 0x20; c < 0x7f; c++) PLAIN[c] = c === 0x22 || c === 0x5c ? 0 : 1;

/**
 * The UTF-8 bytes of `JSON.stringify(value)` where Uint8Arrays are written as padded base64 strings and Dates as
 * epoch seconds with millisecond precision (`1700000000.123`), an invalid Date as null. Members whose value is
 * undefined (or a function) are left out, undefined in arrays is null, and undefined itself is no bytes at all, as
 * JSON.stringify does.
 * @throws TypeError for a bigint or a cycle (as JSON.stringify would).
 */
export function writeJson(value: unknown): Uint8Array {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return new Uint8Array(0);
  const writer = shared.busy ? new JsonWriter() : shared;
  writer.busy = true;
  try {
    writer.pos = 0;
    writer.value(value, 0);
    return writer.buf.slice(0, writer.pos);
  } finally {
    writer.busy = false;
    if (writer.buf.length > RETAINED_MAX_BYTES) writer.buf = new Uint8Array(INITIAL_BYTES);
  }
}

class JsonWriter {
  busy = false;
  pos = 0;
  buf = new Uint8Array(INITIAL_BYTES);
  #lastMs = Number.NaN;
  #lastSeconds = '';

  ensure(count: number): void {
    const needed = this.pos + count;
    if (needed <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  value(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'number':
        return Number.isFinite(value) ? this.ascii(String(value)) : this.bytes(NULL);
      case 'boolean':
        return this.ascii(value ? 'true' : 'false');
      case 'object': {
        if (value === null) return this.bytes(NULL);
        if (depth > 256) throw new TypeError('Converting circular structure to JSON');
        // Plain objects first: most values of an output are, and one prototype read settles it.
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto === Object.prototype || proto === null) return this.object(value as Record<string, unknown>, depth + 1);
        if (Array.isArray(value)) return this.array(value, depth + 1);
        if (isBlob(value)) return this.base64(value);
        if (isDate(value)) return this.date(value);
        return this.object(value as Record<string, unknown>, depth + 1);
      }
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      default:
        return this.bytes(NULL);
    }
  }

  array(values: readonly unknown[], depth: number): void {
    this.byte(0x5b);
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.byte(0x2c);
      const element = values[i];
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') this.bytes(NULL);
      else this.value(element, depth);
    }
    this.byte(0x5d);
  }

  object(object: Record<string, unknown>, depth: number): void {
    this.byte(0x7b);
    let first = true;
    // for-in walks V8's enum cache without allocating a key array (outputs are plain objects: no inherited keys).
    for (const key in object) {
      const member = object[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      if (!first) this.byte(0x2c);
      first = false;
      this.bytes(keyBytes(key));
      this.value(member, depth);
    }
    this.byte(0x7d);
  }

  /** A string: copied byte for byte while it needs no escape and is ASCII, else JSON.stringify's text in UTF-8. */
  string(text: string): void {
    const length = text.length;
    this.ensure(length + 2);
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    buf[pos++] = 0x22;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f || PLAIN[c] === 0) {
        this.pos = start;
        return this.escaped(text);
      }
      buf[pos++] = c;
    }
    buf[pos++] = 0x22;
    this.pos = pos;
  }

  escaped(text: string): void {
    const json = JSON.stringify(text);
    this.ensure(utf8ByteLength(json));
    this.pos += encodeUtf8Into(json, this.buf, this.pos);
  }

  /** An ASCII-only text (numbers, literals) as is. */
  ascii(text: string): void {
    const length = text.length;
    this.ensure(length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < length; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  date(date: Date): void {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) return this.bytes(NULL);
    // Records of one batch share their arrival time: the last text is kept.
    if (ms !== this.#lastMs) {
      this.#lastMs = ms;
      this.#lastSeconds = String(ms / 1000);
    }
    this.ascii(this.#lastSeconds);
  }

  base64(bytes: Uint8Array): void {
    const n = bytes.length;
    this.ensure(Math.ceil(n / 3) * 4 + 2);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = 0x22;
    const whole = n - (n % 3);
    for (let i = 0; i < whole; i += 3) {
      const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      buf[pos] = BASE64_CODES[v >>> 18]!;
      buf[pos + 1] = BASE64_CODES[(v >>> 12) & 63]!;
      buf[pos + 2] = BASE64_CODES[(v >>> 6) & 63]!;
      buf[pos + 3] = BASE64_CODES[v & 63]!;
      pos += 4;
    }
    if (n - whole === 1) {
      const v = bytes[whole]! << 16;
      buf[pos++] = BASE64_CODES[v >>> 18]!;
      buf[pos++] = BASE64_CODES[(v >>> 12) & 63]!;
      buf[pos++] = PAD;
      buf[pos++] = PAD;
    } else if (n - whole === 2) {
      const v = (bytes[whole]! << 16) | (bytes[whole + 1]! << 8);
      buf[pos++] = BASE64_CODES[v >>> 18]!;
      buf[pos++] = BASE64_CODES[(v >>> 12) & 63]!;
      buf[pos++] = BASE64_CODES[(v >>> 6) & 63]!;
      buf[pos++] = PAD;
    }
    buf[pos++] = 0x22;
    this.pos = pos;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  bytes(bytes: ArrayLike<number>): void {
    this.ensure(bytes.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < bytes.length; i++) buf[pos++] = bytes[i]!;
    this.pos = pos;
  }
}

// `"key":` in UTF-8 for recently seen member names, in a small direct-mapped cache: outputs reuse a handful of
// names, and comparing interned property names is cheaper than hashing them into a Map.
const slotKeys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);
const slotBytes: Uint8Array[] = new Array<Uint8Array>(KEY_SLOTS).fill(new Uint8Array(0));

function keyBytes(key: string): Uint8Array {
  const slot = (key.length * 31 + (key.length > 0 ? key.charCodeAt(key.length - 1) : 0)) & (KEY_SLOTS - 1);
  if (slotKeys[slot] === key) return slotBytes[slot]!;
  const bytes = utf8Bytes(`${JSON.stringify(key)}:`);
  slotKeys[slot] = key;
  slotBytes[slot] = bytes;
  return bytes;
}

const shared = new JsonWriter();
