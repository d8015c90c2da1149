// Zstandard frames (RFC 8878) made of Raw blocks: a valid .zst file that any zstd decoder reads, written without a
// compressor. Channels use it for ZSTD delivery; the bytes are not smaller than the input.

/** A block holds at most 128 KiB (Block_Maximum_Size). */
const BLOCK_MAX = 128 * 1024;
const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
/** Frame_Header_Descriptor: 8-byte Frame_Content_Size (FCS_Field_Size 3), Single_Segment, no checksum, no dictionary. */
const DESCRIPTOR = 0xe0;

/** `data` as one Zstandard frame of Raw blocks, with its content size in the header. */
export function zstdRaw(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / BLOCK_MAX));
  const out = new Uint8Array(4 + 1 + 8 + blocks * 3 + data.length);
  out.set(MAGIC, 0);
  out[4] = DESCRIPTOR;
  let size = data.length;
  for (let i = 0; i < 8; i++) {
    out[5 + i] = size % 256;
    size = Math.floor(size / 256);
  }
  let at = 13;
  for (let b = 0; b < blocks; b++) {
    const from = b * BLOCK_MAX;
    const length = Math.min(BLOCK_MAX, data.length - from);
    // Block_Header (little-endian 24 bits): Last_Block, Block_Type 0 (Raw), Block_Size.
    const header = (length << 3) | (b === blocks - 1 ? 1 : 0);
    out[at++] = header & 0xff;
    out[at++] = (header >>> 8) & 0xff;
    out[at++] = (header >>> 16) & 0xff;
    out.set(data.subarray(from, from + length), at);
    at += length;
  }
  return out;
}
