// How the in-process values of the model's types are recognised: a blob is a Uint8Array, a timestamp a Date,
// a structure or map a plain object. The validator and every codec ask these questions the same way.

// The tag checks catch values from another realm (vm contexts, iframes), where instanceof fails; they
// run only after the cheap tests fail, so plain objects on the hot path never pay for them.
const tagOf = (value: object): string => Object.prototype.toString.call(value);

export function isBlob(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && tagOf(value) === '[object Uint8Array]');
}

export function isDate(value: unknown): value is Date {
  if (value instanceof Date) return true;
  if (typeof value !== 'object' || value === null || isPlainObject(value)) return false;
  return tagOf(value) === '[object Date]';
}

/** An object literal (or `Object.create(null)`): a structure or map, never a Date or a byte array. */
export function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
