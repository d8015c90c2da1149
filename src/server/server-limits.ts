// How much a kinesim server lets clients hold: bytes and time. AWS publishes none of these; each is [U], chosen so
// every legal request fits and a slow, stalled or greedy client cannot hold the server (README "Over HTTP").

/** The server's limits; each can be changed per server (`startHttpServer(kinesis, { limits })`). */
export interface ServerLimits {
  /** A request body larger than this is answered 413. 16 MiB fits a 10 MiB PutRecords in base64 with its keys. */
  readonly maxRequestBytes: number;
  /**
   * Request bytes held at once across every connection (bodies being received and not yet answered). A request
   * that would take more is answered 503 ServiceUnavailable (SDKs retry it), and its bytes are dropped as they come.
   */
  readonly maxBytesInFlight: number;
  /** A connection must send its request line and headers (or its HTTP/2 preface) within this time. */
  readonly headersTimeoutMs: number;
  /** A request must arrive whole, headers and body, within this time. */
  readonly requestTimeoutMs: number;
  /** An idle connection (no request under way) is closed after this time. */
  readonly idleTimeoutMs: number;
  /**
   * An event-stream answer waiting for its body's readiness signal (EventStreamBody.onReady) is pulled anyway
   * after this long, for bodies without one and engine clocks that cannot wake it.
   */
  readonly eventPollIntervalMs: number;
  /** On a graceful close, how long requests under way may take before their connections are dropped. */
  readonly closeGraceMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = Object.freeze({
  maxRequestBytes: 16 * 1024 * 1024,
  maxBytesInFlight: 128 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 60_000,
  eventPollIntervalMs: 1_000,
  closeGraceMs: 5_000,
});

/** `overrides` on top of the defaults, each checked: whole numbers, positive. */
export function serverLimits(overrides: Partial<ServerLimits> = {}): ServerLimits {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`limits.${name} must be a positive whole number, got ${String(value)}`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new RangeError(`limits.headersTimeoutMs (${limits.headersTimeoutMs}) must not exceed limits.requestTimeoutMs (${limits.requestTimeoutMs})`);
  }
  return Object.freeze(limits);
}
