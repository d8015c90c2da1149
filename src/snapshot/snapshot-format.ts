// The snapshot container (format version 2): a fixed header, a JSON document, the record section, a CRC-32.
// Version 2 added the settings recordPayloads and onDemandScaling and each stream's on-demand scaling state;
// version 1 snapshots are still read (as 'copy' engines without on-demand scaling, which is what made them).
// The README's "Snapshot format" section describes the same layout for readers outside kinesim.
//
//   offset     size  content
//   0          8     magic: ASCII "KSIMSNAP"
//   8          4     format version, u32 little-endian (2)
//   12         4     M: byte length of the document, u32 LE
//   16         8     total byte length of the snapshot, u64 LE (two u32: low word, high word)
//   24         M     the document: UTF-8 JSON (settings, clock reading, streams, shards, consumers, segment layout)
//   24 + M     ...   the record section: every stored segment of every shard, in document order
//   total - 4  4     CRC-32 (IEEE, as zlib) of bytes [0, total - 4), u32 LE
//
// Numbers in the header and the record section are little-endian; the typed arrays are copied in bulk, so a
// big-endian platform is refused rather than translated (no JavaScript runtime in use is big-endian).

import { crc32 } from '../encoding/crc32.js';
import { SnapshotError } from './snapshot-error.js';

/** "KSIMSNAP". */
export const SNAPSHOT_MAGIC: readonly number[] = [0x4b, 0x53, 0x49, 0x4d, 0x53, 0x4e, 0x41, 0x50];
/** The format version this kinesim writes and the newest it reads. */
export const SNAPSHOT_VERSION = 2;
export const HEADER_BYTES = 24;
export const TRAILER_BYTES = 4;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Refuses to copy typed arrays in bulk on a big-endian platform, where their bytes would not be the format's. */
export function requireLittleEndian(): void {
  if (!LITTLE_ENDIAN) throw new SnapshotError('kinesim snapshots need a little-endian platform');
}

/** Writes the header for a document of `documentBytes` into `out` (whose length is the snapshot's total). */
export function writeHeader(out: Uint8Array, documentBytes: number): void {
  out.set(SNAPSHOT_MAGIC, 0);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(8, SNAPSHOT_VERSION, true);
  view.setUint32(12, documentBytes, true);
  view.setUint32(16, out.length % 2 ** 32, true);
  view.setUint32(20, Math.floor(out.length / 2 ** 32), true);
}

/** Writes the CRC-32 of everything before the trailer into the trailer. */
export function writeTrailer(out: Uint8Array): void {
  const end = out.length - TRAILER_BYTES;
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(end, crc32(out.subarray(0, end)), true);
}

/**
 * Checks the container of `bytes` (magic, version, length, checksum) and returns where the document ends.
 * @throws SnapshotError naming the first problem found.
 */
export function checkContainer(bytes: Uint8Array): { documentBytes: number; version: number } {
  if (!(bytes instanceof Uint8Array)) throw new SnapshotError('a snapshot is a Uint8Array (what kinesis.snapshot() returned)');
  if (bytes.length < HEADER_BYTES + TRAILER_BYTES || SNAPSHOT_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new SnapshotError(`not a kinesim snapshot (it does not start with "KSIMSNAP"; ${bytes.length} bytes)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version > SNAPSHOT_VERSION) {
    throw new SnapshotError(
      `snapshot format version ${version} is newer than this kinesim reads (up to ${SNAPSHOT_VERSION}); restore it with a newer kinesim`,
    );
  }
  if (version < 1) throw new SnapshotError(`snapshot format version ${version} does not exist`);
  const total = view.getUint32(16, true) + view.getUint32(20, true) * 2 ** 32;
  if (total !== bytes.length) {
    throw new SnapshotError(
      total > bytes.length
        ? `truncated snapshot: ${bytes.length} of its ${total} bytes`
        : `snapshot has ${bytes.length - total} bytes after its end (${total} bytes)`,
    );
  }
  const end = total - TRAILER_BYTES;
  const expected = view.getUint32(end, true);
  if (crc32(bytes.subarray(0, end)) !== expected) throw new SnapshotError('corrupt snapshot: its CRC-32 does not match its bytes');
  const documentBytes = view.getUint32(12, true);
  if (HEADER_BYTES + documentBytes > end) throw new SnapshotError('corrupt snapshot: its document runs past its end');
  return { documentBytes, version };
}
