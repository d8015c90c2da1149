// The call history: one record per Kinesis call while recording, so a test can assert what its code did
// ("PutRecords was called 3 times, twice failing with InternalFailure") without wrapping the client.

/** One call as the history keeps it. */
export interface CallRecord {
  /** The AWS operation name, e.g. 'PutRecords' (kinesim's extensions by their own names). */
  readonly operation: string;
  /** The engine time the call ran at (epoch ms). */
  readonly atMs: number;
  /** The stream the call named, if any (see FaultScope.streamName for how it is read). */
  readonly streamName?: string;
  /** The shard the call named or, for PutRecord, the shard the record went to. */
  readonly shardId?: string;
  readonly outcome: 'ok' | 'error';
  /** The error's name (AWS's exception name) when the outcome is 'error'. */
  readonly error?: string;
  /** Whether a fault rule caused the error, or the failed entries of a PutRecords. */
  readonly injected: boolean;
  /** PutRecords only: how many entries were sent and how many failed. */
  readonly records?: number;
  readonly failedRecordCount?: number;
}

/** What `count` and `filter` match: every given member must be equal. */
export type CallFilter = Partial<Pick<CallRecord, 'operation' | 'outcome' | 'error' | 'injected' | 'streamName' | 'shardId'>>;

/** The engine's call history (`kinesis.history`). Off, and costing nothing, until started. */
export class CallHistory {
  #calls: CallRecord[] = [];
  #recording = false;
  #limit = Infinity;
  readonly #onChange: () => void;

  /** `onChange` is told when recording starts or stops. */
  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /**
   * Starts recording every call, keeping the latest `limit` (default: all).
   * @throws RangeError when `limit` is not a whole number > 0.
   */
  start(options: { limit?: number } = {}): void {
    const limit = options.limit ?? Infinity;
    if (limit !== Infinity && !(Number.isSafeInteger(limit) && limit > 0)) {
      throw new RangeError(`history limit must be a whole number > 0, got ${String(limit)}`);
    }
    this.#limit = limit;
    this.#recording = true;
    this.#trim();
    this.#onChange();
  }

  /** Stops recording; what was recorded stays until `clear`. */
  stop(): void {
    this.#recording = false;
    this.#onChange();
  }

  get recording(): boolean {
    return this.#recording;
  }

  /** The recorded calls, oldest first (a copy). */
  get calls(): readonly CallRecord[] {
    this.#trim();
    return this.#calls.slice();
  }

  /** Forgets every recorded call. */
  clear(): void {
    this.#calls = [];
  }

  /** The recorded calls matching `filter`, oldest first. */
  filter(filter: CallFilter = {}): CallRecord[] {
    const entries = Object.entries(filter) as [keyof CallRecord, unknown][];
    this.#trim();
    return this.#calls.filter((call) => entries.every(([key, value]) => value === undefined || call[key] === value));
  }

  /** How many recorded calls match `filter`. */
  count(filter: CallFilter = {}): number {
    return this.filter(filter).length;
  }

  /** Appends a call (the engine's observer calls this). */
  add(call: CallRecord): void {
    if (!this.#recording) return;
    this.#calls.push(call);
    if (this.#calls.length >= this.#limit * 2) this.#trim();
  }

  #trim(): void {
    // Trimmed in batches (at twice the limit, and before every read), so keeping the latest N costs O(1) per call.
    if (this.#calls.length > this.#limit) this.#calls.splice(0, this.#calls.length - this.#limit);
  }
}
