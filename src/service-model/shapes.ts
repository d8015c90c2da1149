// Shape descriptors: a tiny declarative language for the constraints of AWS's service model.

import { LinearPattern } from './linear-pattern.js';

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

/**
 * A model pattern: `text` is printed in messages exactly as the model spells it; `matcher` tests a whole value
 * in linear time (see LinearPattern: RegExp backtracks on some of the model's patterns).
 */
export interface Pattern {
  readonly text: string;
  readonly matcher: LinearPattern;
}

/** An enum: `values` in the order AWS prints them in the "enum value set" message. */
export interface EnumValues {
  readonly values: readonly string[];
  readonly set: ReadonlySet<string>;
}

/**
 * One shape of the model with its constraints; which fields apply depends on `type`. Every field is always
 * present (`undefined` when unused) so that all shapes share one hidden class and the validator's property
 * reads stay monomorphic: that is most of the speed of the PutRecords path.
 */
export interface Shape {
  readonly type: MemberType;
  /** Strings: UTF-16 length; blobs: bytes; lists: elements; maps: entries. */
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  /** Numbers (after AWS's flooring and clamping, see `awsInteger`). */
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly pattern: Pattern | undefined;
  readonly enum: EnumValues | undefined;
  /** Lists: the element shape. */
  readonly member: Shape | undefined;
  /** Maps: key and value shapes. */
  readonly key: Shape | undefined;
  readonly value: Shape | undefined;
  /** Structures: members in the model's order. */
  readonly members: readonly Member[] | undefined;
  /** Structures: how one renders inside a list value (AWS prints Java's default `toString`). */
  readonly javaToString: string | undefined;
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

/** Compiles a model pattern (Java regex syntax) for whole-value matching; see LinearPattern for the semantics. */
export function pattern(text: string): Pattern {
  return { text, matcher: new LinearPattern(text) };
}

function enumValues(values: readonly string[]): EnumValues {
  return { values, set: new Set(values) };
}

function makeShape(type: MemberType, fields: Partial<Omit<Shape, 'type'>>): Shape {
  return {
    type,
    minLength: fields.minLength,
    maxLength: fields.maxLength,
    min: fields.min,
    max: fields.max,
    pattern: fields.pattern,
    enum: fields.enum,
    member: fields.member,
    key: fields.key,
    value: fields.value,
    members: fields.members,
    javaToString: fields.javaToString,
  };
}

export function string(options: StringOptions = {}): Shape {
  return makeShape('string', {
    minLength: options.minLength,
    maxLength: options.maxLength,
    pattern: options.pattern === undefined ? undefined : pattern(options.pattern),
    enum: options.enum === undefined ? undefined : enumValues(options.enum),
  });
}

function numeric(type: 'integer' | 'long', min?: number, max?: number): Shape {
  return makeShape(type, { min, max });
}

export function integer(min?: number, max?: number): Shape {
  return numeric('integer', min, max);
}

export function long(min?: number, max?: number): Shape {
  return numeric('long', min, max);
}

export function boolean(): Shape {
  return makeShape('boolean', {});
}

export function timestamp(): Shape {
  return makeShape('timestamp', {});
}

export function blob(bounds: LengthBounds = {}): Shape {
  return makeShape('blob', { minLength: bounds.minLength, maxLength: bounds.maxLength });
}

export function list(member: Shape, bounds: LengthBounds = {}): Shape {
  return makeShape('list', { minLength: bounds.minLength, maxLength: bounds.maxLength, member });
}

export function map(key: Shape, value: Shape, bounds: LengthBounds = {}): Shape {
  return makeShape('map', { minLength: bounds.minLength, maxLength: bounds.maxLength, key, value });
}

export function structure(members: readonly Member[], javaToString?: string): Shape {
  return makeShape('structure', { members, javaToString });
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Lists, maps and structures hold members; every other type is a scalar. */
export function isContainer(shape: Shape): boolean {
  return shape.type === 'list' || shape.type === 'map' || shape.type === 'structure';
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
