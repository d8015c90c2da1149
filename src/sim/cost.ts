// The cost estimate: shard-hours and PUT payload units (provisioned), or stream-hours and GB written and
// read (on-demand), priced with a table the scenario may override. An estimate, not a bill.

import type { ResolvedPrices } from './scenario.js';

/**
 * us-east-1 list prices for Kinesis Data Streams (https://aws.amazon.com/kinesis/data-streams/pricing/),
 * recorded on PRICE_SOURCE.recordedOn. Prices change and differ by region: override them in
 * `scenario.prices`. Extended retention, enhanced fan-out and on-demand Advantage are not priced.
 */
export const DEFAULT_PRICES: Readonly<ResolvedPrices> = Object.freeze({
  region: 'us-east-1',
  shardHourUsd: 0.015,
  putPayloadUnitsPerMillionUsd: 0.014,
  onDemandStreamHourUsd: 0.04,
  onDemandWrittenPerGbUsd: 0.08,
  onDemandReadPerGbUsd: 0.04,
});

/** Where the default prices come from, shown with every estimate. */
export const PRICE_SOURCE = Object.freeze({
  url: 'https://aws.amazon.com/kinesis/data-streams/pricing/',
  recordedOn: '2026-11-27',
});

/** A PUT payload unit is a 25 KB chunk of a record: a 5 KB record is 1 unit, a 45 KB record 2 [U: KB = 1024 B]. */
export const PUT_PAYLOAD_UNIT_BYTES = 25 * 1024;
/** On-demand bills data in and out per record rounded up to the next KiB. */
const ON_DEMAND_ROUNDING_BYTES = 1024;
const GIB = 1024 ** 3;

/** The usage a run accumulates for its cost estimate. */
export class CostMeter {
  putPayloadUnits = 0;
  /** Bytes written and read, each record rounded up to a KiB (on-demand billing). */
  writtenBilledBytes = 0;
  readBilledBytes = 0;

  #lastBytes = -1;
  #lastUnits = 0;
  #lastBilled = 0;

  /** Counts one stored Kinesis record of `dataBytes`. */
  written(dataBytes: number): void {
    if (dataBytes !== this.#lastBytes) {
      this.#lastBytes = dataBytes;
      this.#lastUnits = Math.max(1, Math.ceil(dataBytes / PUT_PAYLOAD_UNIT_BYTES));
      this.#lastBilled = Math.max(1, Math.ceil(dataBytes / ON_DEMAND_ROUNDING_BYTES)) * ON_DEMAND_ROUNDING_BYTES;
    }
    this.putPayloadUnits += this.#lastUnits;
    this.writtenBilledBytes += this.#lastBilled;
  }

  /** Counts one Kinesis record of `dataBytes` returned to a consumer. */
  read(dataBytes: number): void {
    this.readBilledBytes += Math.max(1, Math.ceil(dataBytes / ON_DEMAND_ROUNDING_BYTES)) * ON_DEMAND_ROUNDING_BYTES;
  }
}

/** The summary's cost section. */
export interface CostEstimate {
  /** Always true: prices are a table of list prices, not your bill. */
  estimate: true;
  currency: 'USD';
  mode: 'PROVISIONED' | 'ON_DEMAND';
  /** Hours each shard was open, summed (provisioned billing). */
  shardHours: number;
  putPayloadUnits: number;
  /** Hours the stream existed (on-demand billing). */
  streamHours: number;
  gbWritten: number;
  gbRead: number;
  estimateUsd: number;
  prices: ResolvedPrices;
  pricesSource: { url: string; recordedOn: string; overridden: boolean };
}

export function estimateCost(
  mode: 'PROVISIONED' | 'ON_DEMAND',
  shardHours: number,
  streamHours: number,
  meter: CostMeter,
  prices: ResolvedPrices,
): CostEstimate {
  const gbWritten = meter.writtenBilledBytes / GIB;
  const gbRead = meter.readBilledBytes / GIB;
  const estimateUsd = mode === 'PROVISIONED'
    ? shardHours * prices.shardHourUsd + (meter.putPayloadUnits / 1e6) * prices.putPayloadUnitsPerMillionUsd
    : streamHours * prices.onDemandStreamHourUsd + gbWritten * prices.onDemandWrittenPerGbUsd + gbRead * prices.onDemandReadPerGbUsd;
  const overridden = Object.entries(DEFAULT_PRICES).some(([k, v]) => prices[k as keyof ResolvedPrices] !== v);
  return {
    estimate: true,
    currency: 'USD',
    mode,
    shardHours: round(shardHours, 6),
    putPayloadUnits: meter.putPayloadUnits,
    streamHours: round(streamHours, 6),
    gbWritten: round(gbWritten, 6),
    gbRead: round(gbRead, 6),
    estimateUsd: round(estimateUsd, 6),
    prices: { ...prices },
    pricesSource: { ...PRICE_SOURCE, overridden },
  };
}

/** `x` rounded to `digits` decimals (summaries stay short and stable). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
