// Checks every write makes before it stores anything: partition key presence, explicit hash key range, record size.

import { InvalidArgumentException, ValidationException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import { MAX_HASH_KEY } from '../../keys/hash-key.js';
import { utf8ByteLength } from '../../encoding/utf8.js';
import { PARTITION_KEY } from '../../service-model/kinesis-shapes.js';
import { NOT_NULL, validationMessage, violation } from '../../validation/render.js';

/**
 * The hash key an ExplicitHashKey names (the validator already checked its decimal pattern).
 * @throws InvalidArgumentException when it is above 2^128 - 1
 */
export function explicitHashKey(text: string): bigint {
  const key = BigInt(text);
  if (key > MAX_HASH_KEY) throw new InvalidArgumentException(msg.invalidExplicitHashKey(text));
  return key;
}

/** What a record counts for against the write limits and record size: data + UTF-8 partition key (none: data alone [U]). */
export function recordBytes(data: Uint8Array, partitionKey: string | undefined): number {
  return data.length + (partitionKey === undefined ? 0 : utf8ByteLength(partitionKey));
}

/**
 * The size a record counts for (data + UTF-8 partition key), checked against the stream's MaxRecordSizeInKiB.
 * The exact UTF-8 length is only computed when the cheap upper bound (3 bytes per UTF-16 unit) is too big.
 * `entry` is the 1-based PutRecords entry, undefined for PutRecord.
 * @throws ValidationException (Divergence [U]: AWS's exception and text for this check are not public): for data
 * alone over the limit the model's violation naming the data's own length, else a text of its own.
 */
export function recordSize(data: Uint8Array, partitionKey: string | undefined, maxRecordSizeKiB: number, entry?: number): number {
  // A record without a partition key counts its data alone [U].
  if (partitionKey === undefined) partitionKey = '';
  const limit = maxRecordSizeKiB * 1024;
  const bound = data.length + 3 * partitionKey.length;
  if (bound <= limit) return bound;
  if (data.length > limit) {
    throw new ValidationException(msg.recordDataTooLarge(data.length, limit, entry === undefined ? 'data' : `records.${entry}.member.data`));
  }
  const size = recordBytes(data, partitionKey);
  if (size > limit) throw new ValidationException(msg.recordTooLarge(size, limit, entry));
  return size;
}

/** How many missing partition keys one ValidationException names, like the validator's own list [K]. */
const MAX_REPORTED = 10;

/**
 * The error for records without a PartitionKey on a USER_PARTITION_KEY stream: the ValidationException the model
 * gave before PartitionKey became optional, "Value null at 'partitionKey' failed to satisfy constraint: Member must
 * not be null" ([R] https://github.com/snowplow/enrich/issues/377 for PutRecords' `records.N.member.partitionKey`).
 * [U] that AWS still answers this way now that the model allows the key to be absent.
 * @param paths member paths of the missing keys, in request order ('partitionKey', 'records.3.member.partitionKey')
 */
export function partitionKeyRequired(paths: readonly string[]): ValidationException {
  const entries = paths.slice(0, MAX_REPORTED).map((path) => violation(null, PARTITION_KEY, path, NOT_NULL));
  return new ValidationException(validationMessage(entries));
}
