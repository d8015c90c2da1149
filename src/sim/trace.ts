// Trace replay: recorded traffic as JSON lines `{"t": ms, "key": "...", "bytes": n}`, t from the run's start.

import { ScenarioError, describe, type ScenarioIssue } from './scenario-error.js';

/** One recorded record: when (ms from the start of the run), its partition key and optionally its size. */
export interface TraceEvent {
  t: number;
  key: string;
  bytes?: number;
}

const MAX_BYTES = 1024 * 1024;

/**
 * Parses a JSON-lines trace (blank lines skipped); events come back sorted by time (stable).
 * @throws ScenarioError naming each bad line as `trace <name> line <n>`
 */
export function parseTrace(text: string, name: string): TraceEvent[] {
  const issues: ScenarioIssue[] = [];
  const events: TraceEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const field = `trace ${name} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      issues.push({ field, problem: `not JSON (${(e as Error).message})` });
      continue;
    }
    const problem = checkEvent(value);
    if (problem !== undefined) issues.push({ field, problem });
    else events.push(value as TraceEvent);
    if (issues.length >= 20) break;
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map(({ e }) => e);
}

/** Problems with events given directly (the library's options.traces), each naming `field[i]`. */
export function checkTraceEvents(events: readonly unknown[], field: string): ScenarioIssue[] {
  if (!Array.isArray(events)) return [{ field, problem: 'must be an array of events {t, key, bytes?}' }];
  const issues: ScenarioIssue[] = [];
  let last = -Infinity;
  events.forEach((e, i) => {
    const problem = checkEvent(e);
    if (problem !== undefined) issues.push({ field: `${field}[${i}]`, problem });
    else if ((e as TraceEvent).t < last) issues.push({ field: `${field}[${i}].t`, problem: `must not be before the previous event's t (${last}); parseTrace sorts a trace` });
    else last = (e as TraceEvent).t;
  });
  return issues.slice(0, 20);
}

function checkEvent(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `must be an object, got ${describe(value)}`;
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!['t', 'key', 'bytes'].includes(key)) return `unknown field "${key}" (allowed: t, key, bytes)`;
  if (typeof v['t'] !== 'number' || !Number.isFinite(v['t']) || v['t'] < 0) return `"t" must be a number of ms >= 0, got ${describe(v['t'])}`;
  if (typeof v['key'] !== 'string' || v['key'] === '' || v['key'].length > 256) return `"key" must be a string of 1 to 256 characters, got ${describe(v['key'])}`;
  const b = v['bytes'];
  if (b !== undefined && (typeof b !== 'number' || !Number.isInteger(b) || b < 1 || b > MAX_BYTES)) return `"bytes" must be a whole number in 1..${MAX_BYTES}, got ${describe(b)}`;
  return undefined;
}
