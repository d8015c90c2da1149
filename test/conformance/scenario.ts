// A conformance scenario: a script of AWS operations with its own assertions, written once and played on
// every driver. Playing returns the transcript of results, which must be equal across drivers.
import { expect } from 'vitest';
import type { KinesisOptions, ManualClock } from '../../src/index.js';
import type { OperationName } from '../../src/operations/registry.js';
import { awsError, engine, type AwsError, type DriverKind, type Output } from './drivers.js';

/** What reading one event of a subscription gave: an event, the stream's end, or the exception that ended it. */
export type Read = { event: Output } | { end: true } | { error: AwsError };

/** A subscription opened by Play.subscribe. */
export interface Events {
  /**
   * Reads (and records) the next event. Only read when an event is due or an engine call will make it so:
   * under the scenario's ManualClock, nothing else moves time, and a read of nothing waits for ever.
   */
  read(): Promise<Read>;
  /** Leaves the stream early, as breaking out of a for-await loop does. */
  close(): Promise<void>;
}

export interface Play {
  readonly clock: ManualClock;
  /** Sends an operation that must succeed; returns (and records) its output. */
  ok(operation: OperationName, input?: object): Promise<Output>;
  /** Sends an operation that must fail with an AWS error; returns (and records) the error. */
  fails(operation: OperationName, input?: object): Promise<AwsError>;
  /** Sends SubscribeToShard, which must succeed, and returns its events (drivers that stream events only). */
  subscribe(input: object): Promise<Events>;
}

export interface Scenario {
  readonly name: string;
  /** Every operation the scenario sends (checked as it plays), so what a scenario covers reads at a glance. */
  readonly operations: readonly OperationName[];
  readonly options?: KinesisOptions;
  run(play: Play): Promise<void>;
}

/** Runs `scenario` on a fresh engine through `kind` and returns what every call answered. */
export async function play(scenario: Scenario, kind: DriverKind): Promise<unknown[]> {
  const { kinesis, clock } = engine(scenario.options);
  const driver = kind.create(kinesis);
  const transcript: unknown[] = [];
  let subscriptions = 0;
  const declared = (operation: OperationName) =>
    expect(scenario.operations, `${scenario.name} sends ${operation} but does not list it in operations`).toContain(operation);
  try {
    await scenario.run({
      clock,
      async ok(operation, input) {
        declared(operation);
        const output = await driver.send(operation, input);
        transcript.push({ operation, output: plain(output) });
        return output;
      },
      async subscribe(input) {
        declared('SubscribeToShard');
        if (driver.subscribe === undefined) throw new Error(`${kind.name} cannot stream events`);
        const reader = await driver.subscribe(input);
        const number = ++subscriptions;
        transcript.push({ operation: 'SubscribeToShard', subscription: number });
        return {
          async read() {
            let read: Read;
            try {
              const next = await reader.next();
              read = next.done === true ? { end: true } : { event: next.value };
            } catch (thrown) {
              read = { error: awsError(thrown) };
            }
            transcript.push({ subscription: number, ...(plain(read) as Read) });
            return read;
          },
          async close() {
            await reader.return?.();
          },
        };
      },
      async fails(operation, input) {
        declared(operation);
        let error: AwsError | undefined;
        try {
          await driver.send(operation, input);
        } catch (thrown) {
          error = awsError(thrown);
        }
        expect(error, `${operation} should have failed`).toBeDefined();
        transcript.push({ operation, error });
        return error!;
      },
    });
  } finally {
    await driver.close?.();
  }
  return transcript;
}

/**
 * A copy in plain terms: bytes (Uint8Array, Buffer) become their base64 text, which compares as strictly and far
 * faster than element by element (events carry megabytes); Dates stay Dates.
 */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return { base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, plain(member)]));
}
