// gzip containers (RFC 1952) around deflate "stored" blocks (RFC 1951 §3.2.4): a valid .gz file that any gunzip
// reads, written without a compressor. Channels use it for GZIP delivery; the bytes are not smaller than the input.

import { crc32 } from './crc32.js';

/** The largest payload of one stored block. */
const STORED_BLOCK_MAX = 65_535;
/** ID1 ID2, CM = deflate, no flags, MTIME 0 (deterministic), XFL 0, OS 255 (unknown). */
const HEADER = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];

/** `data` as a gzip member whose deflate stream is made of stored blocks only. */
export function gzipStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_BLOCK_MAX));
  const out = new Uint8Array(HEADER.length + blocks * 5 + data.length + 8);
  out.set(HEADER, 0);
  let at = HEADER.length;
  for (let b = 0; b < blocks; b++) {
    const from = b * STORED_BLOCK_MAX;
    const length = Math.min(STORED_BLOCK_MAX, data.length - from);
    out[at++] = b === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00; the rest of the byte pads to the boundary.
    out[at++] = length & 0xff;
    out[at++] = length >>> 8;
    out[at++] = ~length & 0xff;
    out[at++] = (~length >>> 8) & 0xff;
    out.set(data.subarray(from, from + length), at);
    at += length;
  }
  writeUint32LE(out, at, crc32(data));
  writeUint32LE(out, at + 4, data.length >>> 0);
  return out;
}

function writeUint32LE(out: Uint8Array, at: number, value: number): void {
  out[at] = value & 0xff;
  out[at + 1] = (value >>> 8) & 0xff;
  out[at + 2] = (value >>> 16) & 0xff;
  out[at + 3] = (value >>> 24) & 0xff;
}
