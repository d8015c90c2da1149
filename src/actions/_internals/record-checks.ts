// Checks every write makes before it stores anything: explicit hash key range and record size.

import { InvalidArgumentException, ValidationException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import { MAX_HASH_KEY } from '../../keys/hash-key.js';
import { utf8ByteLength } from '../../encoding/utf8.js';

/**
 * The hash key an ExplicitHashKey names (the validator already checked its decimal pattern).
 * @throws InvalidArgumentException when it is above 2^128 - 1
 */
export function explicitHashKey(text: string): bigint {
  const key = BigInt(text);
  if (key > MAX_HASH_KEY) throw new InvalidArgumentException(msg.invalidExplicitHashKey(text));
  return key;
}

/**
 * The size a record counts for (data + UTF-8 partition key), checked against the stream's MaxRecordSizeInKiB.
 * The exact UTF-8 length is only computed when the cheap upper bound (3 bytes per UTF-16 unit) is too big.
 * `entry` is the 1-based PutRecords entry, undefined for PutRecord.
 * @throws ValidationException (Divergence [U]: AWS's exception and text for this check are not public): for data
 * alone over the limit the model's violation naming the data's own length, else a text of its own.
 */
export function recordSize(data: Uint8Array, partitionKey: string, maxRecordSizeKiB: number, entry?: number): number {
  const limit = maxRecordSizeKiB * 1024;
  const bound = data.length + 3 * partitionKey.length;
  if (bound <= limit) return bound;
  if (data.length > limit) {
    throw new ValidationException(msg.recordDataTooLarge(data.length, limit, entry === undefined ? 'data' : `records.${entry}.member.data`));
  }
  const size = data.length + utf8ByteLength(partitionKey);
  if (size > limit) throw new ValidationException(msg.recordTooLarge(size, limit, entry));
  return size;
}
