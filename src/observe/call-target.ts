// What a call names: its stream and shards, read from a validated input without changing anything. Fault rules
// match on it and the call history records it. Work beyond reading members (opening an iterator, routing a
// put's keys) is done only when asked.

import { MAX_HASH_KEY } from '../keys/hash-key.js';
import type { Account } from '../model/account.js';
import type { Stream } from '../model/stream.js';
import { parseShardId, shardIdOf } from '../model/shard.js';
import { decodeIterator, type IteratorState } from '../tokens/shard-iterator.js';

const STREAM_IN_ARN = /^arn:[^:]+:kinesis:[^:]*:\d{12}:stream\/([^/]+)/;

type Input = Readonly<Record<string, unknown>>;

/** The stream and shards one call names (see FaultScope for which members count). */
export class CallTarget {
  readonly #account: Account;
  readonly #operation: string;
  readonly #input: Input;
  #iterator: IteratorState | null | undefined;
  #streamName: string | null | undefined;
  #shardIds: readonly string[] | undefined;

  constructor(account: Account, operation: string, input: Input) {
    this.#account = account;
    this.#operation = operation;
    this.#input = input;
  }

  /** The GetRecords iterator's state, when the call carries one this engine sealed. */
  get iterator(): IteratorState | undefined {
    if (this.#iterator === undefined) {
      const token = this.#input['ShardIterator'];
      this.#iterator = (typeof token === 'string' ? decodeIterator(this.#account.sealer, token) : undefined) ?? null;
    }
    return this.#iterator ?? undefined;
  }

  /** The stream the call names, if it names one. */
  get streamName(): string | undefined {
    if (this.#streamName === undefined) this.#streamName = this.#findStreamName() ?? null;
    return this.#streamName ?? undefined;
  }

  /** The shards the call names (for puts: the open shards its records route to). */
  get shardIds(): readonly string[] {
    return (this.#shardIds ??= this.#findShardIds());
  }

  #findStreamName(): string | undefined {
    const input = this.#input;
    const name = input['StreamName'];
    if (typeof name === 'string') return name;
    for (const member of ['StreamARN', 'ResourceARN', 'ConsumerARN']) {
      const arn = input[member];
      const match = typeof arn === 'string' ? STREAM_IN_ARN.exec(arn) : null;
      if (match !== null) return match[1];
    }
    return this.iterator?.streamName;
  }

  #findShardIds(): readonly string[] {
    const input = this.#input;
    const ids: string[] = [];
    for (const member of ['ShardId', 'ShardToSplit', 'ShardToMerge', 'AdjacentShardToMerge']) {
      const text = input[member];
      const index = typeof text === 'string' ? parseShardId(text) : undefined;
      if (index !== undefined) ids.push(shardIdOf(index));
    }
    const iterator = this.iterator;
    if (iterator !== undefined) ids.push(shardIdOf(iterator.shardIndex));
    if (this.#operation === 'PutRecord' || this.#operation === 'PutRecords') {
      const name = this.streamName;
      const stream = name === undefined ? undefined : this.#account.streams.get(name);
      // An AUTO stream places records by its own draw at put time: a put names no shard beforehand.
      if (stream !== undefined && stream.recordDistributionStrategy !== 'AUTO' && stream.openShards().length > 0) {
        const entries = this.#operation === 'PutRecord' ? [input] : ((input['Records'] ?? []) as Input[]);
        for (const entry of entries) {
          const shardId = routedShardId(stream, entry);
          if (shardId !== undefined && !ids.includes(shardId)) ids.push(shardId);
        }
      }
    }
    return ids;
  }
}

/** The open shard a put entry routes to, or undefined when it cannot be routed (the action will refuse it). */
function routedShardId(stream: Stream, entry: Input): string | undefined {
  const explicit = entry['ExplicitHashKey'];
  if (typeof explicit === 'string') {
    const key = /^\d+$/.test(explicit) ? BigInt(explicit) : undefined;
    return key === undefined || key > MAX_HASH_KEY ? undefined : stream.shardForHashKey(key).id;
  }
  const key = entry['PartitionKey'];
  return typeof key === 'string' ? stream.shardForKey(key).id : undefined;
}
