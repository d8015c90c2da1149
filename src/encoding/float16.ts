/** IEEE 754 half-precision (binary16) conversions, which JavaScript lacks and CBOR uses for short floats. */

const scratch = new DataView(new ArrayBuffer(4));

/** The number a binary16 bit pattern (0..0xffff) stands for: exact, since every half is a double. */
export function halfToNumber(bits: number): number {
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  let magnitude: number;
  if (exponent === 0) magnitude = mantissa * 2 ** -24;
  else if (exponent !== 0x1f) magnitude = (mantissa + 0x400) * 2 ** (exponent - 25);
  else magnitude = mantissa === 0 ? Infinity : NaN;
  return bits & 0x8000 ? -magnitude : magnitude;
}

/**
 * The binary16 bit pattern holding exactly `x`, or -1 when no half does. `x` must already equal
 * `Math.fround(x)` (a float32 value) and not be NaN; NaN's canonical half is the caller's business.
 */
export function numberToHalfExact(x: number): number {
  scratch.setFloat32(0, x);
  const bits = scratch.getUint32(0);
  const sign = (bits >>> 16) & 0x8000;
  const exponent32 = (bits >>> 23) & 0xff;
  const mantissa32 = bits & 0x7fffff;
  if (exponent32 === 0xff) return mantissa32 === 0 ? sign | 0x7c00 : -1;
  if (exponent32 === 0) return mantissa32 === 0 ? sign : -1; // float32 subnormals are far below half's range
  const exponent = exponent32 - 127;
  if (exponent > 15 || exponent < -24) return -1;
  if (exponent >= -14) {
    // Normal half: 10 of float32's 23 mantissa bits survive; the 13 dropped ones must be zero.
    if ((mantissa32 & 0x1fff) !== 0) return -1;
    return sign | ((exponent + 15) << 10) | (mantissa32 >>> 13);
  }
  // Subnormal half: value = m * 2^-24 with the implicit leading bit made explicit.
  const significand = mantissa32 | 0x800000;
  const shift = -exponent - 1;
  if ((significand & ((1 << shift) - 1)) !== 0) return -1;
  return sign | (significand >>> shift);
}
