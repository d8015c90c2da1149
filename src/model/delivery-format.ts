// How a channel reads a record in its RecordFormatType, and how it writes a batch of records as one S3 object
// (https://docs.aws.amazon.com/streams/latest/dev/data-delivery-s3-about.html).

import { decodeUtf8 } from '../encoding/utf8-decode.js';
import { gzipStored } from '../encoding/gzip-stored.js';
import { zstdRaw } from '../encoding/zstd-raw.js';
import type { RecordFormatType, S3CompressionType } from '../service-model/enums.js';

/** A record that passed its format's validation; `value` is the parsed JSON for the JSON formats. */
export type CheckedRecord =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: string; readonly message: string };

const VALID_BINARY: CheckedRecord = { ok: true, value: undefined };

// [U] AWS writes failed records to the dead-letter queue "with error context"; its codes and texts are not public.
const NOT_UTF8: CheckedRecord = { ok: false, code: 'InvalidString', message: 'The record is not a valid UTF-8 string.' };
const NOT_JSON: CheckedRecord = { ok: false, code: 'InvalidJson', message: 'The record is not a valid JSON payload.' };
const NOT_GSR: CheckedRecord = {
  ok: false,
  code: 'InvalidGsrRecord',
  message: 'The record does not start with an uncompressed AWS Glue Schema Registry header.',
};

/**
 * The Glue Schema Registry wire format: version byte 3, compression byte (0 = none), the 16-byte schema
 * version ID, then the payload [C: the open-source AWS Glue Schema Registry serializer].
 */
const GSR_HEADER_BYTES = 18;

/**
 * Validates one record as its format requires [D]: STRING must be UTF-8, JSON a JSON payload, GSR_JSON a Glue
 * Schema Registry record around a JSON payload; BYTE_ARRAY is not validated. [U] kinesim does not resolve
 * schemas, so it cannot check a record against one; zlib-compressed GSR records are refused.
 */
export function checkRecord(format: RecordFormatType, data: Uint8Array): CheckedRecord {
  switch (format) {
    case 'BYTE_ARRAY':
      return VALID_BINARY;
    case 'STRING':
      return decodeUtf8(data) === undefined ? NOT_UTF8 : VALID_BINARY;
    case 'JSON':
      return parseJson(data);
    case 'GSR_JSON':
      if (data.length < GSR_HEADER_BYTES || data[0] !== 3 || data[1] !== 0) return NOT_GSR;
      return parseJson(data.subarray(GSR_HEADER_BYTES));
  }
}

function parseJson(data: Uint8Array): CheckedRecord {
  const text = decodeUtf8(data);
  if (text === undefined) return NOT_JSON;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return NOT_JSON;
  }
}

/** [U] A record whose JSON is not an object cannot be a table row. */
export const NOT_A_ROW = { code: 'InvalidRow', message: 'The record is not a JSON object, so it cannot be a table row.' } as const;

/**
 * The body of an S3 object holding `records`, compressed as configured. [U] The layout inside an object is not
 * public: JSON and STRING records are written one per line (each followed by '\n', JSON Lines style),
 * BYTE_ARRAY records back to back. GZIP and ZSTD are real containers around uncompressed blocks (a
 * kinesim divergence: valid for every decoder, but not smaller).
 */
export function objectBody(format: RecordFormatType, records: readonly Uint8Array[], compression: S3CompressionType): Uint8Array {
  const newline = format === 'JSON' || format === 'STRING' ? 1 : 0;
  let size = 0;
  for (const data of records) size += data.length + newline;
  const body = new Uint8Array(size);
  let at = 0;
  for (const data of records) {
    body.set(data, at);
    at += data.length;
    if (newline === 1) body[at++] = 0x0a;
  }
  switch (compression) {
    case 'NONE':
      return body;
    case 'GZIP':
      return gzipStored(body);
    case 'ZSTD':
      return zstdRaw(body);
  }
}

/** [U] What !{extension} renders as: the format's extension, then the compression's. */
export function extensionOf(format: RecordFormatType, compression: S3CompressionType): string {
  const base = format === 'STRING' ? '.txt' : format === 'BYTE_ARRAY' ? '.bin' : '.json';
  return compression === 'GZIP' ? `${base}.gz` : compression === 'ZSTD' ? `${base}.zst` : base;
}
