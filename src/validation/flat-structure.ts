// List elements that are flat structures (all members scalars, such as PutRecords entries): the fast path that
// reads, checks and copies each element without path bookkeeping, and the reporting walk for a bad one.
import { NOT_NULL } from './render.js';
import { isContainer, type Member, type Shape } from '../service-model/shapes.js';
import { typeError } from './type-errors.js';
import { plainScalar, readScalar, scalarConstraintsHold } from './scalar-checks.js';
import { isStructure, type Dict, type Walk } from './walk.js';

/**
 * Whether list elements of this structure may take the fast path: all members are scalars, and one is
 * required, so an Array, Date or byte array standing in for an element fails the fast check (it lacks the
 * required member) and reaches the full walk and its type error. (One carrying expando properties named
 * like the members would be accepted: not worth a prototype check per element.)
 */
export function isFlat(shape: Shape): boolean {
  if (shape.type !== 'structure') return false;
  const members = shape.members ?? [];
  return members.every((member) => !isContainer(member.shape)) && members.some((member) => member.required);
}

/**
 * The fast path for list elements: each member read once, checked without path bookkeeping, and copied
 * (see readFlatValues). PutRecords entries have a faster reader still (put-records-entries.ts).
 */
export function readFlatStructure(walk: Walk, element: Dict, shape: Shape, index: number): Dict {
  const members = shape.members!;
  const values = new Array<unknown>(members.length);
  for (let i = 0; i < members.length; i++) values[i] = element[members[i]!.name];
  return readFlatValues(walk, element, values, shape, index);
}

/**
 * A flat element whose members were read into `values` (model order): copied when every member holds, else
 * through the reporting walk, which names what is wrong. A type error throws exactly as the full walk would.
 */
export function readFlatValues(walk: Walk, element: Dict, values: readonly unknown[], shape: Shape, index: number): Dict {
  const members = shape.members!;
  for (let i = 0; i < members.length; i++) {
    if (!fieldHolds(values[i], members[i]!)) return reportFlatStructure(walk, element, values, shape, index);
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < members.length; i++) {
    const value = values[i];
    if (value !== undefined && value !== null) out[members[i]!.name] = plainScalar(value, members[i]!.shape);
  }
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
      out[member.name] = readScalar(walk, field, member.shape);
    }
    walk.depth--;
  }
  walk.depth -= 2;
  return out;
}
