// Input validation of an operation against its model shape: type errors, then every constraint violation,
// on a plain copy of the input read exactly once.
import { ValidationException } from '../errors/kinesis-error.js';
import {
  NOT_NULL,
  constraintText,
  validationMessage,
  violation,
} from './render.js';
import { awsInteger, isContainer, type Member, type Shape } from '../service-model/shapes.js';
import { isBlob, isDate, isPlainObject } from '../service-model/value-kinds.js';
import { typeError } from './type-errors.js';

/**
 * AWS reports at most 10 violations, and then says "10 validation errors detected" whatever the real
 * count: kinesalite's test of 501 bad records, run against AWS, expects exactly that [K].
 */
const MAX_REPORTED = 10;

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
 * One validation's state. Nothing is shared between calls: an input getter that calls the engine runs a
 * validation of its own and cannot disturb this one. `path` holds the segments of the member being read; it
 * is joined into a string only when a violation is reported.
 */
class Walk {
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

function isStructure(value: unknown): value is Dict {
  if (typeof value !== 'object' || value === null) return false;
  return isPlainObject(value) || (!Array.isArray(value) && !isDate(value) && !isBlob(value));
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
      if (!scalarConstraintsHold(value, shape) && walk.collecting()) reportScalar(walk, value, shape);
      return plainScalar(value, shape);
  }
}

/** A well-typed scalar as the action gets it: integers as AWS reads them, dates copied, the rest as is. */
function plainScalar(value: unknown, shape: Shape): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return awsInteger(value as number, shape.type);
    case 'timestamp':
      return new Date((value as Date).getTime());
    default:
      return value;
  }
}

/**
 * Whether a blob's buffer was detached (transferred to a worker): it then reads as empty, and copying from
 * it throws. Only an empty view can be detached, so a non-empty one costs one comparison.
 */
function isDetached(blob: Uint8Array): boolean {
  if (blob.byteLength !== 0) return false;
  try {
    new Uint8Array(blob.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/** Throws on a wrong type; otherwise true when every constraint of the scalar shape holds. */
function scalarConstraintsHold(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') throw typeError('string', value);
      const length = value.length;
      // Lengths first: they are cheap, and the pattern (linear, but a scan) is then only run on a value
      // that could still be valid or that is being reported anyway.
      return (
        (shape.minLength === undefined || length >= shape.minLength) &&
        (shape.maxLength === undefined || length <= shape.maxLength) &&
        (shape.pattern === undefined || shape.pattern.matcher.test(value)) &&
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
        (shape.maxLength === undefined || length <= shape.maxLength) &&
        (length !== 0 || !isDetached(value))
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
function reportScalar(walk: Walk, value: unknown, shape: Shape): void {
  if (isBlob(value) && isDetached(value)) {
    // Divergence [U]: a detached buffer cannot come off the wire; it holds no data, so it reads as absent.
    walk.report(null, shape, NOT_NULL);
    return;
  }
  if (shape.pattern !== undefined && !shape.pattern.matcher.test(value as string)) {
    walk.report(value, shape, constraintText.pattern(shape));
  }
  const length = isBlob(value) ? value.byteLength : typeof value === 'string' ? value.length : undefined;
  if (length !== undefined) {
    if (shape.minLength !== undefined && length < shape.minLength) {
      walk.report(value, shape, constraintText.minLength(shape.minLength));
    }
    if (shape.maxLength !== undefined && length > shape.maxLength) {
      walk.report(value, shape, constraintText.maxLength(shape.maxLength));
    }
  }
  if (typeof value === 'number' && (shape.type === 'integer' || shape.type === 'long')) {
    const n = awsInteger(value, shape.type);
    if (shape.min !== undefined && n < shape.min) walk.report(value, shape, constraintText.min(shape.min));
    if (shape.max !== undefined && n > shape.max) walk.report(value, shape, constraintText.max(shape.max));
  }
  if (shape.enum !== undefined && !shape.enum.set.has(value as string)) {
    walk.report(value, shape, constraintText.enum(shape));
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
  const flat = member.type === 'structure' ? flatKind(member) : NOT_FLAT;
  for (let i = 0; i < n; i++) {
    const element = list[i];
    if (flat !== NOT_FLAT && typeof element === 'object' && element !== null) {
      out[i] = flat === FLAT_PLAIN ? readFlatStructure(walk, element as Dict, member, i) : readFlatGeneral(walk, element as Dict, member, i);
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

const NOT_FLAT = 0;
/** Scalars whose copies are the values themselves (no integers to floor, no dates to copy), at most 3. */
const FLAT_PLAIN = 1;
const FLAT = 2;

/**
 * Whether list elements of this structure may take the fast path: all members are scalars, and one is
 * required, so an Array, Date or byte array standing in for an element fails the fast check (it lacks the
 * required member) and reaches the full walk and its type error. (One carrying expando properties named
 * like the members would be accepted: not worth a prototype check per element.)
 */
function flatKind(shape: Shape): number {
  const members = shape.members ?? [];
  let anyRequired = false;
  let plain = members.length <= 3;
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (isContainer(member.shape)) return NOT_FLAT;
    if (member.required) anyRequired = true;
    const type = member.shape.type;
    if (type === 'integer' || type === 'long' || type === 'timestamp') plain = false;
  }
  return !anyRequired ? NOT_FLAT : plain ? FLAT_PLAIN : FLAT;
}

/**
 * The fast path for list elements such as PutRecords entries: each member read once, checked without path
 * bookkeeping and copied; only an element with something wrong goes through the reporting walk, which is
 * handed the values already read. A type error throws here exactly as it would there. For FLAT_PLAIN shapes.
 */
function readFlatStructure(walk: Walk, element: Dict, shape: Shape, index: number): Dict {
  const members = shape.members!;
  // Unrolled, with each member read and stored at its own site: a keyed access that always sees the same
  // name stays monomorphic, where one site cycling through the names goes megamorphic (3x slower here).
  const m0 = members[0];
  const m1 = members[1];
  const m2 = members[2];
  const v0 = m0 === undefined ? undefined : element[m0.name];
  const v1 = m1 === undefined ? undefined : element[m1.name];
  const v2 = m2 === undefined ? undefined : element[m2.name];
  if (
    (m0 === undefined || fieldHolds(v0, m0)) &&
    (m1 === undefined || fieldHolds(v1, m1)) &&
    (m2 === undefined || fieldHolds(v2, m2))
  ) {
    const out: Record<string, unknown> = {};
    if (v0 !== undefined && v0 !== null) out[m0!.name] = v0;
    if (v1 !== undefined && v1 !== null) out[m1!.name] = v1;
    if (v2 !== undefined && v2 !== null) out[m2!.name] = v2;
    return out;
  }
  return reportFlatStructure(walk, element, [v0, v1, v2], shape, index);
}

/** readFlatStructure for any flat shape. */
function readFlatGeneral(walk: Walk, element: Dict, shape: Shape, index: number): Dict {
  const members = shape.members!;
  const values = members.map((member) => element[member.name]);
  if (!members.every((member, i) => fieldHolds(values[i], member))) return reportFlatStructure(walk, element, values, shape, index);
  const out: Record<string, unknown> = {};
  members.forEach((member, i) => {
    const value = values[i];
    if (value !== undefined && value !== null) out[member.name] = plainScalar(value, member.shape);
  });
  return out;
}

function fieldHolds(field: unknown, member: Member): boolean {
  if (field === undefined || field === null) return !member.required;
  return scalarConstraintsHold(field, member.shape);
}

/** The reporting walk of a flat element whose members were read into `values`. */
function reportFlatStructure(walk: Walk, element: Dict, values: readonly unknown[], shape: Shape, index: number): Dict {
  if (!isStructure(element)) throw typeError('structure', element);
  const members = shape.members!;
  const out: Record<string, unknown> = {};
  walk.path[walk.depth++] = index + 1;
  walk.path[walk.depth++] = 'member';
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const field = values[i];
    walk.path[walk.depth++] = member.path;
    if (field === undefined || field === null) {
      if (member.required) walk.report(null, member.shape, NOT_NULL);
    } else {
      out[member.name] = readValue(walk, field, member.shape);
    }
    walk.depth--;
  }
  walk.depth -= 2;
  return out;
}
