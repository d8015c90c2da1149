// One validation's state: where the walk is and what it found. A new Walk per call, so nothing is shared
// between calls (an input getter that calls the engine runs a validation of its own).
import type { Shape } from '../service-model/shapes.js';
import { isBlob, isDate, isPlainObject } from '../service-model/value-kinds.js';

/**
 * AWS reports at most 10 violations, and then says "10 validation errors detected" whatever the real
 * count: kinesalite's test of 501 bad records, run against AWS, expects exactly that [K].
 */
const MAX_REPORTED = 10;

// Rendered only once the walk is over: a list is reported (say, too long) before its elements are
// type-checked, and rendering an element of the wrong type could fail where AWS answers with its type.
export interface Violation {
  readonly value: unknown;
  readonly shape: Shape;
  readonly at: string;
  readonly constraint: string;
}

export type Dict = Readonly<Record<string, unknown>>;

/**
 * One validation's state. Nothing is shared between calls: an input getter that calls the engine runs a
 * validation of its own and cannot disturb this one. `path` holds the segments of the member being read; it
 * is joined into a string only when a violation is reported.
 */
export class Walk {
  readonly path: (string | number)[] = [];
  depth = 0;
  reported: Violation[] | null = null;

  collecting(): boolean {
    return this.reported === null || this.reported.length < MAX_REPORTED;
  }

  report(value: unknown, shape: Shape, constraint: string): void {
    if (!this.collecting()) return;
    let at = '';
    for (let i = 0; i < this.depth; i++) at += i === 0 ? String(this.path[i]) : `.${String(this.path[i])}`;
    (this.reported ??= []).push({ value, shape, at, constraint });
  }
}

/** A structure or map value: a plain object, or any object that is not an array, a date or a byte array. */
export function isStructure(value: unknown): value is Dict {
  if (typeof value !== 'object' || value === null) return false;
  return isPlainObject(value) || (!Array.isArray(value) && !isDate(value) && !isBlob(value));
}
