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
export type * from './shapes/tags.js';
export type * from './shapes/consumers.js';
export type * from './shapes/encryption.js';
export type * from './shapes/monitoring.js';
export type * from './shapes/stream-settings.js';
export type * from './shapes/account.js';
export type * from './shapes/policies.js';
export type * from './shapes/retention.js';
export type * from './shapes/lineage.js';
export { renderShardGraphMermaid } from './lineage/render-shard-graph-mermaid.js';
export { renderShardGraphDot } from './lineage/render-shard-graph-dot.js';
