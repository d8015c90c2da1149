// Runs a decoded request on the engine: operation `PutRecord` is method `putRecord` of Kinesis.
import type { Kinesis } from '../kinesis.js';
import type { OperationName } from '../service-model/operations.js';
import { UnknownOperationException } from './protocol-errors.js';

// Divergence: SubscribeToShard answers with an event stream (spec §13.4), which this codec does not frame;
// until it does, the operation is unknown on the wire whatever the engine itself offers.
const EVENT_STREAM_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>(['SubscribeToShard']);

/** The Kinesis method name of an operation. */
export function methodName(operation: OperationName): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}

/**
 * Calls the engine's method for `operation`. Whether the engine has it is decided now, per call, so an
 * operation becomes available on the wire the moment Kinesis gains its method.
 * @throws UnknownOperationException when Kinesis has no such method (or the operation needs an event stream).
 * @throws whatever the method throws.
 */
export function dispatch(kinesis: Kinesis, operation: OperationName, input: Record<string, unknown>): unknown {
  if (EVENT_STREAM_OPERATIONS.has(operation)) throw new UnknownOperationException();
  const method: unknown = (kinesis as unknown as Record<string, unknown>)[methodName(operation)];
  if (typeof method !== 'function') throw new UnknownOperationException();
  return (method as (this: Kinesis, input: Record<string, unknown>) => unknown).call(kinesis, input);
}
