// kinesim's public surface: explicit named exports only.

export { Kinesis } from './kinesis.js';
export type { KinesisOptions } from './model/account.js';
export { ManualClock, SystemClock, type Clock } from './time/clock.js';
export {
  KinesisError,
  ResourceNotFoundException,
  ResourceInUseException,
  InvalidArgumentException,
  LimitExceededException,
  ExpiredIteratorException,
  ExpiredNextTokenException,
  ProvisionedThroughputExceededException,
  ValidationException,
  AccessDeniedException,
  InternalFailureException,
  SerializationException,
  type Fault,
} from './errors/kinesis-error.js';
export type * from './shapes/common.js';
export type * from './shapes/streams.js';
export type * from './shapes/records.js';
export type * from './shapes/shards.js';
