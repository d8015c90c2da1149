// Exceptions of the JSON 1.1 wire protocol itself: not in the service model, raised before any operation runs.
import { KinesisError } from '../errors/kinesis-error.js';

/**
 * The X-Amz-Target header names no operation this engine serves. AWS sends it without a message:
 * the body is `{"__type":"UnknownOperationException"}` [K].
 */
export class UnknownOperationException extends KinesisError {
  constructor() {
    super('UnknownOperationException', '');
  }
}
