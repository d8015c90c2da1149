/** The one error the event stream codec throws, for corrupt input and for messages it must not send. */

/**
 * A corrupt, truncated or oversized event stream message, or a header value the format cannot carry.
 * `offset` is the byte of the stream (counted from the decoder's first byte) or of the message being
 * encoded where the problem lies.
 */
export class EventStreamError extends Error {
  override readonly name = 'EventStreamError';

  constructor(
    readonly offset: number,
    problem: string,
  ) {
    super(`Event stream: ${problem} (at byte ${offset})`);
  }
}
