// KPL's limits on one aggregated record (AggregationMaxSize, AggregationMaxCount), and how an aggregate's
// exact size grows record by record. Source: awslabs/amazon-kinesis-producer default_config.properties and
// kinesis_record.cc [C] (https://github.com/awslabs/amazon-kinesis-producer).

import type { UserRecordInput } from '../api-types/kpl.js';
import { KPL_DIGEST_SIZE, KPL_MAGIC } from './aggregated-record-format.js';
import { stringFieldSize, varintSize } from './protobuf.js';

/** Limits of one aggregated record, KPL's names in the comments. */
export interface AggregationLimits {
  /** AggregationMaxSize: bytes of an aggregated record (magic, protobuf, MD5). Default 51200, allowed 64..1048576. */
  maxBytes?: number;
  /** AggregationMaxCount: user records per aggregate. Default 4294967295, at least 1. */
  maxCount?: number;
}

export const AGGREGATION_DEFAULT_MAX_BYTES = 51_200;
export const AGGREGATION_MIN_MAX_BYTES = 64;
export const AGGREGATION_MAX_MAX_BYTES = 1_048_576;
export const AGGREGATION_DEFAULT_MAX_COUNT = 4_294_967_295;

/** The limits with KPL's defaults applied. @throws RangeError naming a limit outside KPL's allowed range */
export function resolveLimits(caller: string, limits: AggregationLimits = {}): Required<AggregationLimits> {
  const maxBytes = limits.maxBytes ?? AGGREGATION_DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < AGGREGATION_MIN_MAX_BYTES || maxBytes > AGGREGATION_MAX_MAX_BYTES) {
    throw new RangeError(`${caller} maxBytes must be a whole number in ${AGGREGATION_MIN_MAX_BYTES}..${AGGREGATION_MAX_MAX_BYTES} (KPL's AggregationMaxSize), got ${String(maxBytes)}`);
  }
  const maxCount = limits.maxCount ?? AGGREGATION_DEFAULT_MAX_COUNT;
  if (!Number.isSafeInteger(maxCount) || maxCount < 1) {
    throw new RangeError(`${caller} maxCount must be a whole number >= 1 (KPL's AggregationMaxCount), got ${String(maxCount)}`);
  }
  return { maxBytes, maxCount };
}

/**
 * The exact size of an aggregate as records join it (magic + protobuf + MD5, what KPL calls the accurate
 * size): each record adds its Record field and any partition or explicit hash key new to the tables.
 */
export class AggregateSize {
  readonly #partitionKeys = new Map<string, number>();
  readonly #explicitHashKeys = new Map<string, number>();
  #bytes = KPL_MAGIC.length + KPL_DIGEST_SIZE;
  #count = 0;

  get bytes(): number {
    return this.#bytes;
  }

  get count(): number {
    return this.#count;
  }

  /** The size with `record` added (nothing changes). */
  with(record: UserRecordInput): number {
    let grows = 0;
    let keyIndex = this.#partitionKeys.get(record.PartitionKey);
    if (keyIndex === undefined) {
      keyIndex = this.#partitionKeys.size;
      grows += stringFieldSize(record.PartitionKey);
    }
    let body = 1 + varintSize(keyIndex);
    const explicit = record.ExplicitHashKey;
    if (explicit !== undefined && explicit !== null) {
      let explicitIndex = this.#explicitHashKeys.get(explicit);
      if (explicitIndex === undefined) {
        explicitIndex = this.#explicitHashKeys.size;
        grows += stringFieldSize(explicit);
      }
      body += 1 + varintSize(explicitIndex);
    }
    body += 1 + varintSize(record.Data.length) + record.Data.length;
    return this.#bytes + grows + 1 + varintSize(body) + body;
  }

  add(record: UserRecordInput): void {
    this.#bytes = this.with(record);
    this.#count++;
    if (!this.#partitionKeys.has(record.PartitionKey)) this.#partitionKeys.set(record.PartitionKey, this.#partitionKeys.size);
    const explicit = record.ExplicitHashKey;
    if (explicit !== undefined && explicit !== null && !this.#explicitHashKeys.has(explicit)) {
      this.#explicitHashKeys.set(explicit, this.#explicitHashKeys.size);
    }
  }
}
