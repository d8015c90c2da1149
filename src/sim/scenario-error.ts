// A scenario that cannot run: every problem found, each naming its field, raised before anything runs.

/** One problem with a scenario: the field (a path like `scenario.producers[0].rate`) and what is wrong. */
export interface ScenarioIssue {
  field: string;
  problem: string;
}

/** Thrown by simulate() and friends for a scenario that cannot run; `issues` lists every problem found. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.problem}`).join('\n'));
    this.issues = issues;
  }
}

type Bounds = { min?: number; max?: number; above?: number; integer?: boolean };

/** Collects problems while a scenario is read, so one run reports them all. */
export class FieldChecker {
  readonly issues: ScenarioIssue[] = [];

  fail(field: string, problem: string): undefined {
    this.issues.push({ field, problem });
    return undefined;
  }

  /**
   * `value` as a plain object with only `allowed` members (each other member is reported as unknown). A field that
   * takes several forms names the others in `otherForms`, so the message does not hide them.
   */
  object(value: unknown, field: string, allowed: readonly string[], otherForms?: string): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(field, `must be an object, got ${describe(value)}`);
    const record = value as Record<string, unknown>;
    const others = otherForms === undefined ? '' : `; other forms: ${otherForms}`;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail(`${field}.${key}`, `unknown field (allowed here: ${allowed.join(', ')}${others})`);
    }
    return record;
  }

  /** A finite number within `bounds`, `fallback` when absent, undefined (reported) when wrong. */
  number(value: unknown, field: string, bounds: Bounds, fallback?: number): number | undefined {
    if (value === undefined) return fallback ?? this.fail(field, 'is required');
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(field, `must be a number, got ${describe(value)}`);
    if (bounds.integer === true && !Number.isInteger(value)) return this.fail(field, `must be a whole number, got ${value}`);
    if (bounds.above !== undefined && !(value > bounds.above)) return this.fail(field, `must be > ${bounds.above}, got ${value}`);
    if (bounds.min !== undefined && value < bounds.min) return this.fail(field, `must be >= ${bounds.min}, got ${value}`);
    if (bounds.max !== undefined && value > bounds.max) return this.fail(field, `must be <= ${bounds.max}, got ${value}`);
    return value;
  }

  /** A string (non-empty), `fallback` when absent. */
  string(value: unknown, field: string, fallback?: string): string | undefined {
    if (value === undefined) return fallback ?? this.fail(field, 'is required');
    if (typeof value !== 'string' || value === '') return this.fail(field, `must be a non-empty string, got ${describe(value)}`);
    return value;
  }

  /** One of `choices`, `fallback` when absent. */
  choice<T extends string>(value: unknown, field: string, choices: readonly T[], fallback?: T): T | undefined {
    if (value === undefined) return fallback ?? this.fail(field, `is required (one of ${choices.map(quote).join(', ')})`);
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      return this.fail(field, `must be one of ${choices.map(quote).join(', ')}, got ${describe(value)}`);
    }
    return value as T;
  }

  /** An array, `fallback` when absent. */
  array(value: unknown, field: string, fallback?: unknown[]): unknown[] | undefined {
    if (value === undefined) return fallback ?? this.fail(field, 'is required');
    if (!Array.isArray(value)) return this.fail(field, `must be an array, got ${describe(value)}`);
    return value;
  }

  /** Throws a ScenarioError when any problem was found. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ScenarioError(this.issues);
  }
}

function quote(s: string): string {
  return `'${s}'`;
}

/** A short description of a JSON value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}
