// AWS exceptions of Kinesis Data Streams, one class each, named exactly as AWS names them.

/** Who caused the error, as the AWS SDKs report it. */
export type Fault = 'client' | 'server';

/** The base of every error the engine throws on purpose. `name` is the AWS exception name. */
export class KinesisError extends Error {
  /** "client" for 4xx errors, "server" for 5xx. */
  readonly $fault: Fault;
  /** The HTTP status AWS answers with. */
  readonly statusCode: number;

  constructor(name: string, message: string, fault: Fault = 'client', statusCode = 400) {
    super(message);
    this.name = name;
    this.$fault = fault;
    this.statusCode = statusCode;
  }
}

/** The named stream, shard or consumer does not exist. */
export class ResourceNotFoundException extends KinesisError {
  constructor(message: string) {
    super('ResourceNotFoundException', message);
  }
}

/** The resource is not in a state that allows the request (or already exists). */
export class ResourceInUseException extends KinesisError {
  constructor(message: string) {
    super('ResourceInUseException', message);
  }
}

/** An argument is well-formed but not acceptable. */
export class InvalidArgumentException extends KinesisError {
  constructor(message: string) {
    super('InvalidArgumentException', message);
  }
}

/** A limit (shards, rates, counts) would be exceeded. */
export class LimitExceededException extends KinesisError {
  constructor(message: string) {
    super('LimitExceededException', message);
  }
}

/** The shard iterator is older than 300000 ms. */
export class ExpiredIteratorException extends KinesisError {
  constructor(message: string) {
    super('ExpiredIteratorException', message);
  }
}

/** The pagination token is older than its 300 s lifetime. */
export class ExpiredNextTokenException extends KinesisError {
  constructor(message: string) {
    super('ExpiredNextTokenException', message);
  }
}

/** A shard's read or write throughput limit was exceeded. */
export class ProvisionedThroughputExceededException extends KinesisError {
  constructor(message: string) {
    super('ProvisionedThroughputExceededException', message);
  }
}

/** The input violates a constraint of the service model (length, range, pattern, enum, required). */
export class ValidationException extends KinesisError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

/** A DryRun request passed every check: it would have succeeded, and changed nothing [M]. */
export class DryRunOperationException extends KinesisError {
  constructor(message: string) {
    super('DryRunOperationException', message);
  }
}

/**
 * DryRun requests over their own limit (1 per second per stream) [D]. Not in the Kinesis model: SDKs raise their
 * generic service exception named ThrottlingException (https://docs.aws.amazon.com/streams/latest/dev/kds-dryrun-validation.html).
 */
export class ThrottlingException extends KinesisError {
  constructor(message: string) {
    super('ThrottlingException', message);
  }
}

/** The caller may not perform the action. */
export class AccessDeniedException extends KinesisError {
  constructor(message: string) {
    super('AccessDeniedException', message);
  }
}

/** The service failed; retry. HTTP 500. */
export class InternalFailureException extends KinesisError {
  constructor(message: string) {
    super('InternalFailureException', message, 'server', 500);
  }
}

/** A member has the wrong JSON type (protocol-level error; AWS's words for Java types). */
export class SerializationException extends KinesisError {
  constructor(message: string) {
    super('SerializationException', message);
  }
}

/** An internal invariant broke: a bug in kinesim, never an answer to bad input. */
export class AssertionError extends Error {
  constructor(message: string) {
    super(`kinesim invariant broken: ${message}`);
    this.name = 'AssertionError';
  }
}

/** Throws an AssertionError when `condition` is false. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Marks a switch over a union as exhaustive: adding a member without a case fails to compile, and throws if reached. */
export function unreachable(value: never): never {
  throw new AssertionError(`unexpected value ${String(value)}`);
}
