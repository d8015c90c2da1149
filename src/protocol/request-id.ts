// Request IDs for the x-amzn-RequestId header: UUID-shaped like AWS's, but counted, so runs are reproducible.

/** Issues `00000000-0000-4000-8000-000000000001`, `…-000000000002`, …: a valid version-4 layout, no randomness. */
export class RequestIdSequence {
  #issued = 0;

  next(): string {
    this.#issued++;
    return `00000000-0000-4000-8000-${this.#issued.toString(16).padStart(12, '0')}`;
  }
}
