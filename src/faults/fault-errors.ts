// The errors a fault rule may inject, with the HTTP status and $fault AWS answers them with and the message
// kinesim sends when the rule gives none. Status codes matter beyond looks: the AWS SDKs decide whether to
// retry from them (JS v3 and botocore retry 500/502/503/504 as transient, and the throttling names below only
// with status 400 in botocore's legacy mode), so each is AWS's own.
// Evidence: the Kinesis service model [M] (botocore kinesis/2013-12-02); AWS's Common Errors page [D]
// https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html; kinesalite's AWS-verified tests [K].

import {
  AccessDeniedException,
  ExpiredIteratorException,
  ExpiredNextTokenException,
  InternalFailureException,
  InvalidArgumentException,
  KinesisError,
  LimitExceededException,
  ProvisionedThroughputExceededException,
  ResourceInUseException,
  ResourceNotFoundException,
  ThrottlingException,
  type Fault,
} from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { ITERATOR_TTL_MS } from '../model/limits.js';

/** What a default message may use: the account, and what the call names (stream, shard, iterator age). */
export interface FaultContext {
  readonly accountId: string;
  readonly nowMs: number;
  readonly streamName: string | undefined;
  readonly shardId: string | undefined;
  readonly operation: string;
  /** When the call's shard iterator was made (GetRecords). */
  readonly iteratorCreatedAtMs: number | undefined;
}

interface FaultErrorSpec {
  /** The error object for `message` (an exported class where kinesim has one). */
  readonly make: (message: string) => KinesisError;
  readonly defaultMessage: (ctx: FaultContext) => string;
}

function plain(name: string, fault: Fault, statusCode: number): (message: string) => KinesisError {
  return (message) => new KinesisError(name, message, fault, statusCode);
}

const client = (name: string) => plain(name, 'client', 400);

/** "Rate exceeded for shard ..." when the call names a shard, else the stream-level text, else [U] "Rate exceeded.". */
function rateExceeded(ctx: FaultContext): string {
  if (ctx.streamName === undefined) return 'Rate exceeded.';
  if (ctx.shardId === undefined) return msg.rateExceededStream(ctx.streamName, ctx.accountId);
  // GetRecords has its own current wording [R]; PutRecord(s) and GetShardIterator the older one.
  return ctx.operation === 'GetRecords'
    ? msg.rateExceededShardRead(ctx.accountId, ctx.streamName, ctx.shardId)
    : msg.rateExceededShard(ctx.shardId, ctx.streamName, ctx.accountId);
}

const FAULT_ERROR_SPECS = {
  // The unmodelled 500 AWS answers for its own failures: `{"__type":"InternalFailure"}`, no message [K].
  InternalFailure: { make: plain('InternalFailure', 'server', 500), defaultMessage: () => '' },
  // The modelled one (SubscribeToShard's exception event; as a whole-call answer, HTTP 500) [M].
  InternalFailureException: {
    make: (m) => new InternalFailureException(m),
    defaultMessage: () => msg.internalFailure(),
  },
  // [D] Common Errors: "The request has failed due to a temporary failure of the server." (HTTP 503); its use as the message is [U].
  ServiceUnavailable: {
    make: plain('ServiceUnavailable', 'server', 503),
    defaultMessage: () => 'The request has failed due to a temporary failure of the server.',
  },
  // [D] Common Errors (400); the text is [U].
  ThrottlingException: { make: (m) => new ThrottlingException(m), defaultMessage: () => 'Rate exceeded' },
  ProvisionedThroughputExceededException: {
    make: (m) => new ProvisionedThroughputExceededException(m),
    defaultMessage: rateExceeded,
  },
  // Control-plane throttling: "Rate exceeded for stream X under account Y." [R/K].
  LimitExceededException: {
    make: (m) => new LimitExceededException(m),
    defaultMessage: (ctx) => (ctx.streamName === undefined ? 'Rate exceeded.' : msg.rateExceededStream(ctx.streamName, ctx.accountId)),
  },
  // KMS errors [M]; their texts are the service model's descriptions of them [U as messages].
  KMSThrottlingException: {
    make: client('KMSThrottlingException'),
    defaultMessage: () =>
      'The request was denied due to request throttling. For more information about throttling, see Limits in the AWS Key Management Service Developer Guide.',
  },
  KMSAccessDeniedException: {
    make: client('KMSAccessDeniedException'),
    defaultMessage: () => "The ciphertext references a key that doesn't exist or that you don't have access to.",
  },
  KMSDisabledException: {
    make: client('KMSDisabledException'),
    defaultMessage: () => "The request was rejected because the specified customer master key (CMK) isn't enabled.",
  },
  KMSInvalidStateException: {
    make: client('KMSInvalidStateException'),
    defaultMessage: () => "The request was rejected because the state of the specified resource isn't valid for this request.",
  },
  KMSNotFoundException: {
    make: client('KMSNotFoundException'),
    defaultMessage: () => "The request was rejected because the specified entity or resource can't be found.",
  },
  KMSOptInRequired: {
    make: client('KMSOptInRequired'),
    defaultMessage: () => 'The AWS access key ID needs a subscription for the service.',
  },
  ExpiredIteratorException: {
    make: (m) => new ExpiredIteratorException(m),
    defaultMessage: (ctx) =>
      msg.iteratorExpired(ctx.iteratorCreatedAtMs ?? ctx.nowMs - ITERATOR_TTL_MS - 1, ctx.nowMs, ITERATOR_TTL_MS),
  },
  ExpiredNextTokenException: {
    make: (m) => new ExpiredNextTokenException(m),
    defaultMessage: () => msg.nextTokenExpired(),
  },
  ResourceNotFoundException: {
    make: (m) => new ResourceNotFoundException(m),
    defaultMessage: (ctx) =>
      ctx.streamName === undefined ? 'Requested resource not found.' : msg.streamNotFound(ctx.streamName, ctx.accountId),
  },
  ResourceInUseException: {
    make: (m) => new ResourceInUseException(m),
    defaultMessage: (ctx) =>
      ctx.streamName === undefined ? 'Resource is in use.' : msg.streamNotActive(ctx.streamName, ctx.accountId, 'UPDATING'),
  },
  InvalidArgumentException: {
    make: (m) => new InvalidArgumentException(m),
    defaultMessage: () => 'Invalid argument.',
  },
  AccessDeniedException: {
    make: (m) => new AccessDeniedException(m),
    defaultMessage: () => 'User is not authorized to perform this action.',
  },
} satisfies Record<string, FaultErrorSpec>;

/** The name of an error a fault rule can inject. */
export type FaultErrorName = keyof typeof FAULT_ERROR_SPECS;

/** Every injectable error name. */
export const FAULT_ERROR_NAMES = Object.freeze(Object.keys(FAULT_ERROR_SPECS)) as readonly FaultErrorName[];

/** The error a rule injects: its message, or the default for the call. */
export function faultError(name: FaultErrorName, message: string | undefined, ctx: FaultContext): KinesisError {
  const spec: FaultErrorSpec = FAULT_ERROR_SPECS[name];
  return spec.make(message ?? spec.defaultMessage(ctx));
}

/** The per-entry ErrorCodes of PutRecords [M]: the only two an entry can fail with. */
export const RECORD_ERROR_CODES = ['ProvisionedThroughputExceededException', 'InternalFailure'] as const;
export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];

/** A failed entry's ErrorMessage: AWS's for its code [R], unless the rule gives one. */
export function recordErrorMessage(code: RecordErrorCode, shardId: string, streamName: string, accountId: string): string {
  return code === 'InternalFailure' ? msg.internalFailure() : msg.rateExceededShard(shardId, streamName, accountId);
}
