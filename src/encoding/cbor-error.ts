/** The one error the CBOR codec throws, for malformed input and for values it cannot represent. */

/**
 * Malformed or unsupported CBOR: `offset` is the byte where the problem was found (for encoding, the
 * output offset reached), and the message names what was wrong there.
 */
export class CborError extends Error {
  override readonly name = 'CborError';

  constructor(
    readonly offset: number,
    problem: string,
  ) {
    super(`CBOR: ${problem} (at byte ${offset})`);
  }
}
