/** MD5 (RFC 1321) of partition keys: the hash that places every Kinesis record on a shard. */
import { encodeUtf8Into } from '../encoding/utf8.js';

// The words md5Hex and hashKeyOf read the digest from; callers of md5Key bring their own.
const DIGEST = new Uint32Array(4);

// Running chaining value A, B, C, D. MD5 defines these words as little-endian, hence the swap on output.
const STATE = new Int32Array(4);

// One block for the ASCII fast path, built word by word so it never depends on platform byte order.
const BLOCK = new Int32Array(16);

// Scratch for everything else: bytes are written through `bytes`, then read back as words through `words`.
// 1024 bytes covers a 256-unit partition key (at most 768 bytes) plus padding; longer inputs grow it.
let scratch = new ArrayBuffer(1024);
let bytes = new Uint8Array(scratch);
let words = new Int32Array(scratch);

// MD5 reads message words little-endian; on a big-endian host the scratch words need a swap first.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const IV0 = 0x67452301;
const IV1 = 0xefcdab89 | 0;
const IV2 = 0x98badcfe | 0;
const IV3 = 0x10325476;

function resetState(): void {
  STATE[0] = IV0;
  STATE[1] = IV1;
  STATE[2] = IV2;
  STATE[3] = IV3;
}

function byteSwap(x: number): number {
  return ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
}

function reserve(size: number): void {
  if (bytes.length >= size) return;
  // Whole 64-byte blocks keep the Int32Array view valid and the block loop simple.
  scratch = new ArrayBuffer(Math.ceil(size / 64) * 64);
  bytes = new Uint8Array(scratch);
  words = new Int32Array(scratch);
}

/**
 * Packs an ASCII key of at most 55 characters and its MD5 padding into BLOCK. Returns false when any unit
 * is not ASCII, leaving the key to the general path.
 */
function packAsciiBlock(key: string): boolean {
  const n = key.length;
  const whole = n & ~3;
  // Non-ASCII keys are rare, so the check is one OR per character and a single branch at the end.
  let seen = 0;
  let w = 0;
  let i = 0;
  for (; i < whole; i += 4) {
    const c0 = key.charCodeAt(i);
    const c1 = key.charCodeAt(i + 1);
    const c2 = key.charCodeAt(i + 2);
    const c3 = key.charCodeAt(i + 3);
    seen |= c0 | c1 | c2 | c3;
    BLOCK[w++] = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
  }
  // The word holding the last 0-3 characters also carries the 0x80 end-of-message byte.
  const rest = n & 3;
  let last = 0x80 << (rest << 3);
  for (let k = 0; k < rest; k++) {
    const c = key.charCodeAt(i + k);
    seen |= c;
    last |= c << (k << 3);
  }
  if (seen > 0x7f) return false;
  BLOCK[w++] = last;
  while (w < 14) BLOCK[w++] = 0;
  BLOCK[14] = n << 3;
  BLOCK[15] = 0;
  return true;
}

/** Pads the `length` message bytes already in scratch and runs every block through STATE. */
function digestScratch(length: number): void {
  resetState();
  finishScratch(length, length);
}

/**
 * Pads the last `tail` message bytes (already in scratch) of a `length`-byte message and runs them
 * through STATE, which holds the chaining value of the message's earlier whole blocks.
 */
function finishScratch(tail: number, length: number): void {
  const padded = (tail + 72) & ~63;
  bytes[tail] = 0x80;
  bytes.fill(0, tail + 1, padded - 8);
  // The bit length as a 64-bit little-endian integer, split so lengths past 2^29 bytes stay exact.
  const lo = (length * 8) % 0x1_0000_0000;
  const hi = Math.floor(length / 0x2000_0000);
  for (let k = 0; k < 4; k++) {
    bytes[padded - 8 + k] = lo >>> (k * 8);
    bytes[padded - 4 + k] = hi >>> (k * 8);
  }
  const wordCount = padded >> 2;
  if (!LITTLE_ENDIAN) for (let k = 0; k < wordCount; k++) words[k] = byteSwap(words[k]!);
  for (let o = 0; o < wordCount; o += 16) compress(words, o);
}

/**
 * Hashes the UTF-8 bytes of `key` into `words` as four big-endian 32-bit words: words[0] holds digest bytes
 * 0..3 (the most significant 32 bits of the 128-bit hash key), words[3] bytes 12..15. Allocation-free for
 * keys up to 256 UTF-16 units; lone surrogates hash as U+FFFD, as they do after UTF-8 encoding anywhere else.
 */
export function md5Key(key: string, words: Uint32Array): void {
  if (key.length <= 55 && packAsciiBlock(key)) {
    resetState();
    compress(BLOCK, 0);
  } else {
    reserve(key.length * 3 + 72);
    digestScratch(encodeUtf8Into(key, bytes, 0));
  }
  words[0] = byteSwap(STATE[0]!);
  words[1] = byteSwap(STATE[1]!);
  words[2] = byteSwap(STATE[2]!);
  words[3] = byteSwap(STATE[3]!);
}

/** The 16-byte MD5 digest of arbitrary bytes, in a new array. */
export function md5(input: Uint8Array): Uint8Array {
  // Whole blocks are staged 64 bytes at a time, so hashing a large payload (a 10 MiB KPL aggregate)
  // neither copies it nor leaves a scratch buffer that size behind.
  const length = input.length;
  const tail = length & 63;
  resetState();
  for (let o = 0; o < length - tail; o += 64) {
    bytes.set(input.subarray(o, o + 64));
    if (!LITTLE_ENDIAN) for (let k = 0; k < 16; k++) words[k] = byteSwap(words[k]!);
    compress(words, 0);
  }
  bytes.set(input.subarray(length - tail));
  finishScratch(tail, length);
  const out = new Uint8Array(16);
  for (let k = 0; k < 4; k++) {
    const s = STATE[k]!;
    out[k * 4] = s;
    out[k * 4 + 1] = s >>> 8;
    out[k * 4 + 2] = s >>> 16;
    out[k * 4 + 3] = s >>> 24;
  }
  return out;
}

/** The MD5 of the UTF-8 bytes of `key` as 32 lowercase hex digits. */
export function md5Hex(key: string): string {
  md5Key(key, DIGEST);
  let hex = '';
  for (let k = 0; k < 4; k++) hex += DIGEST[k]!.toString(16).padStart(8, '0');
  return hex;
}

/** The Kinesis hash key of a partition key: MD5 of its UTF-8 bytes as an unsigned 128-bit big-endian integer. */
export function hashKeyOf(partitionKey: string): bigint {
  md5Key(partitionKey, DIGEST);
  return (
    (BigInt(DIGEST[0]!) << 96n) |
    (BigInt(DIGEST[1]!) << 64n) |
    (BigInt(DIGEST[2]!) << 32n) |
    BigInt(DIGEST[3]!)
  );
}

// Fully unrolled so every shift amount, message index and constant is a literal V8 can fold.
// <generated by test/generators/md5-steps.ts: do not edit by hand>
function compress(x: Int32Array, o: number): void {
  const x0 = x[o]! | 0;
  const x1 = x[o + 1]! | 0;
  const x2 = x[o + 2]! | 0;
  const x3 = x[o + 3]! | 0;
  const x4 = x[o + 4]! | 0;
  const x5 = x[o + 5]! | 0;
  const x6 = x[o + 6]! | 0;
  const x7 = x[o + 7]! | 0;
  const x8 = x[o + 8]! | 0;
  const x9 = x[o + 9]! | 0;
  const x10 = x[o + 10]! | 0;
  const x11 = x[o + 11]! | 0;
  const x12 = x[o + 12]! | 0;
  const x13 = x[o + 13]! | 0;
  const x14 = x[o + 14]! | 0;
  const x15 = x[o + 15]! | 0;
  let a = STATE[0]! | 0;
  let b = STATE[1]! | 0;
  let c = STATE[2]! | 0;
  let d = STATE[3]! | 0;
  a = (a + x0 - 680876936 + (d ^ (b & (c ^ d)))) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x1 - 389564586 + (c ^ (a & (b ^ c)))) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x2 + 606105819 + (b ^ (d & (a ^ b)))) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x3 - 1044525330 + (a ^ (c & (d ^ a)))) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + x4 - 176418897 + (d ^ (b & (c ^ d)))) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x5 + 1200080426 + (c ^ (a & (b ^ c)))) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x6 - 1473231341 + (b ^ (d & (a ^ b)))) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x7 - 45705983 + (a ^ (c & (d ^ a)))) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + x8 + 1770035416 + (d ^ (b & (c ^ d)))) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x9 - 1958414417 + (c ^ (a & (b ^ c)))) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x10 - 42063 + (b ^ (d & (a ^ b)))) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x11 - 1990404162 + (a ^ (c & (d ^ a)))) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + x12 + 1804603682 + (d ^ (b & (c ^ d)))) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x13 - 40341101 + (c ^ (a & (b ^ c)))) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x14 - 1502002290 + (b ^ (d & (a ^ b)))) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x15 + 1236535329 + (a ^ (c & (d ^ a)))) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + x1 - 165796510 + (c & ~d) + (b & d)) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x6 - 1069501632 + (b & ~c) + (a & c)) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x11 + 643717713 + (a & ~b) + (d & b)) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x0 - 373897302 + (d & ~a) + (c & a)) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + x5 - 701558691 + (c & ~d) + (b & d)) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x10 + 38016083 + (b & ~c) + (a & c)) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x15 - 660478335 + (a & ~b) + (d & b)) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x4 - 405537848 + (d & ~a) + (c & a)) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + x9 + 568446438 + (c & ~d) + (b & d)) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x14 - 1019803690 + (b & ~c) + (a & c)) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x3 - 187363961 + (a & ~b) + (d & b)) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x8 + 1163531501 + (d & ~a) + (c & a)) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + x13 - 1444681467 + (c & ~d) + (b & d)) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x2 - 51403784 + (b & ~c) + (a & c)) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x7 + 1735328473 + (a & ~b) + (d & b)) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x12 - 1926607734 + (d & ~a) + (c & a)) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + x5 - 378558 + (b ^ (c ^ d))) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x8 - 2022574463 + (a ^ (b ^ c))) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x11 + 1839030562 + (d ^ (a ^ b))) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x14 - 35309556 + (c ^ (d ^ a))) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + x1 - 1530992060 + (b ^ (c ^ d))) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x4 + 1272893353 + (a ^ (b ^ c))) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x7 - 155497632 + (d ^ (a ^ b))) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x10 - 1094730640 + (c ^ (d ^ a))) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + x13 + 681279174 + (b ^ (c ^ d))) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x0 - 358537222 + (a ^ (b ^ c))) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x3 - 722521979 + (d ^ (a ^ b))) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x6 + 76029189 + (c ^ (d ^ a))) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + x9 - 640364487 + (b ^ (c ^ d))) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x12 - 421815835 + (a ^ (b ^ c))) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x15 + 530742520 + (d ^ (a ^ b))) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x2 - 995338651 + (c ^ (d ^ a))) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + x0 - 198630844 + (c ^ (b | ~d))) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x7 + 1126891415 + (b ^ (a | ~c))) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x14 - 1416354905 + (a ^ (d | ~b))) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x5 - 57434055 + (d ^ (c | ~a))) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + x12 + 1700485571 + (c ^ (b | ~d))) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x3 - 1894986606 + (b ^ (a | ~c))) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x10 - 1051523 + (a ^ (d | ~b))) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x1 - 2054922799 + (d ^ (c | ~a))) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + x8 + 1873313359 + (c ^ (b | ~d))) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x15 - 30611744 + (b ^ (a | ~c))) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x6 - 1560198380 + (a ^ (d | ~b))) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x13 + 1309151649 + (d ^ (c | ~a))) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + x4 - 145523070 + (c ^ (b | ~d))) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x11 - 1120210379 + (b ^ (a | ~c))) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x2 + 718787259 + (a ^ (d | ~b))) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x9 - 343485551 + (d ^ (c | ~a))) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  STATE[0] = (STATE[0]! + a) | 0;
  STATE[1] = (STATE[1]! + b) | 0;
  STATE[2] = (STATE[2]! + c) | 0;
  STATE[3] = (STATE[3]! + d) | 0;
}
// </generated>
