// Input validation of an operation against its model shape: type errors, then every constraint violation.
import { ValidationException } from '../errors/kinesis-error.js';
import {
  NOT_NULL,
  constraintText,
  validationMessage,
  violation,
} from './render.js';
import { asAwsReadsIt } from './as-aws-reads-it.js';
import { awsInteger, isContainer, type Member, type Shape } from '../service-model/shapes.js';
import { isBlob, isDate, isPlainObject } from '../service-model/value-kinds.js';
import { typeError } from './type-errors.js';

/**
 * AWS reports at most 10 violations, and then says "10 validation errors detected" whatever the real
 * count: kinesalite's test of 501 bad records, run against AWS, expects exactly that [K].
 */
const MAX_REPORTED = 10;

// One validation runs at a time (it is synchronous and never re-enters itself), so the walk keeps its
// state here: no closure or array per element on the happy path. `path` holds the segments of the member
// being checked; it is only joined into a string when a violation is reported.
const path: (string | number)[] = [];
let depth = 0;
let reported: Violation[] | null = null;
/** Whether the input holds a member set to null (absent to AWS); then the actions get a copy without it. */
let sawNull = false;

// Rendered only once the walk is over: a list is reported (say, too long) before its elements are
// type-checked, and rendering an element of the wrong type could fail where AWS answers with its type.
interface Violation {
  readonly value: unknown;
  readonly shape: Shape;
  readonly at: string;
  readonly constraint: string;
}

type Dict = Readonly<Record<string, unknown>>;

/**
 * Checks an operation's input against its input structure from the service model (the registry's `input`).
 * Absent members may be missing, `undefined` or `null`; unknown members are ignored. The input is never modified.
 * @throws SerializationException when a member has the wrong type (the first one found).
 * @throws ValidationException listing the constraint violations, in member order, at most 10.
 */
export function validateInput<T>(shape: Shape, input: T): T {
  depth = 0;
  reported = null;
  sawNull = false;
  // A missing body means "no members" on the wire too, and null is "absent" everywhere else, so both
  // read as `{}`; any other non-structure gets the error a structure member of that type would get.
  if (input !== undefined && input !== null) {
    if (!isStructure(input)) throw typeError('structure', input);
    checkStructure(input, shape);
  } else {
    checkStructure({}, shape);
  }
  const found = reported as Violation[] | null;
  reported = null;
  if (found !== null) {
    const entries = found.map((v) => violation(v.value, v.shape, v.at, v.constraint));
    throw new ValidationException(validationMessage(entries));
  }
  // The actions get `{}` for a missing body, as it was validated: they read members without a guard.
  return asAwsReadsIt(shape, input ?? ({} as T), sawNull);
}


function isStructure(value: unknown): value is Dict {
  if (typeof value !== 'object' || value === null) return false;
  return isPlainObject(value) || (!Array.isArray(value) && !isDate(value) && !isBlob(value));
}

function collecting(): boolean {
  return reported === null || reported.length < MAX_REPORTED;
}

function report(value: unknown, shape: Shape, constraint: string): void {
  if (!collecting()) return;
  let at = '';
  for (let i = 0; i < depth; i++) at += i === 0 ? String(path[i]) : `.${String(path[i])}`;
  (reported ??= []).push({ value, shape, at, constraint });
}

function checkStructure(value: Dict, shape: Shape): void {
  const members = shape.members ?? [];
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const field = value[member.name];
    path[depth++] = member.path;
    if (field === undefined || field === null) {
      if (field === null) sawNull = true;
      if (member.required) report(null, member.shape, NOT_NULL);
    } else {
      checkValue(field, member.shape);
    }
    depth--;
  }
}

/** Type-checks `value` (throwing on a mismatch) and reports its violations at the current path. */
function checkValue(value: unknown, shape: Shape): void {
  switch (shape.type) {
    case 'list':
      if (!Array.isArray(value)) throw typeError('list', value);
      checkList(value, shape);
      return;
    case 'map':
      if (!isStructure(value)) throw typeError('map', value);
      checkMap(value, shape);
      return;
    case 'structure':
      if (!isStructure(value)) throw typeError('structure', value);
      checkStructure(value, shape);
      return;
    default:
      if (!scalarConstraintsHold(value, shape) && collecting()) reportScalar(value, shape);
  }
}

/** Throws on a wrong type; otherwise true when every constraint of the scalar shape holds. */
function scalarConstraintsHold(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') throw typeError('string', value);
      const length = value.length;
      return (
        (shape.pattern === undefined || shape.pattern.regex.test(value)) &&
        (shape.minLength === undefined || length >= shape.minLength) &&
        (shape.maxLength === undefined || length <= shape.maxLength) &&
        (shape.enum === undefined || shape.enum.set.has(value))
      );
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw typeError(shape.type, value);
      if (shape.min === undefined && shape.max === undefined) return true;
      const n = awsInteger(value, shape.type);
      return (shape.min === undefined || n >= shape.min) && (shape.max === undefined || n <= shape.max);
    }
    case 'blob': {
      if (!isBlob(value)) throw typeError('blob', value);
      const length = value.byteLength;
      return (
        (shape.minLength === undefined || length >= shape.minLength) &&
        (shape.maxLength === undefined || length <= shape.maxLength)
      );
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError('boolean', value);
      return true;
    case 'timestamp':
      if (!isDate(value) || Number.isNaN(value.getTime())) throw typeError('timestamp', value);
      return true;
    default:
      throw typeError(shape.type, value);
  }
}

// Off the happy path: the scalar is known to be well-typed and to break at least one constraint.
// Order within a member: pattern, length min, length max, value min, value max, enum.
function reportScalar(value: unknown, shape: Shape): void {
  if (shape.pattern !== undefined && !shape.pattern.regex.test(value as string)) {
    report(value, shape, constraintText.pattern(shape));
  }
  const length = isBlob(value) ? value.byteLength : typeof value === 'string' ? value.length : undefined;
  if (length !== undefined) {
    if (shape.minLength !== undefined && length < shape.minLength) {
      report(value, shape, constraintText.minLength(shape.minLength));
    }
    if (shape.maxLength !== undefined && length > shape.maxLength) {
      report(value, shape, constraintText.maxLength(shape.maxLength));
    }
  }
  if (typeof value === 'number' && (shape.type === 'integer' || shape.type === 'long')) {
    const n = awsInteger(value, shape.type);
    if (shape.min !== undefined && n < shape.min) report(value, shape, constraintText.min(shape.min));
    if (shape.max !== undefined && n > shape.max) report(value, shape, constraintText.max(shape.max));
  }
  if (shape.enum !== undefined && !shape.enum.set.has(value as string)) {
    report(value, shape, constraintText.enum(shape));
  }
}

function checkCount(value: unknown, count: number, shape: Shape): void {
  if (shape.minLength !== undefined && count < shape.minLength) {
    report(value, shape, constraintText.minLength(shape.minLength));
  }
  if (shape.maxLength !== undefined && count > shape.maxLength) {
    report(value, shape, constraintText.maxLength(shape.maxLength));
  }
}

function checkList(list: readonly unknown[], shape: Shape): void {
  const member = shape.member;
  if (member === undefined) return;
  checkCount(list, list.length, shape);
  const scalar = !isContainer(member);
  if (scalar) {
    // Element constraints are one entry at the list's own path, listing them all [K].
    let allHold = true;
    for (let i = 0; i < list.length; i++) {
      const element = list[i];
      if (element !== undefined && element !== null && !scalarConstraintsHold(element, member)) allHold = false;
    }
    if (!allHold) report(list, shape, constraintText.listMember(member));
  }
  const flat = member.type === 'structure' && acceptsFast(member);
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    const isNull = element === undefined || element === null;
    if (scalar && !isNull) continue;
    if (flat && typeof element === 'object' && element !== null && flatStructureHolds(element as Dict, member)) continue;
    path[depth++] = i + 1;
    path[depth++] = 'member';
    // A list in the model holds no nulls; AWS names such an element `<list>.<n>.member` like a child.
    if (isNull) report(null, member, NOT_NULL);
    else checkValue(element, member);
    depth -= 2;
  }
}

function checkMap(entries: Dict, shape: Shape): void {
  const keyShape = shape.key;
  const valueShape = shape.value;
  if (keyShape === undefined || valueShape === undefined) return;
  const keys = Object.keys(entries);
  checkCount(entries, keys.length, shape);
  const scalar = !isContainer(valueShape);
  let keysHold = true;
  let valuesHold = true;
  for (const key of keys) {
    if (!scalarConstraintsHold(key, keyShape)) keysHold = false;
    const entry = entries[key];
    if (scalar && entry !== undefined && entry !== null && !scalarConstraintsHold(entry, valueShape)) {
      valuesHold = false;
    }
  }
  if (!keysHold) report(entries, shape, constraintText.mapKeys(keyShape));
  if (!valuesHold) report(entries, shape, constraintText.mapValues(valueShape));
  for (const key of keys) {
    const entry = entries[key];
    const isNull = entry === undefined || entry === null;
    if (scalar && !isNull) continue;
    // AWS names a map value `<map>.<key>.member` (seen on DynamoDB's `requestItems.<table>.member`).
    path[depth++] = key;
    path[depth++] = 'member';
    if (isNull) report(null, valueShape, NOT_NULL);
    else checkValue(entry, valueShape);
    depth -= 2;
  }
}

/**
 * Whether list elements of this structure may take the fast path: all members are scalars, and one is
 * required, so an Array, Date or byte array standing in for an element fails the fast check (it lacks the
 * required member) and reaches the full walk and its type error. (One carrying expando properties named
 * like the members would be accepted: not worth a prototype check per element.)
 */
function acceptsFast(shape: Shape): boolean {
  const members = shape.members ?? [];
  let anyRequired = false;
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (isContainer(member.shape)) return false;
    if (member.required) anyRequired = true;
  }
  return anyRequired;
}

/**
 * The fast path for list elements such as PutRecords entries: true when every member is present as
 * required and holds its constraints, with no path bookkeeping. A false answer sends the element through
 * the full walk, which reports what is wrong; a type error throws here exactly as it would there.
 */
function flatStructureHolds(value: Dict, shape: Shape): boolean {
  const members = shape.members!;
  const n = members.length;
  // Unrolled so that each member is read at its own site: a keyed load that always sees the same name
  // stays monomorphic, where one site cycling through the names goes megamorphic (33 vs 15 ns an entry).
  if (n > 0 && !fieldHolds(value[members[0]!.name], members[0]!)) return false;
  if (n > 1 && !fieldHolds(value[members[1]!.name], members[1]!)) return false;
  if (n > 2 && !fieldHolds(value[members[2]!.name], members[2]!)) return false;
  for (let i = 3; i < n; i++) {
    const member = members[i]!;
    if (!fieldHolds(value[member.name], member)) return false;
  }
  return true;
}

function fieldHolds(field: unknown, member: Member): boolean {
  if (field === undefined || field === null) {
    if (field === null) sawNull = true;
    return !member.required;
  }
  return scalarConstraintsHold(field, member.shape);
}
