// Taking a snapshot: the document and every stored segment, written into one buffer sized exactly up front.

import { encodeUtf8Into, utf8ByteLength } from '../encoding/utf8.js';
import type { Account } from '../model/account.js';
import { asciiBytes, type TokenSealer } from '../tokens/sealed-token.js';
import { documentOf } from './account-document.js';
import { segmentBytes, writeSegment } from './record-section.js';
import { HEADER_BYTES, TRAILER_BYTES, requireLittleEndian, writeHeader, writeTrailer } from './snapshot-format.js';

/**
 * What the snapshot keeps of the token secret: a token sealed with it over a fixed text. Restoring with
 * another secret would leave every outstanding iterator and NextToken invalid, so the reader compares this
 * instead of storing the secret itself.
 */
export function tokenCheckOf(sealer: TokenSealer): string {
  return sealer.seal(asciiBytes('kinesim snapshot token check'));
}

/**
 * The snapshot of `account` (see snapshot-format.ts for the layout). Reads the model only: the clock is not
 * read and nothing due is applied. Memory: the one returned buffer, plus 2 bytes per record for key refs.
 */
export function writeSnapshot(account: Account): Uint8Array {
  requireLittleEndian();
  const { document, plans, blobs } = documentOf(account, tokenCheckOf(account.sealer));
  const text = JSON.stringify(document);
  const documentBytes = utf8ByteLength(text);
  let total = HEADER_BYTES + documentBytes + TRAILER_BYTES;
  for (const plan of plans) total += segmentBytes(plan);
  for (const blob of blobs) total += blob.length;
  const out = new Uint8Array(total);
  writeHeader(out, documentBytes);
  let offset = HEADER_BYTES + encodeUtf8Into(text, out, HEADER_BYTES);
  for (const plan of plans) offset = writeSegment(out, offset, plan);
  for (const blob of blobs) {
    out.set(blob, offset);
    offset += blob.length;
  }
  writeTrailer(out);
  return out;
}
