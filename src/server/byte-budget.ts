// One pool of request bytes shared by every connection of a server, so many large uploads at once cannot take
// more memory than the pool holds.

/** Counts bytes taken and given back against a fixed capacity. */
export class ByteBudget {
  #used = 0;

  constructor(readonly capacity: number) {}

  /** Bytes currently taken. */
  get used(): number {
    return this.#used;
  }

  /** Takes `bytes` if they fit; false (and nothing taken) if they do not. */
  take(bytes: number): boolean {
    if (this.#used + bytes > this.capacity) return false;
    this.#used += bytes;
    return true;
  }

  /** Gives back bytes taken earlier. */
  give(bytes: number): void {
    this.#used -= bytes;
  }
}
