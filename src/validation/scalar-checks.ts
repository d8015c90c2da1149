// Scalar members: their type check, their constraints, their report in AWS's order, and their plain copy.
import { NOT_NULL, constraintText } from './render.js';
import { awsInteger, type Shape } from '../service-model/shapes.js';
import { isBlob, isDate } from '../service-model/value-kinds.js';
import { typeError } from './type-errors.js';
import type { Walk } from './walk.js';

/** A well-typed scalar as the action gets it: integers as AWS reads them, dates copied, the rest as is. */
export function plainScalar(value: unknown, shape: Shape): unknown {
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
export function isDetached(blob: Uint8Array): boolean {
  if (blob.byteLength !== 0) return false;
  try {
    new Uint8Array(blob.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/** Throws on a wrong type; otherwise true when every constraint of the scalar shape holds. */
export function scalarConstraintsHold(value: unknown, shape: Shape): boolean {
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
export function reportScalar(walk: Walk, value: unknown, shape: Shape): void {
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


/** A scalar member read: type-checked (throwing on a mismatch), reported at the current path, copied. */
export function readScalar(walk: Walk, value: unknown, shape: Shape): unknown {
  if (!scalarConstraintsHold(value, shape) && walk.collecting()) reportScalar(walk, value, shape);
  return plainScalar(value, shape);
}
