// What an operation acts on: the input as AWS reads it (nulls absent, integers floored and clamped),
// never by changing the caller's object: a copy is made only when something differs.

import { awsInteger, type Shape } from '../service-model/shapes.js';

type Dict = Readonly<Record<string, unknown>>;

/** The validated input as AWS would act on it; `sawNull` says whether any member was null. */
export function asAwsReadsIt<T>(shape: Shape, input: T, sawNull: boolean): T {
  return withAwsIntegers(shape, sawNull ? (withoutNulls(input, shape) as T) : input);
}

/**
 * The input as AWS would act on it: integer members floored and clamped like the wire does (`awsInteger`),
 * so `ShardCount: 2.7` means 2 whichever way a request arrives. The caller's object is never changed: a
 * copy is made only when a value differs. Every integer member of the Kinesis model is top-level.
 */
function withAwsIntegers<T>(shape: Shape, input: T): T {
  if (input === undefined || input === null) return input;
  let copy: Record<string, unknown> | undefined;
  for (const member of shape.members!) {
    const type = member.shape.type;
    if (type !== 'integer' && type !== 'long') continue;
    const value = (input as Dict)[member.name];
    if (typeof value !== 'number') continue;
    const normalised = awsInteger(value, type);
    if (normalised === value) continue;
    copy ??= { ...(input as Dict) };
    copy[member.name] = normalised;
  }
  return (copy ?? input) as T;
}

/** A copy of a structure without its null members, at any depth (AWS reads null as absent). */
function withoutNulls(value: unknown, shape: Shape): unknown {
  if (value === undefined || value === null) return value;
  if (shape.type === 'structure') {
    const out: Record<string, unknown> = { ...(value as Dict) };
    for (const member of shape.members!) {
      const field = out[member.name];
      if (field === null) delete out[member.name];
      else if (field !== undefined) out[member.name] = withoutNulls(field, member.shape);
    }
    return out;
  }
  if (shape.type === 'list' && shape.member!.type === 'structure') {
    return (value as unknown[]).map((element) => withoutNulls(element, shape.member!));
  }
  return value;
}
