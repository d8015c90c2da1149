/** The values the CBOR codec reads and writes: JSON's data model plus byte strings, big integers and tags. */

/**
 * A CBOR tagged item (major type 6) whose meaning the codec leaves to its caller: AWS writes timestamps as
 * tag 1 around integer epoch milliseconds, which is not RFC 8949's tag 1 (seconds).
 */
export class CborTag {
  /** @param tag the tag number (a bigint only above `Number.MAX_SAFE_INTEGER`) @param value the tagged item */
  constructor(
    readonly tag: number | bigint,
    readonly value: CborValue,
  ) {}
}

/**
 * What `decodeCbor` returns. Integers are numbers while their magnitude is at most `Number.MAX_SAFE_INTEGER`
 * and bigints beyond it; floats of every width are numbers; maps are plain objects with string keys.
 */
export type CborValue =
  | number
  | bigint
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | CborTag
  | CborValue[]
  | { [key: string]: CborValue };

/**
 * How deeply arrays, maps and tags may nest, in both directions. Kinesis documents nest about five deep;
 * the bound keeps hostile input (or a cyclic object) from exhausting the stack.
 */
export const CBOR_MAX_NESTING = 64;
