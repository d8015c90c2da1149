// Shape descriptors: a tiny declarative language for the constraints of AWS's service model.

/** The model's member types. `integer` is clamped to int32 by AWS before validation; `long` is not. */
export type MemberType =
  | 'string'
  | 'integer'
  | 'long'
  | 'boolean'
  | 'blob'
  | 'timestamp'
  | 'list'
  | 'map'
  | 'structure';

/** A model pattern: `text` is printed in messages exactly as the model spells it; `regex` tests the whole value. */
export interface Pattern {
  readonly text: string;
  readonly regex: RegExp;
}

/** An enum: `values` in the order AWS prints them in the "enum value set" message. */
export interface EnumValues {
  readonly values: readonly string[];
  readonly set: ReadonlySet<string>;
}

/** One shape of the model with its constraints. Which optional fields apply depends on `type`. */
export interface Shape {
  readonly type: MemberType;
  /** Strings: UTF-16 length; blobs: bytes; lists: elements; maps: entries. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Numbers (after AWS's flooring and clamping). */
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: Pattern;
  readonly enum?: EnumValues;
  /** Lists: the element shape. */
  readonly member?: Shape;
  /** Maps: key and value shapes. */
  readonly key?: Shape;
  readonly value?: Shape;
  /** Structures: members in the model's order. */
  readonly members?: readonly Member[];
  /** Structures: how one renders inside a list value (AWS prints Java's default `toString`). */
  readonly javaToString?: string;
}

/** A named member of a structure. `path` is the name as it appears in messages (first letter lower-cased). */
export interface Member {
  readonly name: string;
  readonly path: string;
  readonly required: boolean;
  readonly shape: Shape;
}

interface LengthBounds {
  readonly minLength?: number;
  readonly maxLength?: number;
}

interface StringOptions extends LengthBounds {
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

/**
 * Compiles a model pattern (Java regex syntax) to a whole-string JS RegExp. Java's `\s` is ASCII-only while
 * JS's also matches Unicode spaces, so `\S` is spelled out to keep e.g. U+00A0 acceptable where AWS accepts it.
 */
export function pattern(text: string): Pattern {
  const source = text.replace(/\\S/g, '[^ \\t\\n\\x0B\\f\\r]');
  return { text, regex: new RegExp(`^(?:${source})$`) };
}

function enumValues(values: readonly string[]): EnumValues {
  return { values, set: new Set(values) };
}

type MutableShape = { -readonly [K in keyof Shape]: Shape[K] };

function withLengths(out: MutableShape, bounds: LengthBounds): Shape {
  if (bounds.minLength !== undefined) out.minLength = bounds.minLength;
  if (bounds.maxLength !== undefined) out.maxLength = bounds.maxLength;
  return out;
}

export function string(options: StringOptions = {}): Shape {
  const out: MutableShape = { type: 'string' };
  if (options.pattern !== undefined) out.pattern = pattern(options.pattern);
  if (options.enum !== undefined) out.enum = enumValues(options.enum);
  return withLengths(out, options);
}

function numeric(type: 'integer' | 'long', min?: number, max?: number): Shape {
  const out: MutableShape = { type };
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  return out;
}

export function integer(min?: number, max?: number): Shape {
  return numeric('integer', min, max);
}

export function long(min?: number, max?: number): Shape {
  return numeric('long', min, max);
}

export function boolean(): Shape {
  return { type: 'boolean' };
}

export function timestamp(): Shape {
  return { type: 'timestamp' };
}

export function blob(bounds: LengthBounds = {}): Shape {
  return withLengths({ type: 'blob' }, bounds);
}

export function list(member: Shape, bounds: LengthBounds = {}): Shape {
  return withLengths({ type: 'list', member }, bounds);
}

export function map(key: Shape, value: Shape, bounds: LengthBounds = {}): Shape {
  return withLengths({ type: 'map', key, value }, bounds);
}

export function structure(members: readonly Member[], javaToString?: string): Shape {
  return javaToString === undefined ? { type: 'structure', members } : { type: 'structure', members, javaToString };
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** An optional member. */
export function optional(name: string, shape: Shape): Member {
  return { name, path: lowerFirst(name), required: false, shape };
}

/** A required member: absent, `undefined` and `null` all fail "Member must not be null". */
export function required(name: string, shape: Shape): Member {
  return { name, path: lowerFirst(name), required: true, shape };
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The number AWS validates and uses for an integer member: its JSON reader floors fractions, and an
 * `integer` saturates at the int32 range (`ShardCount: 1e11` is reported as '2147483647') [K]; the lower
 * clamp is by symmetry [U]. Callers that act on the value should apply the same conversion.
 */
export function awsInteger(value: number, type: 'integer' | 'long'): number {
  const floored = Math.floor(value);
  if (type === 'long') return floored;
  return floored > INT32_MAX ? INT32_MAX : floored < INT32_MIN ? INT32_MIN : floored;
}
