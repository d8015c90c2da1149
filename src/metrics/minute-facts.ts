// Minute facts: what the engine observed in one minute of engine time, as raw per-call samples (each a
// {sum, count, min, max} of one value) from which every CloudWatch metric is derived when someone asks
// (metric-catalog.ts). Recording a call touches one or two of these slots, never the ~30 metrics they feed.

/** Samples of one stream in one minute; each fact is one sample per call (its value named after the fact). */
export const StreamFact = {
  /** Successful PutRecord: its data bytes. */
  PutRecordBytes: 0,
  /** Throttled PutRecord (value 1). */
  PutRecordThrottled: 1,
  /** PutRecords with every entry stored: entries. */
  PutsCleanRecords: 2,
  /** PutRecords with every entry stored: data bytes. */
  PutsCleanBytes: 3,
  /** PutRecords with a failed entry: entries sent. */
  PutsMixedTotal: 4,
  /** PutRecords with a failed entry and at least one stored: entries stored. */
  PutsMixedStored: 5,
  /** PutRecords with a failed entry and at least one stored: data bytes stored. */
  PutsMixedBytes: 6,
  /** PutRecords with a failed entry: entries throttled. */
  PutsMixedThrottled: 7,
  /** PutRecords with a failed entry: entries failed for another reason (an internal failure). */
  PutsMixedFailed: 8,
  /** Successful GetRecords: records returned. */
  GetRecords: 9,
  /** Successful GetRecords: data bytes returned. */
  GetBytes: 10,
  /** Successful GetRecords: iterator age in ms. */
  GetIteratorAge: 11,
  /** Throttled GetRecords (value 1). */
  GetThrottled: 12,
} as const;
export const STREAM_FACTS = 13;

/**
 * Samples of one shard in one minute, only for the enhanced metrics enabled when they were recorded. Fact i
 * serves SHARD_LEVEL_METRICS[i], the model's order, so the enabled set is a bit mask over these indexes.
 */
export const ShardFact = {
  /** Per put operation on the shard: data bytes stored in it. */
  IncomingBytes: 0,
  /** Per put operation on the shard: records stored in it. */
  IncomingRecords: 1,
  /** Per GetRecords call or SubscribeToShard event: data bytes. */
  OutgoingBytes: 2,
  /** Per GetRecords call or SubscribeToShard event: records. */
  OutgoingRecords: 3,
  /** Per put operation on the shard: records throttled. */
  WriteThrottled: 4,
  /** Per GetRecords call: 1 when throttled, else 0. */
  ReadThrottled: 5,
  /** Per successful GetRecords call: iterator age in ms. */
  IteratorAge: 6,
} as const;
export const SHARD_FACTS = 7;

/** Samples of one enhanced fan-out consumer of a stream in one minute. */
export const ConsumerFact = {
  /** SubscribeToShard calls that established a subscription (value 1). */
  SubscribeOk: 0,
  /** SubscribeToShard calls refused for an active subscription or the call rate (value 1). */
  SubscribeRefused: 1,
  /** Per SubscribeToShardEvent: records. */
  EventRecords: 2,
  /** Per SubscribeToShardEvent: data bytes. */
  EventBytes: 3,
  /** Per SubscribeToShardEvent: MillisBehindLatest. */
  EventMillisBehind: 4,
} as const;
export const CONSUMER_FACTS = 5;

/** Facts as a flat array: fact f's sum, count, min and max at 4f .. 4f+3. */
export type Facts = Float64Array;

const EMPTY_FACT = [0, 0, Infinity, -Infinity];

/** `n` facts with no sample yet. */
export function newFacts(n: number): Facts {
  const facts = new Float64Array(4 * n);
  for (let i = 0; i < facts.length; i++) facts[i] = EMPTY_FACT[i & 3]!;
  return facts;
}

/** Adds one sample of `value` to fact `f`. */
export function addSample(facts: Facts, f: number, value: number): void {
  const at = 4 * f;
  facts[at] = facts[at]! + value;
  facts[at + 1] = facts[at + 1]! + 1;
  if (value < facts[at + 2]!) facts[at + 2] = value;
  if (value > facts[at + 3]!) facts[at + 3] = value;
}

/** The number of samples of fact `f`. */
export function sampleCount(facts: Facts, f: number): number {
  return facts[4 * f + 1]!;
}

/** What one stream observed in one minute of engine time (`startMs` is a multiple of 60000). */
export class MinuteFacts {
  readonly stream: Facts = newFacts(STREAM_FACTS);
  /** By ShardId; only for shards with an enhanced metric recorded. */
  shards: Map<string, Facts> | undefined;
  /** By ConsumerName. */
  consumers: Map<string, Facts> | undefined;

  constructor(readonly startMs: number) {}

  shard(shardId: string): Facts {
    const shards = (this.shards ??= new Map());
    let facts = shards.get(shardId);
    if (facts === undefined) shards.set(shardId, (facts = newFacts(SHARD_FACTS)));
    return facts;
  }

  consumer(consumerName: string): Facts {
    const consumers = (this.consumers ??= new Map());
    let facts = consumers.get(consumerName);
    if (facts === undefined) consumers.set(consumerName, (facts = newFacts(CONSUMER_FACTS)));
    return facts;
  }
}
