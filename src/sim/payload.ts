// Record payloads: zero bytes of the record's size, the first four carrying its ticket (its creation serial
// modulo 2^32, little-endian). The consumer reads the ticket back from what GetRecords returns, so every
// record is identified end to end by its bytes, in a few ns; records under 4 bytes are identified by
// sequence number instead (exact, but a 56-digit string compare costs far more).

/** Bytes of a record's ticket. */
export const TICKET_BYTES = 4;

/** The ticket of a record with creation serial `serial`. */
export function ticketOf(serial: number): number {
  return serial >>> 0;
}

/** The ticket in a payload, or -1 when it is too short to carry one. */
export function ticketIn(data: Uint8Array): number {
  if (data.length < TICKET_BYTES) return -1;
  return (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0;
}

/**
 * Payloads for one call, cut from a scratch buffer the writer reuses: the engine copies what it stores,
 * so a buffer is free again once the call returns.
 */
export class PayloadWriter {
  #scratch = new Uint8Array(64 * 1024);
  #used = 0;

  /** Starts a call that needs `totalBytes` of payloads. */
  begin(totalBytes: number): void {
    if (totalBytes > this.#scratch.length) this.#scratch = new Uint8Array(Math.max(totalBytes, this.#scratch.length * 2));
    else this.#scratch.fill(0, 0, Math.min(this.#used, this.#scratch.length));
    this.#used = 0;
  }

  /** The next payload: `bytes` long, ticketed with `serial`. */
  next(bytes: number, serial: number): Uint8Array {
    const at = this.#used;
    this.#used = at + bytes;
    const view = this.#scratch.subarray(at, at + bytes);
    if (bytes >= TICKET_BYTES) {
      const t = serial >>> 0;
      view[0] = t & 0xff;
      view[1] = (t >>> 8) & 0xff;
      view[2] = (t >>> 16) & 0xff;
      view[3] = t >>> 24;
    }
    return view;
  }
}
