// Account: the engine's whole state for one account and region. Its jobs live in their own homes: the clock
// and scheduler in timeline.ts, quota counting in quotas.ts, ARNs and incarnations in identities.ts, the
// user-facing options and their checks in src/options.ts.

import type { Clock } from '../time/clock.js';
import { MetricsStore } from '../metrics/metrics-store.js';
import { TokenSealer } from '../tokens/sealed-token.js';
import { BillingCommitment } from './billing-commitment.js';
import { Identities } from './identities.js';
import type { Stream } from './stream.js';
import { Timeline } from './timeline.js';

/** What an account runs on: every option resolved and checked (see resolveOptions in src/options.ts). */
export type AccountSettings = Pick<
  Account,
  | 'accountId'
  | 'region'
  | 'partition'
  | 'createStreamDelayMs'
  | 'deleteStreamDelayMs'
  | 'updateStreamDelayMs'
  | 'consumerDelayMs'
  | 'shardLimit'
  | 'onDemandStreamCountLimit'
  | 'throughputLimits'
> & {
  readonly clock: Clock;
  /** Seals shard iterators and NextTokens. */
  readonly tokenSecret: string;
  /** How long a minute of CloudWatch metrics is kept, in engine ms (0: none is). */
  readonly metricsRetentionMs: number;
};

export class Account {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly createStreamDelayMs: number;
  readonly deleteStreamDelayMs: number;
  readonly updateStreamDelayMs: number;
  readonly consumerDelayMs: number;
  readonly shardLimit: number;
  readonly onDemandStreamCountLimit: number;
  readonly sealer: TokenSealer;
  /** Whether per-shard throughput limits are enforced (KinesisOptions.throughputLimits). */
  readonly throughputLimits: boolean;
  /** Live streams by name (every status, until a deleted one is gone). */
  readonly streams = new Map<string, Stream>();
  /** The account's MinimumThroughputBillingCommitment (Describe/UpdateAccountSettings). */
  readonly billingCommitment = new BillingCommitment();
  /** The engine's time, and the transitions it applies as time passes. */
  readonly timeline: Timeline;
  /** Stream ARNs, incarnations and consumer ARN suffixes. */
  readonly identities: Identities;
  /** CloudWatch metrics of the account's streams, per minute of engine time (src/metrics/). */
  readonly metrics: MetricsStore;

  constructor(settings: AccountSettings) {
    this.accountId = settings.accountId;
    this.region = settings.region;
    this.partition = settings.partition;
    this.createStreamDelayMs = settings.createStreamDelayMs;
    this.deleteStreamDelayMs = settings.deleteStreamDelayMs;
    this.updateStreamDelayMs = settings.updateStreamDelayMs;
    this.consumerDelayMs = settings.consumerDelayMs;
    this.shardLimit = settings.shardLimit;
    this.onDemandStreamCountLimit = settings.onDemandStreamCountLimit;
    this.sealer = new TokenSealer(settings.tokenSecret);
    this.throughputLimits = settings.throughputLimits;
    this.timeline = new Timeline(settings.clock, this.streams);
    this.identities = new Identities(settings.partition, settings.region, settings.accountId);
    this.metrics = new MetricsStore(settings.metricsRetentionMs);
  }
}
