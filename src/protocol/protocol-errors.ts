// Exceptions of the JSON 1.1 wire protocol itself: not in the service model, raised before any operation runs.
import { KinesisError } from '../errors/kinesis-error.js';

/**
 * The X-Amz-Target header names no operation this engine serves. AWS sends it without a message for a target that
 * names no AWS operation: the body is `{"__type":"UnknownOperationException"}` [K]; kinesim adds one (`message`)
 * for an AWS operation it does not serve, so the client shows why.
 */
export class UnknownOperationException extends KinesisError {
  constructor(message = '') {
    super('UnknownOperationException', message);
  }
}

/**
 * [U] kinesim's own text (AWS serves every operation of its API): names the operation and the target that asked
 * for it, so an SDK shows something better than "UnknownError".
 */
export function notServedMessage(operation: string): string {
  return `kinesim does not serve the operation ${operation} (X-Amz-Target: Kinesis_20131202.${operation}).`;
}
