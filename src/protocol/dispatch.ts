// Runs a decoded request on the engine through the Kinesis method the registry names for the operation.
import type { Kinesis } from '../kinesis.js';
import { OPERATIONS, type OperationName } from '../operations/registry.js';
import { notServedMessage, UnknownOperationException } from './protocol-errors.js';

/**
 * Calls the engine's method for `operation` with a decoded (not yet validated) input.
 * @throws UnknownOperationException, with a message naming the operation, when the engine does not serve it.
 * @throws whatever the method throws.
 */
export function dispatch(kinesis: Kinesis, operation: OperationName, input: Record<string, unknown>): unknown {
  const { method } = OPERATIONS[operation];
  if (method === undefined) throw new UnknownOperationException(notServedMessage(operation));
  // Read per call from the instance, so an engine whose method was replaced (tests do) is served as it is now.
  const run: unknown = kinesis[method];
  if (typeof run !== 'function') throw new UnknownOperationException(notServedMessage(operation));
  return (run as (this: Kinesis, input: Record<string, unknown>) => unknown).call(kinesis, input);
}
