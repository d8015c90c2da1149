// Input validation of an operation against its model shape: type errors, then every constraint violation,
// on a plain copy of the input read exactly once.
import { ValidationException } from '../errors/kinesis-error.js';
import { NOT_NULL, constraintText, validationMessage, violation } from './render.js';
import { isContainer, type Shape } from '../service-model/shapes.js';
import { isFlat, readFlatStructure } from './flat-structure.js';
import { isPutRecordsEntry, readPutRecordsEntry } from './put-records-entries.js';
import { plainScalar, readScalar, scalarConstraintsHold } from './scalar-checks.js';
import { typeError } from './type-errors.js';
import { Walk, isStructure, type Dict } from './walk.js';

/**
 * Checks an operation's input against its input structure from the service model (the registry's `input`)
 * and returns what the action acts on: a plain copy holding the model's members only, each read from the
 * input exactly once (getters run once; nothing the caller does later reaches the action), nulls left out
 * (absent to AWS) and integers floored and clamped as AWS's wire does (`awsInteger`). Blobs are not copied
 * (the engine copies the bytes it stores); dates are. The input is never modified.
 * @throws SerializationException when a member has the wrong type (the first one found).
 * @throws ValidationException listing the constraint violations, in member order, at most 10.
 */
export function validateInput<T>(shape: Shape, input: T): T {
  const walk = new Walk();
  // A missing body means "no members" on the wire too, and null is "absent" everywhere else, so both
  // read as `{}`; any other non-structure gets the error a structure member of that type would get.
  let copy: Dict;
  if (input === undefined || input === null) {
    copy = readStructure(walk, {}, shape);
  } else {
    if (!isStructure(input)) throw typeError('structure', input);
    copy = readStructure(walk, input, shape);
  }
  const found = walk.reported;
  if (found !== null) {
    const entries = found.map((v) => violation(v.value, v.shape, v.at, v.constraint));
    throw new ValidationException(validationMessage(entries));
  }
  return copy as T;
}

function readStructure(walk: Walk, value: Dict, shape: Shape): Dict {
  const members = shape.members ?? [];
  const out: Record<string, unknown> = {};
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const field = value[member.name];
    walk.path[walk.depth++] = member.path;
    if (field === undefined || field === null) {
      if (member.required) walk.report(null, member.shape, NOT_NULL);
    } else {
      out[member.name] = readValue(walk, field, member.shape);
    }
    walk.depth--;
  }
  return out;
}

/** Type-checks `value` (throwing on a mismatch), reports its violations at the current path, returns its copy. */
function readValue(walk: Walk, value: unknown, shape: Shape): unknown {
  switch (shape.type) {
    case 'list':
      if (!Array.isArray(value)) throw typeError('list', value);
      return readList(walk, value, shape);
    case 'map':
      if (!isStructure(value)) throw typeError('map', value);
      return readMap(walk, value, shape);
    case 'structure':
      if (!isStructure(value)) throw typeError('structure', value);
      return readStructure(walk, value, shape);
    default:
      return readScalar(walk, value, shape);
  }
}

function checkCount(walk: Walk, value: unknown, count: number, shape: Shape): void {
  if (shape.minLength !== undefined && count < shape.minLength) {
    walk.report(value, shape, constraintText.minLength(shape.minLength));
  }
  if (shape.maxLength !== undefined && count > shape.maxLength) {
    walk.report(value, shape, constraintText.maxLength(shape.maxLength));
  }
}

function readList(walk: Walk, list: readonly unknown[], shape: Shape): unknown[] {
  const member = shape.member!;
  const n = list.length;
  const out = new Array<unknown>(n);
  // The list's own violations are reported first (AWS's order) and render the copy, filled in below.
  checkCount(walk, out, n, shape);
  if (!isContainer(member)) {
    readScalarList(walk, list, out, shape);
    return out;
  }
  const entries = isPutRecordsEntry(member);
  const flat = !entries && isFlat(member);
  for (let i = 0; i < n; i++) {
    const element = list[i];
    if (typeof element === 'object' && element !== null && (entries || flat)) {
      out[i] = entries ? readPutRecordsEntry(walk, element as Dict, i) : readFlatStructure(walk, element as Dict, member, i);
      continue;
    }
    walk.path[walk.depth++] = i + 1;
    walk.path[walk.depth++] = 'member';
    // A list in the model holds no nulls; AWS names such an element `<list>.<n>.member` like a child.
    if (element === undefined || element === null) walk.report(null, member, NOT_NULL);
    else out[i] = readValue(walk, element, member);
    walk.depth -= 2;
  }
  return out;
}

/** Element constraints are one entry at the list's own path, listing them all [K]. */
function readScalarList(walk: Walk, list: readonly unknown[], out: unknown[], shape: Shape): void {
  const member = shape.member!;
  let allHold = true;
  for (let i = 0; i < out.length; i++) {
    const element = list[i];
    out[i] = element;
    if (element !== undefined && element !== null) {
      if (!scalarConstraintsHold(element, member)) allHold = false;
      out[i] = plainScalar(element, member);
    }
  }
  if (!allHold) walk.report(out, shape, constraintText.listMember(member));
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== undefined && out[i] !== null) continue;
    walk.path[walk.depth++] = i + 1;
    walk.path[walk.depth++] = 'member';
    walk.report(null, member, NOT_NULL);
    walk.depth -= 2;
  }
}

function readMap(walk: Walk, entries: Dict, shape: Shape): Dict {
  const keyShape = shape.key!;
  const valueShape = shape.value!;
  const keys = Object.keys(entries);
  const out: Record<string, unknown> = {};
  // The map's own violations render the copy, filled in below (each value read once).
  checkCount(walk, out, keys.length, shape);
  const scalar = !isContainer(valueShape);
  let keysHold = true;
  let valuesHold = true;
  const values = keys.map((key) => entries[key]);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const entry = values[i];
    if (!scalarConstraintsHold(key, keyShape)) keysHold = false;
    if (scalar && entry !== undefined && entry !== null && !scalarConstraintsHold(entry, valueShape)) valuesHold = false;
    // A key named __proto__ (JSON.parse makes one) must stay a key, not replace the prototype.
    Object.defineProperty(out, key, { value: scalar ? entry : undefined, enumerable: true, writable: true, configurable: true });
  }
  if (!keysHold) walk.report(out, shape, constraintText.mapKeys(keyShape));
  if (!valuesHold) walk.report(out, shape, constraintText.mapValues(valueShape));
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const entry = values[i];
    const isNull = entry === undefined || entry === null;
    if (scalar && !isNull) {
      out[key] = plainScalar(entry, valueShape);
      continue;
    }
    // AWS names a map value `<map>.<key>.member` (seen on DynamoDB's `requestItems.<table>.member`).
    walk.path[walk.depth++] = key;
    walk.path[walk.depth++] = 'member';
    if (isNull) walk.report(null, valueShape, NOT_NULL);
    else out[key] = readValue(walk, entry, valueShape);
    walk.depth -= 2;
  }
  return out;
}

