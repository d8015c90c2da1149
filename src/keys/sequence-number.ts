// Sequence numbers: kinesim's decimal-aligned 56-digit layout (the README explains why not AWS's bit layout).
//
//   digit  0       '4'                 layout marker (never a leading zero; 56 digits like AWS's)
//   digits 1..10   stream incarnation  per-account creation counter: tells streams of the same name apart;
//                                      below 10^9, so digit 1 is '0' and no AWS number (all >= 4903...)
//                                      can be mistaken for one of ours
//   digits 11..20  shard index         so a number names its shard ("It encodes shardId-...")
//   digits 21..45  counter / 1e9       25 digits, changes once per 10^9 records of a shard
//   digit  46      '1'                 the leading 1 of (1e9 + counter % 1e9), emitted from a small integer
//   digits 47..55  counter % 1e9
//
// counter 0 is the shard's StartingSequenceNumber, record i (0-based, never renumbered) has counter i + 1,
// and the EndingSequenceNumber of a closed shard has the largest counter. Within a shard numbers grow
// with the counter; a child shard always has a higher index than its parents, so its numbers exceed
// theirs. Emitting a number is one string concatenation of a cached 46-digit prefix and a small integer.

export const SEQUENCE_DIGITS = 56;
/** Incarnations stay below 10^9 so digit 1 is always '0' (see the layout above). */
export const MAX_INCARNATION = 999_999_999;
const LOW = 1_000_000_000;
const HIGH_DIGITS = 25;
// A string: 10 ** 25 - 1 is not exact in a double and would print as '1e+25'.
const MAX_HIGH = '9'.repeat(HIGH_DIGITS);
/** The counter of an EndingSequenceNumber: above every record a shard can hold. */
export const END_COUNTER = Number.MAX_SAFE_INTEGER;

/** What a sequence number says about where it came from. */
export interface DecodedSequence {
  incarnation: number;
  shardIndex: number;
  /** 0 = shard start; i + 1 = record i; capped at END_COUNTER. */
  counter: number;
}

/** The fixed first 21 digits of every number of one shard. */
export function shardSequenceBase(incarnation: number, shardIndex: number): string {
  return '4' + pad(incarnation, 10) + pad(shardIndex, 10);
}

// The last three digits of every number, as ready-made strings: a number is then one concatenation of a
// cached 53-digit block prefix and one of these, with no number-to-string conversion per record.
const BLOCK = 1000;
const LAST_DIGITS: readonly string[] = Array.from({ length: BLOCK }, (_, i) => String(i).padStart(3, '0'));

/**
 * Builds sequence numbers for one shard, caching the 53-digit prefix of the current block of 1000 counters
 * (formatting is sequential on both the write and the read path, so the cache hits 999 times in 1000).
 */
export class SequenceFormatter {
  readonly #base: string;
  #block = -1;
  #prefix = '';

  constructor(incarnation: number, shardIndex: number) {
    this.#base = shardSequenceBase(incarnation, shardIndex);
  }

  /** The 56-digit number of a counter value (0 = shard start, END_COUNTER = shard end). */
  format(counter: number): string {
    if (counter >= END_COUNTER) return this.#base + MAX_HIGH + '1999999999';
    const block = Math.floor(counter / BLOCK);
    if (block !== this.#block) this.#startBlock(block);
    return this.#prefix + LAST_DIGITS[counter - block * BLOCK]!;
  }

  #startBlock(block: number): void {
    const high = Math.floor(block / (LOW / BLOCK));
    // '1' and the next six digits of (LOW + counter % LOW); flattened once so every number shares flat text.
    const prefix = this.#base + pad(high, HIGH_DIGITS) + String(LOW / BLOCK + (block - high * (LOW / BLOCK)));
    prefix.charCodeAt(0);
    this.#block = block;
    this.#prefix = prefix;
  }
}

/** Decodes a number of kinesim's layout; undefined when it is not one. */
export function decodeSequence(text: string): DecodedSequence | undefined {
  if (
    text.length !== SEQUENCE_DIGITS ||
    text.charCodeAt(0) !== 52 /* '4' */ ||
    text.charCodeAt(1) !== 48 /* '0' */ ||
    text.charCodeAt(46) !== 49 /* '1' */
  ) {
    return undefined;
  }
  for (let i = 1; i < SEQUENCE_DIGITS; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const incarnation = Number(text.slice(1, 11));
  const shardIndex = Number(text.slice(11, 21));
  const highText = text.slice(21, 46);
  const low = Number(text.slice(47));
  const high = Number(highText);
  const counter = high > (END_COUNTER - low) / LOW ? END_COUNTER : high * LOW + low;
  return { incarnation, shardIndex, counter };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
