// Observation: the slow path of a Kinesis call, taken only while something watches the engine (a fault rule,
// the call history, a listener). It validates, asks the fault rules, runs the action, then records and emits.
// While nothing watches, Kinesis#run never comes here: one branch per call.

import type { PutRecordOutput, PutRecordsInput, PutRecordsOutput, PutRecordInput } from '../api-types/records.js';
import { Faults, type FaultDecision } from '../faults/faults.js';
import type { FaultContext } from '../faults/fault-errors.js';
import type { Account } from '../model/account.js';
import type { PendingChange } from '../model/pending-change.js';
import type { Shard } from '../model/shard.js';
import type { Stream } from '../model/stream.js';
import type { ServedOperation } from '../operations/operation.js';
import { validateInput } from '../validation/validate.js';
import { CallHistory, type CallRecord } from './call-history.js';
import { CallTarget } from './call-target.js';
import { EngineEvents, type PutRecordEvent, type StreamChangeEvent } from './engine-events.js';

type AnyOperation = ServedOperation<string, never, unknown>;

/** The AWS name of an operation: its method, upper-first (the registry's rule). */
function operationName(operation: AnyOperation): string {
  return operation.method.charAt(0).toUpperCase() + operation.method.slice(1);
}

export class Observation {
  readonly faults: Faults;
  readonly history: CallHistory;
  readonly events: EngineEvents;
  readonly #account: Account;
  readonly #setWatching: (watching: Observation | undefined) => void;
  /** Stream changes applied during the call running now, emitted once it is done. */
  #changes: StreamChangeEvent[] = [];
  /** True while listeners run: calls they make are recorded but tell no listener, so none can loop forever. */
  #emitting = false;

  /** `setWatching` hands the engine this observation while anything watches, and undefined otherwise. */
  constructor(account: Account, setWatching: (watching: Observation | undefined) => void) {
    this.#account = account;
    this.#setWatching = setWatching;
    const changed = () => this.#update();
    this.faults = new Faults(changed, () => account.timeline.peek());
    this.history = new CallHistory(changed);
    this.events = new EngineEvents(changed);
  }

  /** Runs one call the way Kinesis#run does, with the fault rules, the history and the listeners in the loop. */
  run<I, O>(operation: ServedOperation<string, I, O>, input: I): O {
    const account = this.#account;
    const name = operationName(operation as unknown as AnyOperation);
    const atMs = account.timeline.peek();
    let target: CallTarget | undefined;
    let decision: FaultDecision | undefined;
    let output: O;
    try {
      const valid = validateInput(operation.input, input);
      const called = new CallTarget(account, name, valid as Record<string, unknown>);
      target = called;
      if (this.faults.active) decision = this.faults.decide(name, atMs, called, () => this.#context(name, atMs, called));
      if (decision?.kind === 'error') throw decision.error;
      output = decision === undefined ? operation.action(account, valid) : this.#withRecordFaults(decision, () => operation.action(account, valid));
    } catch (error) {
      const injected = decision?.kind === 'error' && decision.error === error;
      this.#finish(this.#record(name, atMs, target, error, injected), undefined, undefined);
      throw error;
    }
    const injected = decision?.kind === 'records' && decision.records.failed > 0;
    this.#finish(this.#record(name, atMs, target, undefined, injected, output), input, output);
    return output;
  }

  #withRecordFaults<O>(decision: FaultDecision & { kind: 'records' }, run: () => O): O {
    this.#account.recordFaults = decision.records;
    try {
      const output = run();
      decision.commit();
      return output;
    } finally {
      this.#account.recordFaults = undefined;
    }
  }

  #context(operation: string, nowMs: number, target: CallTarget): FaultContext {
    return {
      accountId: this.#account.accountId,
      nowMs,
      operation,
      streamName: target.streamName,
      shardId: target.shardIds[0],
      iteratorCreatedAtMs: target.iterator?.createdAtMs,
    };
  }

  #record(name: string, atMs: number, target: CallTarget | undefined, error: unknown, injected: boolean, output?: unknown): CallRecord {
    const record: { -readonly [K in keyof CallRecord]: CallRecord[K] } = { operation: name, atMs, outcome: 'ok', injected };
    const streamName = target?.streamName;
    if (streamName !== undefined) record.streamName = streamName;
    // A put's shards are where its records went (PutRecord's output), never routed again just to be recorded.
    const put = name === 'PutRecord' || name === 'PutRecords';
    const shardId = put ? (output as PutRecordOutput | undefined)?.ShardId : target?.shardIds[0];
    if (shardId !== undefined && name !== 'PutRecords') record.shardId = shardId;
    if (error !== undefined) {
      record.outcome = 'error';
      record.error = error instanceof Error ? error.name : String(error);
    } else if (name === 'PutRecords') {
      const out = output as PutRecordsOutput;
      record.records = out.Records.length;
      record.failedRecordCount = out.FailedRecordCount ?? 0;
    }
    return record;
  }

  /** Records the call and tells the listeners: the call, the records it stored, the stream changes it applied. */
  #finish(record: CallRecord, input: unknown, output: unknown): void {
    const changes = this.#changes;
    this.#changes = [];
    this.history.add(record);
    const events = this.events;
    if (!events.active || this.#emitting) return;
    this.#emitting = true;
    try {
      events.emit('call', record);
      if (output !== undefined && events.has('recordsPut') && record.streamName !== undefined) {
        const records = putRecords(record.operation, input, output);
        if (records !== undefined) events.emit('recordsPut', { streamName: record.streamName, atMs: record.atMs, records });
      }
      for (const change of changes) events.emit('streamChange', change);
    } finally {
      this.#emitting = false;
    }
  }

  #update(): void {
    const timeline = this.#account.timeline;
    timeline.onChangeApplied = this.events.has('streamChange') ? (s, c, before) => this.#changes.push(changeEvent(s, c, before)) : undefined;
    const watching = this.faults.active || this.history.recording || this.events.active;
    this.#setWatching(watching ? this : undefined);
  }
}

function putRecords(operation: string, input: unknown, output: unknown): PutRecordEvent[] | undefined {
  if (operation === 'PutRecord') {
    const i = input as PutRecordInput;
    const o = output as PutRecordOutput;
    return [{ shardId: o.ShardId, sequenceNumber: o.SequenceNumber, partitionKey: i.PartitionKey, data: i.Data }];
  }
  if (operation !== 'PutRecords') return undefined;
  const entries = (input as PutRecordsInput).Records;
  const records: PutRecordEvent[] = [];
  (output as PutRecordsOutput).Records.forEach((result, i) => {
    const entry = entries[i]!;
    if (result.SequenceNumber !== undefined && result.ShardId !== undefined) {
      records.push({ shardId: result.ShardId, sequenceNumber: result.SequenceNumber, partitionKey: entry.PartitionKey, data: entry.Data });
    }
  });
  return records;
}

/** The event of a change: the shards it opened that are open, and the shards open before it that it closed. */
function changeEvent(stream: Stream, change: PendingChange, openBefore: readonly Shard[]): StreamChangeEvent {
  const before = new Set(openBefore);
  return {
    streamName: stream.name,
    kind: change.kind,
    atMs: change.dueAtMs,
    openedShardIds: stream.openShards().filter((s) => !before.has(s)).map((s) => s.id),
    closedShardIds: openBefore.filter((s) => !s.isOpen).map((s) => s.id),
  };
}
