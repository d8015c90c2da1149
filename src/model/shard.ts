// Shard: a hash-key range with its record log, sequence numbering and place in the lineage.

import { SequenceFormatter, END_COUNTER } from '../keys/sequence-number.js';
import { ShardLog, type RecordPayloads } from './shard-log.js';
import { ShardThroughput } from './shard-throughput.js';

/** `shardId-` + the index zero-padded to 12 digits (negative indices as AWS prints them: `shardId--02147483648`). */
export function shardIdOf(index: number): string {
  return index < 0 ? 'shardId--' + String(-index).padStart(11, '0') : 'shardId-' + String(index).padStart(12, '0');
}

/**
 * AWS's lenient shard-ID parsing: the text after the first '-' (or all of it) must be digits and at most
 * 2147483647. Returns the index, or undefined when AWS would answer "Could not find shard".
 */
export function parseShardId(text: string): number | undefined {
  const dash = text.indexOf('-');
  const digits = dash === -1 ? text : text.slice(dash + 1);
  if (!/^\d+$/.test(digits)) return undefined;
  const value = Number(digits);
  return value <= 2147483647 ? value : undefined;
}

export class Shard {
  readonly id: string;
  readonly log: ShardLog;
  readonly #seq: SequenceFormatter;
  /**
   * A second formatter for reads, so that reading old records and appending new ones do not take turns
   * evicting each other's cached prefix.
   */
  readonly readSequence: SequenceFormatter;
  /** Set when a split or merge closes the shard; the shard then takes no writes. */
  closedAtMs: number | undefined;
  /** IDs of the shards this one was split or merged into. */
  readonly childIds: string[] = [];
  /** Created on first use, and only when the engine enforces throughput limits. */
  #throughput: ShardThroughput | undefined;

  constructor(
    readonly index: number,
    readonly start: bigint,
    readonly end: bigint,
    readonly openedAtMs: number,
    incarnation: number,
    readonly parentId?: string,
    readonly adjacentParentId?: string,
    /** What the shard's log keeps of each payload (KinesisOptions.recordPayloads). */
    payloads: RecordPayloads = 'copy',
  ) {
    this.id = shardIdOf(index);
    this.log = new ShardLog(payloads);
    this.#seq = new SequenceFormatter(incarnation, index);
    this.readSequence = new SequenceFormatter(incarnation, index);
  }

  get isOpen(): boolean {
    return this.closedAtMs === undefined;
  }

  get startingSequenceNumber(): string {
    return this.#seq.format(0);
  }

  get endingSequenceNumber(): string | undefined {
    return this.closedAtMs === undefined ? undefined : this.#seq.format(END_COUNTER);
  }

  /** The shard's read and write usage, for the opt-in throughput limits. */
  throughput(): ShardThroughput {
    return (this.#throughput ??= new ShardThroughput());
  }

  /** The throughput counters, for snapshots; undefined while throughput was never counted. */
  throughputState(): number[] | undefined {
    return this.#throughput?.exportState();
  }

  /** Restores the throughput counters a snapshot kept (see throughputState). */
  restoreThroughput(state: readonly number[]): void {
    this.#throughput = ShardThroughput.fromState(state);
  }

  /** The sequence number of the record at an absolute log index. */
  sequenceNumberOf(index: number): string {
    return this.#seq.format(index + 1);
  }
}
