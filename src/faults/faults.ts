// Faults: the rules a test injected, and the one decision per call they make (fail it, fail some of its
// records, or let it run). Deterministic: a rule's draws come from its own seeded generator, and time is the
// engine's.

import type { KinesisError } from '../errors/kinesis-error.js';
import type { RecordFaults } from '../model/account.js';
import type { CallTarget } from '../observe/call-target.js';
import { faultError, recordErrorMessage, type FaultContext, type RecordErrorCode } from './fault-errors.js';
import { checkFaultRule, type ErrorFault, type FaultKind, type FaultRule, type RecordsFault, type TransportFault } from './fault-rule.js';
import { SeededRandom } from './seeded-random.js';

/** A rule injected with `kinesis.faults.inject`: how it is doing, and how to take it out. */
export interface FaultHandle {
  /** The rule's number: 1 for the first rule an engine was given, then 2, 3, ... (see `faults.remove`). */
  readonly id: number;
  /** Removes the rule; removing it again does nothing. */
  remove(): void;
  /** How many calls the rule has failed so far (for a records fault: calls with at least one failed entry). */
  readonly fired: number;
  /** Whether the rule still applies: not removed and, with a count, not spent. */
  readonly active: boolean;
}

/** A rule in force, as `faults.rules` lists it. */
export interface InjectedFault {
  readonly id: number;
  readonly rule: FaultRule;
  /** How many calls it has failed so far. */
  readonly fired: number;
}

/** What a server does to a connection a transport fault chose. */
export type TransportAction = { readonly drop: true } | { readonly latencyMs: number };

/** What the rules decided for one call. */
export type FaultDecision =
  | { readonly kind: 'error'; readonly error: KinesisError }
  | { readonly kind: 'records'; readonly records: RecordFaults & { readonly failed: number }; commit(): void };

class ActiveRule {
  fired = 0;
  removed = false;
  readonly random: SeededRandom;

  constructor(
    readonly rule: FaultRule,
    readonly kind: FaultKind,
    readonly operations: ReadonlySet<string> | undefined,
    readonly id: number,
  ) {
    this.random = new SeededRandom(rule.seed ?? id);
  }

  get active(): boolean {
    return !this.removed && (this.rule.count === undefined || this.fired < this.rule.count);
  }

  /** Whether the rule applies to this call and, drawing if it has a probability, fires. */
  fires(operation: string, nowMs: number, target: CallTarget | undefined): boolean {
    const rule = this.rule;
    if (this.operations !== undefined && !this.operations.has(operation)) return false;
    if (rule.fromMs !== undefined && nowMs < rule.fromMs) return false;
    if (rule.untilMs !== undefined && nowMs >= rule.untilMs) return false;
    if ('streamName' in rule && rule.streamName !== undefined && target?.streamName !== rule.streamName) return false;
    if ('shardId' in rule && rule.shardId !== undefined && target?.shardIds.includes(rule.shardId) !== true) return false;
    return rule.probability === undefined || this.random.next() < rule.probability;
  }
}

/** An engine's fault rules (`kinesis.faults`). Off, and costing nothing, until a rule is injected. */
export class Faults {
  #rules: ActiveRule[] = [];
  #injected = 0;
  readonly #onChange: () => void;
  readonly #nowMs: () => number;

  /**
   * `onChange` is told whenever rules come or go, so the engine can stop looking when there are none; `nowMs`
   * reads the engine's time without moving it (for transport faults, decided outside a call).
   */
  constructor(onChange: () => void, nowMs: () => number) {
    this.#onChange = onChange;
    this.#nowMs = nowMs;
  }

  /**
   * Adds a rule, checked after the rules already injected (the first that fires decides a call). An injected
   * failure changes nothing in the engine, as an AWS error would not. Input validation comes first: an invalid
   * request still gets its ValidationException and does not count toward a rule.
   * @throws RangeError for a rule that could not work (unknown error or operation, probability outside 0..1, ...).
   */
  inject(rule: FaultRule): FaultHandle {
    const { kind, operations } = checkFaultRule(rule);
    const active = new ActiveRule(Object.freeze({ ...rule }), kind, operations, ++this.#injected);
    this.#rules.push(active);
    this.#onChange();
    return {
      id: active.id,
      remove: () => {
        active.removed = true;
        this.#prune();
      },
      get fired() {
        return active.fired;
      },
      get active() {
        return active.active;
      },
    };
  }

  /** Removes every rule. */
  clear(): void {
    for (const rule of this.#rules) rule.removed = true;
    this.#prune();
  }

  /** Removes the rule numbered `id`; answers whether it was still in force. */
  remove(id: number): boolean {
    const rule = this.#rules.find((r) => r.id === id);
    if (rule === undefined) return false;
    rule.removed = true;
    this.#prune();
    return true;
  }

  /** The rules still in force, in the order they are checked. */
  get rules(): readonly InjectedFault[] {
    return this.#rules.map((r) => ({ id: r.id, rule: r.rule, fired: r.fired }));
  }

  /** Whether any rule is in force. */
  get active(): boolean {
    return this.#rules.length > 0;
  }

  /**
   * The decision for one call of `operation` at engine time `nowMs`: the first error or records rule that
   * fires. `target` is asked only by rules scoped to a stream or shard (it reads lazily).
   */
  decide(operation: string, nowMs: number, target: CallTarget, context: () => FaultContext): FaultDecision | undefined {
    for (const active of this.#rules) {
      if (active.kind === 'transport' || !active.fires(operation, nowMs, target)) continue;
      if (active.kind === 'error') {
        const rule = active.rule as ErrorFault;
        this.#fired(active);
        return { kind: 'error', error: faultError(rule.error, rule.message, context()) };
      }
      return this.#recordsDecision(active, context().accountId);
    }
    return undefined;
  }

  /**
   * The transport fault for a request of `operation` (undefined when its target names none), for servers and
   * the in-process SDK handler: the first transport rule that fires now, counted as fired.
   */
  transportFault(operation: string | undefined): TransportAction | undefined {
    if (this.#rules.length === 0) return undefined;
    const nowMs = this.#nowMs();
    for (const active of this.#rules) {
      if (active.kind !== 'transport') continue;
      if (active.operations !== undefined && (operation === undefined || !active.operations.has(operation))) continue;
      if (!active.fires(operation ?? '', nowMs, undefined)) continue;
      const rule = active.rule as TransportFault;
      this.#fired(active);
      return rule.transport === 'drop' ? { drop: true } : { latencyMs: rule.latencyMs ?? 0 };
    }
    return undefined;
  }

  #recordsDecision(active: ActiveRule, accountId: string): FaultDecision {
    const rule = active.rule as RecordsFault;
    const code: RecordErrorCode = rule.error ?? 'ProvisionedThroughputExceededException';
    const indexes = rule.records.indexes === undefined ? undefined : new Set(rule.records.indexes);
    const probability = rule.records.probability;
    const records = {
      failed: 0,
      failure(index: number, shardId: string, streamName: string) {
        if (rule.shardId !== undefined && shardId !== rule.shardId) return undefined;
        const chosen = indexes?.has(index) === true;
        // The draw is made for every candidate entry, chosen or not, so one entry's fate never shifts another's.
        const drawn = probability !== undefined && active.random.next() < probability;
        if (!chosen && !drawn) return undefined;
        records.failed++;
        return { code, message: rule.message ?? recordErrorMessage(code, shardId, streamName, accountId) };
      },
    };
    return {
      kind: 'records',
      records,
      commit: () => {
        if (records.failed > 0) this.#fired(active);
      },
    };
  }

  #fired(active: ActiveRule): void {
    active.fired++;
    if (!active.active) this.#prune();
  }

  #prune(): void {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.active);
    if (this.#rules.length !== before) this.#onChange();
  }
}
