// KINESIS_LIMITS: every AWS limit the engine applies, public and frozen, with AWS's documented values.
import { describe, expect, it } from 'vitest';
import { KINESIS_LIMITS } from '../../src/index.js';
import * as limits from '../../src/model/limits.js';

const MiB = 1024 * 1024;

describe('KINESIS_LIMITS', () => {
  it('holds every limit constant of src/model/limits.ts, under the same name', () => {
    const constants = Object.entries(limits).filter(([name]) => name !== 'KINESIS_LIMITS');
    expect(Object.fromEntries(constants)).toEqual({ ...KINESIS_LIMITS });
  });

  it('is frozen, so a simulation reading it cannot change the engine', () => {
    expect(Object.isFrozen(KINESIS_LIMITS)).toBe(true);
    expect(Object.isFrozen(KINESIS_LIMITS.LARGE_SHARD_QUOTA_REGIONS)).toBe(true);
    expect(() => {
      (KINESIS_LIMITS as { ITERATOR_TTL_MS: number }).ITERATOR_TTL_MS = 1;
    }).toThrow(TypeError);
  });

  it("has AWS's documented values", () => {
    expect(KINESIS_LIMITS).toMatchObject({
      ITERATOR_TTL_MS: 5 * 60_000,
      NEXT_TOKEN_TTL_MS: 300_000,
      GET_RECORDS_MAX_BYTES: 10 * MiB,
      GET_RECORDS_MAX_RECORDS: 10_000,
      PUT_RECORDS_MAX_BYTES: 10 * MiB,
      RECORD_MAX_SIZE_DEFAULT_KIB: 1024,
      SHARD_WRITE_RECORDS_PER_SECOND: 1000,
      SHARD_WRITE_BYTES_PER_SECOND: MiB,
      SHARD_READ_CALLS_PER_SECOND: 5,
      SHARD_READ_BYTES_PER_SECOND: 2 * MiB,
      SHARD_ITERATOR_CALLS_PER_SECOND: 5,
      RETENTION_DEFAULT_HOURS: 24,
      RETENTION_MIN_HOURS: 24,
      RETENTION_MAX_HOURS: 365 * 24,
      UPDATE_SHARD_COUNT_MAX_CALLS_PER_DAY: 10,
      UPDATE_SHARD_COUNT_MAX_SHARDS: 10_000,
      STREAM_MAX_CONSUMERS: 20,
      ACCOUNT_MAX_CREATING_CONSUMERS: 5,
      RESOURCE_MAX_TAGS: 50,
      WARM_THROUGHPUT_MAX_MIBPS: 10 * 1024,
      ACCOUNT_DEFAULT_MAX_ON_DEMAND_STREAMS: 50,
      ACCOUNT_DEFAULT_MAX_SHARDS: 1000,
      ACCOUNT_LARGE_REGION_DEFAULT_MAX_SHARDS: 20_000,
      BILLING_COMMITMENT_MIN_MS: 24 * 3_600_000,
      DRY_RUN_CALLS_PER_SECOND: 1,
      STREAM_MAX_CHANNELS: 2,
      CHANNEL_DATA_FRESHNESS_MIN_SECONDS: 300,
      CHANNEL_DATA_FRESHNESS_MAX_SECONDS: 900,
      CHANNEL_DATA_FRESHNESS_DEFAULT_SECONDS: 300,
      LIST_CHANNELS_MAX_CHANNELS: 100,
      ON_DEMAND_INITIAL_SHARDS: 4,
      ON_DEMAND_LARGE_REGION_MAX_SHARDS: 10 * 1024,
      ON_DEMAND_DEFAULT_MAX_SHARDS: 200,
      // [B] as write-ups quote AWS's sizing page.
      ON_DEMAND_HEADROOM_FACTOR: 2,
      ON_DEMAND_PEAK_WINDOW_MS: 30 * 24 * 3_600_000,
      ON_DEMAND_SCALE_UP_DELAY_MS: 15 * 60_000,
      ON_DEMAND_SCALE_DOWN_DELAY_MS: 24 * 3_600_000,
    });
  });

  it('names its units last', () => {
    const units = /_(MS|HOURS|BYTES|KIB|MIBPS|PER_SECOND|PER_DAY|RECORDS|SHARDS|STREAMS|CONSUMERS|CHANNELS|TAGS|REGIONS|SECONDS|FACTOR)$/;
    for (const name of Object.keys(KINESIS_LIMITS)) expect(name).toMatch(units);
  });
});
