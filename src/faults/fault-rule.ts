// Fault rules: what a test asks kinesim to fail, and the checks that refuse a rule that could not work.

import { OPERATIONS, type OperationName } from '../operations/registry.js';
import { FAULT_ERROR_NAMES, RECORD_ERROR_CODES, type FaultErrorName, type RecordErrorCode } from './fault-errors.js';

/** Which calls a rule applies to and when it fires. Every member is optional. */
export interface FaultScope {
  /** AWS operation name(s), e.g. `'PutRecords'`. Default: every operation. */
  readonly operation?: OperationName | readonly OperationName[];
  /**
   * Only calls that name this stream: by StreamName, StreamARN, ResourceARN, ConsumerARN, or the stream of
   * a GetRecords shard iterator.
   */
  readonly streamName?: string;
  /**
   * Only calls that name this shard: ShardId, ShardToSplit, ShardToMerge or AdjacentShardToMerge, the shard of a
   * GetRecords iterator, or for PutRecord and PutRecords the shard a record routes to (on an AUTO stream a put
   * names no shard beforehand: use a records fault, which sees where each entry went).
   */
  readonly shardId?: string;
  /** Fire on at most this many calls, then the rule is spent and removed. Default: no limit. */
  readonly count?: number;
  /** Fire on each matching call with this probability, from the rule's own seeded generator. Default 1. */
  readonly probability?: number;
  /** Seed of the rule's generator. Default: the rule's number (1 for the first rule an engine was given). */
  readonly seed?: number;
  /** Only at or after this engine time (epoch ms). */
  readonly fromMs?: number;
  /** Only before this engine time (epoch ms). */
  readonly untilMs?: number;
}

/** The whole call fails with `error` (AWS's HTTP status and $fault for it) and changes nothing. */
export interface ErrorFault extends FaultScope {
  readonly error: FaultErrorName;
  /** The error's message. Default: AWS's text for it where known (see the README's "State and faults"). */
  readonly message?: string;
}

/**
 * PutRecords succeeds, but chosen entries fail with their per-entry ErrorCode and ErrorMessage while the others
 * are stored. An entry fails when its index is in `indexes` or its draw from the rule's generator is below
 * `probability`; with `shardId`, only entries routed to that shard can fail. `operation` must be PutRecords
 * (the default for this kind).
 */
export interface RecordsFault extends FaultScope {
  readonly records: { readonly indexes?: readonly number[]; readonly probability?: number };
  /** The failed entries' ErrorCode. Default 'ProvisionedThroughputExceededException'. */
  readonly error?: RecordErrorCode;
  /** The failed entries' ErrorMessage. Default: AWS's text for the code. */
  readonly message?: string;
}

/**
 * A failure of the connection, not of Kinesis: `drop` closes it without an answer (clients see ECONNRESET),
 * `latency` delays the answer by `latencyMs`. Servers apply both; the in-process AWS SDK handler applies `drop`;
 * direct Kinesis method calls have no connection and ignore them. Scoped by operation, count, probability and
 * time only.
 */
export interface TransportFault extends Omit<FaultScope, 'streamName' | 'shardId'> {
  readonly transport: 'drop' | 'latency';
  readonly latencyMs?: number;
}

/** What `kinesis.faults.inject` accepts. */
export type FaultRule = ErrorFault | RecordsFault | TransportFault;

/** The rule's kind, after its checks. */
export type FaultKind = 'error' | 'records' | 'transport';

/**
 * Checks a rule and returns its kind and operations.
 * @throws RangeError (or TypeError for a rule that is not an object) naming the member that cannot work.
 */
export function checkFaultRule(rule: FaultRule): { kind: FaultKind; operations: ReadonlySet<string> | undefined } {
  if (typeof rule !== 'object' || rule === null) throw new TypeError('a fault rule is an object');
  const r = rule as Partial<ErrorFault & RecordsFault & TransportFault> & { error?: string };
  // A misspelt member (`cout: 3`) would otherwise leave a rule that fires forever.
  unknownMember(r, RULE_MEMBERS, '');
  const kinds = (['error', 'records', 'transport'] as const).filter((k) => r[k] !== undefined);
  // A records fault may name its entries' ErrorCode in `error`.
  const kind: FaultKind | undefined = r.records !== undefined && r.transport === undefined ? 'records' : kinds.length === 1 ? kinds[0] : undefined;
  if (kind === undefined) throw new RangeError('a fault rule needs exactly one of error, records or transport');
  const operations = operationSet(r.operation);
  if (r.count !== undefined) check(Number.isSafeInteger(r.count) && r.count > 0, 'count', 'a whole number > 0', r.count);
  if (r.probability !== undefined) checkProbability('probability', r.probability);
  if (r.seed !== undefined) check(Number.isSafeInteger(r.seed), 'seed', 'a whole number', r.seed);
  if (r.fromMs !== undefined) check(Number.isFinite(r.fromMs), 'fromMs', 'a finite time in ms', r.fromMs);
  if (r.untilMs !== undefined) check(Number.isFinite(r.untilMs), 'untilMs', 'a finite time in ms', r.untilMs);
  if (r.message !== undefined) check(typeof r.message === 'string', 'message', 'a string', r.message);
  if (kind === 'error') {
    check(FAULT_ERROR_NAMES.includes(r.error as FaultErrorName), 'error', `one of ${FAULT_ERROR_NAMES.join(', ')}`, r.error);
  } else if (kind === 'records') {
    checkRecords(r as RecordsFault, operations);
  } else {
    check(r.transport === 'drop' || r.transport === 'latency', 'transport', "'drop' or 'latency'", r.transport);
    if (r.transport === 'latency') check(Number.isFinite(r.latencyMs) && r.latencyMs! >= 0, 'latencyMs', 'a number of ms >= 0', r.latencyMs);
    check(r.streamName === undefined && r.shardId === undefined, 'streamName', 'absent for a transport fault (scope it by operation)', r.streamName ?? r.shardId);
  }
  return { kind, operations: kind === 'records' ? new Set(['PutRecords']) : operations };
}

function checkRecords(r: RecordsFault, operations: ReadonlySet<string> | undefined): void {
  if (operations !== undefined) {
    check(operations.size === 1 && operations.has('PutRecords'), 'operation', "'PutRecords' (or absent) for a records fault", r.operation);
  }
  if (r.error !== undefined) check(RECORD_ERROR_CODES.includes(r.error), 'error', RECORD_ERROR_CODES.join(' or '), r.error);
  check(typeof r.records === 'object' && r.records !== null && !Array.isArray(r.records), 'records', 'an object', r.records);
  unknownMember(r.records, ['indexes', 'probability'], 'records.');
  const { indexes, probability } = r.records;
  check(indexes !== undefined || probability !== undefined, 'records', 'given indexes, a probability or both', r.records);
  if (indexes !== undefined) {
    const ok = Array.isArray(indexes) && indexes.every((i) => Number.isSafeInteger(i) && i >= 0);
    check(ok, 'records.indexes', 'an array of whole numbers >= 0', indexes);
  }
  if (probability !== undefined) checkProbability('records.probability', probability);
}

function operationSet(operation: FaultScope['operation']): ReadonlySet<string> | undefined {
  if (operation === undefined) return undefined;
  const names: readonly string[] = typeof operation === 'string' ? [operation] : operation;
  check(Array.isArray(names) || typeof operation === 'string', 'operation', 'an operation name or an array of them', operation);
  for (const name of names) check(Object.hasOwn(OPERATIONS, name), 'operation', "an AWS operation name like 'PutRecords'", name);
  return new Set(names);
}

const RULE_MEMBERS = [
  'operation', 'streamName', 'shardId', 'count', 'probability', 'seed', 'fromMs', 'untilMs',
  'error', 'message', 'records', 'transport', 'latencyMs',
];

function unknownMember(value: object, known: readonly string[], prefix: string): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new RangeError(`fault rule has no member ${prefix}${unknown}; its members are ${known.map((k) => prefix + k).join(', ')}`);
  }
}

function checkProbability(name: string, p: number): void {
  check(typeof p === 'number' && p >= 0 && p <= 1, name, 'a number from 0 to 1', p);
}

function check(ok: boolean, name: string, expected: string, value: unknown): void {
  if (!ok) throw new RangeError(`fault rule ${name} must be ${expected}, got ${JSON.stringify(value) ?? String(value)}`);
}
