// Typed reads of a snapshot's JSON document: each names the member it refuses, so a malformed document fails
// with a SnapshotError that says where, never with a TypeError from deep inside the model.

import { SnapshotError } from './snapshot-error.js';

/** The members of one JSON object of the document, read by type. `where` is its path, for messages. */
export class Fields {
  readonly #object: Record<string, unknown>;

  constructor(value: unknown, readonly where: string) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(where, 'an object');
    this.#object = value as Record<string, unknown>;
  }

  num(name: string): number {
    const v = this.#object[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw malformed(this.#path(name), 'a number');
    return v;
  }

  optNum(name: string): number | undefined {
    return this.#object[name] === undefined ? undefined : this.num(name);
  }

  /** A time that may be unbounded: JSON null stands for `unbounded` (-Infinity or Infinity). */
  bound(name: string, unbounded: number): number {
    return this.#object[name] === null ? unbounded : this.num(name);
  }

  str(name: string): string {
    const v = this.#object[name];
    if (typeof v !== 'string') throw malformed(this.#path(name), 'a string');
    return v;
  }

  optStr(name: string): string | undefined {
    return this.#object[name] === undefined ? undefined : this.str(name);
  }

  bool(name: string): boolean {
    const v = this.#object[name];
    if (typeof v !== 'boolean') throw malformed(this.#path(name), 'true or false');
    return v;
  }

  /** One of `allowed`. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const v = this.str(name);
    if (!(allowed as readonly string[]).includes(v)) throw malformed(this.#path(name), allowed.join(' or '));
    return v as T;
  }

  arr(name: string): unknown[] {
    const v = this.#object[name];
    if (!Array.isArray(v)) throw malformed(this.#path(name), 'an array');
    return v;
  }

  /** An array of numbers. */
  nums(name: string): number[] {
    const list = this.arr(name);
    if (!list.every((n) => typeof n === 'number' && Number.isFinite(n))) throw malformed(this.#path(name), 'an array of numbers');
    return list as number[];
  }

  /** An array of [string, T] pairs (maps kept in insertion order). */
  pairs<T>(name: string, valueType: 'string' | 'number'): [string, T][] {
    const list = this.arr(name);
    const ok = list.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === valueType);
    if (!ok) throw malformed(this.#path(name), `an array of [string, ${valueType}] pairs`);
    return list as [string, T][];
  }

  obj(name: string): Fields {
    return new Fields(this.#object[name], this.#path(name));
  }

  /** The raw member (for plain-data members checked by their own reader). */
  raw(name: string): unknown {
    return this.#object[name];
  }

  #path(name: string): string {
    return `${this.where}.${name}`;
  }
}

/** The error for a member that is not what the format says. */
export function malformed(where: string, expected: string): SnapshotError {
  return new SnapshotError(`malformed snapshot: ${where} is not ${expected}`);
}

/** A number for the document: finite numbers as they are, ±Infinity as null (JSON has no infinities). */
export function bounded(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
