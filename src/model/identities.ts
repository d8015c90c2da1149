// Identities the account issues: stream ARNs, stream incarnations (never reused, so tokens and sequence numbers
// of a deleted stream never match its successor), and the trailing numbers of consumer ARNs.

import { assert } from '../errors/kinesis-error.js';
import { md5Hex } from '../keys/md5.js';
import { MAX_INCARNATION } from '../keys/sequence-number.js';

export class Identities {
  #incarnations = 0;
  /** The last ARN suffix given to each consumer name of each stream ARN (see consumerArnSuffix). */
  readonly #consumerArnSuffixes = new Map<string, number>();

  /** Channels ever created by the account (each channel ID draws on it, so IDs are never reused). */
  channelsCreated = 0;

  constructor(
    readonly partition: string,
    readonly region: string,
    readonly accountId: string,
  ) {}

  /** What the account has issued, for snapshots: the incarnation counter and the last ARN suffix per consumer key. */
  exportState(): { incarnations: number; consumerArnSuffixes: [string, number][] } {
    return { incarnations: this.#incarnations, consumerArnSuffixes: [...this.#consumerArnSuffixes] };
  }

  /** Continues from what a snapshot's identities had issued (see exportState). */
  restoreState(state: { incarnations: number; consumerArnSuffixes: readonly (readonly [string, number])[] }): void {
    this.#incarnations = state.incarnations;
    this.#consumerArnSuffixes.clear();
    for (const [key, suffix] of state.consumerArnSuffixes) this.#consumerArnSuffixes.set(key, suffix);
  }

  streamArn(name: string): string {
    return `arn:${this.partition}:kinesis:${this.region}:${this.accountId}:stream/${name}`;
  }

  /**
   * A new channel's ID. [U] AWS's format is not public; kinesim's is UUID-shaped (lowercase hex, 36 characters,
   * within the model's 1..64), derived from the engine seed, the name and a counter, so it is deterministic.
   */
  nextChannelId(seed: number, name: string): string {
    const hex = md5Hex(`kinesim-channel/${seed}/${this.accountId}/${this.region}/${name}/${++this.channelsCreated}`);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** `arn:<partition>:kinesis:<region>:<account>:channel/<ChannelId>` [M: the SDK's CreateChannel example]. */
  channelArn(channelId: string): string {
    return `arn:${this.partition}:kinesis:${this.region}:${this.accountId}:channel/${channelId}`;
  }

  /** A new, never reused number for the next stream created. */
  nextIncarnation(): number {
    assert(this.#incarnations < MAX_INCARNATION, 'more than 999999999 streams created by one engine');
    return ++this.#incarnations;
  }

  /**
   * The trailing number of a new consumer's ARN: its creation time in epoch seconds, or one more than the
   * last suffix of that name on that stream ARN. A re-registered consumer (or one of a re-created stream)
   * gets a new ARN [M] even within the same second, so an old ARN never finds it.
   */
  consumerArnSuffix(streamArn: string, name: string, createdAtMs: number): number {
    const key = `${streamArn}/consumer/${name}`;
    const last = this.#consumerArnSuffixes.get(key);
    const seconds = Math.floor(createdAtMs / 1000);
    const suffix = last === undefined || seconds > last ? seconds : last + 1;
    this.#consumerArnSuffixes.set(key, suffix);
    return suffix;
  }
}
