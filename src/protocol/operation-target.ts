// The X-Amz-Target header, `Kinesis_20131202.<Operation>`, which names the operation for every codec
// (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
import { OPERATIONS, type OperationName } from '../operations/registry.js';
import { UnknownOperationException } from './protocol-errors.js';

/** The service prefix of every target, dot included. */
export const TARGET_PREFIX = 'Kinesis_20131202.';

/**
 * The operation a target names. Matching is case-sensitive, like AWS's (`Kinesis_20131202.ListStream`
 * and `kinesis_20131202.ListStreams` are both unknown [K]).
 * @throws UnknownOperationException when the target is missing or names no AWS operation (extensions never travel).
 */
export function operationFromTarget(target: string | undefined): OperationName {
  if (target === undefined || !target.startsWith(TARGET_PREFIX)) throw new UnknownOperationException();
  const name = target.slice(TARGET_PREFIX.length);
  if (!Object.hasOwn(OPERATIONS, name) || OPERATIONS[name as OperationName].exposure !== 'aws') {
    throw new UnknownOperationException();
  }
  return name as OperationName;
}
