// A conformance scenario: a script of AWS operations with its own assertions, written once and played on
// every driver. Playing returns the transcript of results, which must be equal across drivers.
import { expect } from 'vitest';
import type { KinesisOptions, ManualClock } from '../../src/index.js';
import type { OperationName } from '../../src/operations/registry.js';
import { awsError, engine, type AwsError, type DriverKind, type Output } from './drivers.js';

export interface Play {
  readonly clock: ManualClock;
  /** Sends an operation that must succeed; returns (and records) its output. */
  ok(operation: OperationName, input?: object): Promise<Output>;
  /** Sends an operation that must fail with an AWS error; returns (and records) the error. */
  fails(operation: OperationName, input?: object): Promise<AwsError>;
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

/** A copy in plain terms: Buffer and other Uint8Array subclasses become Uint8Array, Dates stay Dates. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Uint8Array.from(value);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, plain(member)]));
}
