// Record payloads: the record's size in bytes, the first four carrying its ticket (its creation serial
// modulo 2^32, little-endian); the rest is filler. The consumer reads the ticket back from what GetRecords
// returns, so every record is identified end to end by its bytes, in a few ns; records under 4 bytes are
// identified by sequence number instead (exact, but a 56-digit string compare costs far more).

/** Bytes of a record's ticket. */
export const TICKET_BYTES = 4;

/** The ticket in a payload, or -1 when it is too short to carry one. */
export function ticketIn(data: Uint8Array): number {
  if (data.length < TICKET_BYTES) return -1;
  return (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0;
}

/**
 * Payloads for one call, cut from a scratch buffer the writer reuses: the engine copies what it stores
 * (and keeps no reference to the request), so the buffer, and a view at the same place and size as in an
 * earlier call, are free to use again once a call returns. A steady record size therefore allocates nothing.
 */
export class PayloadWriter {
  #scratch = new Uint8Array(64 * 1024);
  #views: Uint8Array[] = [];
  /** Where each cached view starts and how long it is (cheaper to compare than the view's getters). */
  #starts = new Int32Array(512).fill(-1);
  #lengths = new Int32Array(512);
  #used = 0;
  #index = 0;

  /** Starts a call. */
  begin(): void {
    this.#used = 0;
    this.#index = 0;
  }

  /** The next payload: `bytes` long, ticketed with `serial`. */
  next(bytes: number, serial: number): Uint8Array {
    const at = this.#used;
    if (at + bytes > this.#scratch.length) {
      // Views already handed out keep the old buffer alive for this call; later calls use the new one.
      this.#scratch = new Uint8Array(Math.max(at + bytes, this.#scratch.length * 2));
      this.#starts.fill(-1);
    }
    this.#used = at + bytes;
    const j = this.#index++;
    if (j >= this.#starts.length) this.#grow();
    let view: Uint8Array;
    if (this.#starts[j] === at && this.#lengths[j] === bytes) view = this.#views[j]!;
    else {
      view = this.#scratch.subarray(at, at + bytes);
      this.#views[j] = view;
      this.#starts[j] = at;
      this.#lengths[j] = bytes;
    }
    if (bytes >= TICKET_BYTES) {
      const t = serial >>> 0;
      view[0] = t & 0xff;
      view[1] = (t >>> 8) & 0xff;
      view[2] = (t >>> 16) & 0xff;
      view[3] = t >>> 24;
    }
    return view;
  }

  #grow(): void {
    const starts = new Int32Array(this.#starts.length * 2).fill(-1);
    starts.set(this.#starts);
    const lengths = new Int32Array(this.#lengths.length * 2);
    lengths.set(this.#lengths);
    this.#starts = starts;
    this.#lengths = lengths;
  }
}
