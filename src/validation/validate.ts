// Input validation of an operation against its model shape: type errors, then every constraint violation.
import { ValidationException } from '../errors/kinesis-error.js';
import { OPERATIONS, type OperationName } from './operations.js';
import {
  NOT_NULL,
  constraintText,
  hasScalarConstraints,
  validationMessage,
  violation,
} from './render.js';
import { awsInteger, type Shape } from './shapes.js';
import { isBlob, isDate, typeError } from './type-errors.js';

/**
 * AWS reports at most 10 violations, and then says "10 validation errors detected" whatever the real
 * count: kinesalite's test of 501 bad records, run against AWS, expects exactly that [K].
 */
const MAX_REPORTED = 10;

// One validation runs at a time (it is synchronous and calls no user code), so the walk keeps its state
// here: no closure or array per element on the happy path. `path` holds the segments of the member
// being checked; it is only joined into a string when a violation is reported.
const path: (string | number)[] = [];
let depth = 0;
let reported: string[] | null = null;

type Dict = Readonly<Record<string, unknown>>;

/**
 * Checks an operation's input against the model. Absent members may be missing, `undefined` or `null`;
 * unknown members are ignored. The input is never modified.
 * @throws SerializationException when a member has the wrong type (the first one found).
 * @throws ValidationException listing the constraint violations, in member order, at most 10.
 */
export function validateInput(operation: OperationName, input: unknown): void {
  const shape = OPERATIONS[operation];
  depth = 0;
  reported = null;
  // A missing body means "no members" on the wire too, and null is "absent" everywhere else, so both
  // read as `{}`; any other non-structure gets the error a structure member of that type would get.
  if (input !== undefined && input !== null) {
    if (!isStructure(input)) throw typeError('structure', input);
    checkStructure(input, shape);
  } else {
    checkStructure({}, shape);
  }
  const entries = reported as string[] | null;
  reported = null;
  if (entries !== null) throw new ValidationException(validationMessage(entries));
}

function isStructure(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value) && !isBlob(value);
}

function collecting(): boolean {
  return reported === null || reported.length < MAX_REPORTED;
}

function report(value: unknown, shape: Shape, constraint: string): void {
  if (!collecting()) return;
  let at = '';
  for (let i = 0; i < depth; i++) at += i === 0 ? String(path[i]) : `.${String(path[i])}`;
  (reported ??= []).push(violation(value, shape, at, constraint));
}

function checkStructure(value: Dict, shape: Shape): void {
  const members = shape.members ?? [];
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const field = value[member.name];
    path[depth++] = member.path;
    if (field === undefined || field === null) {
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
  const scalar = member.type !== 'list' && member.type !== 'map' && member.type !== 'structure';
  if (scalar) {
    // Element constraints are one entry at the list's own path, listing them all (spec §15.1).
    let allHold = true;
    for (let i = 0; i < list.length; i++) {
      const element = list[i];
      if (element !== undefined && element !== null && !scalarConstraintsHold(element, member)) allHold = false;
    }
    if (!allHold && hasScalarConstraints(member)) report(list, shape, constraintText.listMember(member));
  }
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    const isNull = element === undefined || element === null;
    if (scalar && !isNull) continue;
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
  let keysHold = true;
  let valuesHold = true;
  for (const key of keys) {
    if (!scalarConstraintsHold(key, keyShape)) keysHold = false;
    const entry = entries[key];
    const scalar = valueShape.type !== 'list' && valueShape.type !== 'map' && valueShape.type !== 'structure';
    if (scalar && entry !== undefined && entry !== null && !scalarConstraintsHold(entry, valueShape)) {
      valuesHold = false;
    }
  }
  if (!keysHold) report(entries, shape, constraintText.mapKeys(keyShape));
  if (!valuesHold && hasScalarConstraints(valueShape)) report(entries, shape, constraintText.mapValues(valueShape));
  for (const key of keys) {
    const entry = entries[key];
    const isNull = entry === undefined || entry === null;
    const scalar = valueShape.type !== 'list' && valueShape.type !== 'map' && valueShape.type !== 'structure';
    if (scalar && !isNull) continue;
    // AWS names a map value `<map>.<key>.member` (seen on DynamoDB's `requestItems.<table>.member`).
    path[depth++] = key;
    path[depth++] = 'member';
    if (isNull) report(null, valueShape, NOT_NULL);
    else checkValue(entry, valueShape);
    depth -= 2;
  }
}
