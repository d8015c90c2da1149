// x-amz-id-2 values: AWS sends base64 of 72 random bytes (96 characters) [R real Kinesis boto3 capture, see the
// README's evidence]. kinesim draws them from a seeded generator, so two servers with the same seed send the same
// sequence and runs are reproducible.

const BYTES = 72;

/** A splitmix32 stream of x-amz-id-2 values. */
export class AmzId2Sequence {
  #state: number;
  readonly #bytes = Buffer.alloc(BYTES);

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** The next value: 72 bytes, base64 (no padding needed: 72 is a multiple of 3). */
  next(): string {
    for (let i = 0; i < BYTES; i += 4) this.#bytes.writeUInt32BE(this.#word(), i);
    return this.#bytes.toString('base64');
  }

  #word(): number {
    this.#state = (this.#state + 0x9e3779b9) >>> 0;
    let z = this.#state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
}
