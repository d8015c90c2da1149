// Listeners for what happens in the engine: each call, the records a put stored, and the changes a stream
// goes through when they apply (a reshard, an encryption change, a mode switch...). Listeners run after the
// call has taken effect, in the order they were added.

import type { CallRecord } from './call-history.js';

/** A record a PutRecord or PutRecords call stored. `data` is the caller's own array (not a copy). */
export interface PutRecordEvent {
  readonly shardId: string;
  readonly sequenceNumber: string;
  /** Undefined for a record put without one (AUTO streams). */
  readonly partitionKey: string | undefined;
  readonly data: Uint8Array;
}

/** The records one PutRecord or PutRecords call stored (failed entries left out). */
export interface RecordsPutEvent {
  readonly streamName: string;
  readonly atMs: number;
  readonly records: readonly PutRecordEvent[];
}

/**
 * A change a stream was UPDATING for, applied at `atMs` (its due time): `split`, `merge` and `scale` are reshards
 * (with the shards they opened and closed), the others settings (`encryption`, `mode`, `warmThroughput`).
 */
export interface StreamChangeEvent {
  readonly streamName: string;
  readonly kind: string;
  readonly atMs: number;
  readonly openedShardIds: readonly string[];
  readonly closedShardIds: readonly string[];
}

/** The events `kinesis.events.on` can listen to, with what each listener gets. */
export interface KinesisEventMap {
  /** Every call, as the call history records it. */
  call: CallRecord;
  recordsPut: RecordsPutEvent;
  streamChange: StreamChangeEvent;
}

export type KinesisEventName = keyof KinesisEventMap;

type Listener<E extends KinesisEventName> = (event: KinesisEventMap[E]) => void;

/** The engine's listeners (`kinesis.events`). Off, and costing nothing, until one is added. */
export class EngineEvents {
  readonly #listeners: { [E in KinesisEventName]: Listener<E>[] } = { call: [], recordsPut: [], streamChange: [] };
  readonly #onChange: () => void;

  /** `onChange` is told whenever listeners come or go. */
  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /**
   * Calls `listener` with each `event` from now on; returns the function that removes it. A listener that throws
   * makes the call it observed throw, after that call took effect. Calls a listener makes on the engine are
   * recorded in the history but tell no listener (so a listener cannot loop).
   * @throws TypeError for an unknown event name or a listener that is not a function.
   */
  on<E extends KinesisEventName>(event: E, listener: (event: KinesisEventMap[E]) => void): () => void {
    const list = this.#listeners[event] as Listener<E>[] | undefined;
    if (list === undefined) throw new TypeError(`unknown event ${String(event)}; known: call, recordsPut, streamChange`);
    if (typeof listener !== 'function') throw new TypeError('an event listener is a function');
    const entry: Listener<E> = (e) => listener(e);
    list.push(entry);
    this.#onChange();
    return () => {
      const at = list.indexOf(entry);
      if (at < 0) return;
      list.splice(at, 1);
      this.#onChange();
    };
  }

  /** Whether anyone listens to `event`. */
  has(event: KinesisEventName): boolean {
    return this.#listeners[event].length > 0;
  }

  /** Whether anyone listens at all. */
  get active(): boolean {
    return this.has('call') || this.has('recordsPut') || this.has('streamChange');
  }

  /** Calls the listeners of `event` (the engine's observer calls this). */
  emit<E extends KinesisEventName>(event: E, payload: KinesisEventMap[E]): void {
    for (const listener of [...this.#listeners[event]] as Listener<E>[]) listener(payload);
  }
}
