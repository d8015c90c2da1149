// Account: the engine's whole state for one account and region. Its jobs live in their own homes: the clock
// and scheduler in timeline.ts, quota counting in quotas.ts, ARNs and incarnations in identities.ts, the
// user-facing options and their checks in src/options.ts.

import type { Clock } from '../time/clock.js';
import { MetricsStore } from '../metrics/metrics-store.js';
import { TokenSealer } from '../tokens/sealed-token.js';
import { BillingCommitment } from './billing-commitment.js';
import type { Channel } from './channel.js';
import { DeliveryLog, type ChannelDeliverySink } from './channel-deliveries.js';
import { settleChannels } from './channel-delivery.js';
import { Identities } from './identities.js';
import { settleScaling, type OnDemandScalingSettings } from './on-demand-scaling.js';
import type { RecordPayloads } from './shard-log.js';
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
  | 'seed'
  | 'channelDelayMs'
  | 'channelCountLimit'
  | 'channelDeliverySink'
  | 'recordPayloads'
  | 'onDemandScaling'
> & {
  readonly clock: Clock;
  /** Seals shard iterators and NextTokens. */
  readonly tokenSecret: string;
  /** How long a minute of CloudWatch metrics is kept, in engine ms (0: none is). */
  readonly metricsRetentionMs: number;
};

/**
 * Which PutRecords entries an injected fault fails (src/faults/). Set on the account only while such a call runs.
 */
export interface RecordFaults {
  /** The ErrorCode and ErrorMessage for entry `index`, routed to `shardId` of `streamName`; undefined to store it. */
  failure(index: number, shardId: string, streamName: string): { readonly code: string; readonly message: string } | undefined;
}

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
  /** Entries to fail in the PutRecords call running now (an injected records fault); undefined otherwise. */
  recordFaults: RecordFaults | undefined = undefined;
  /** Seeds kinesim's own choices where AWS's are not public (AUTO placement, channel IDs). */
  readonly seed: number;
  /** How long a channel stays CREATING, UPDATING after an update, and DELETING before it is gone. */
  readonly channelDelayMs: number;
  /** Channels allowed in the account (DescribeLimits' ChannelCountLimit). */
  readonly channelCountLimit: number;
  /** What PutRecord(s) keep of each record's Data: all of it, or its size and first bytes (KinesisOptions.recordPayloads). */
  readonly recordPayloads: RecordPayloads;
  /** How on-demand streams scale on their own (KinesisOptions.onDemandScaling); undefined when they do not. */
  readonly onDemandScaling: OnDemandScalingSettings | undefined;
  /** Receives each channel delivery instead of the DeliveryLog, when set. */
  readonly channelDeliverySink: ChannelDeliverySink | undefined;
  /** Live delivery channels by ARN, in creation order (every status, until a deleted one is gone). */
  readonly channels = new Map<string, Channel>();
  /** What the channels delivered (unless a sink takes it), and the tables they created. */
  readonly deliveries = new DeliveryLog();
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
    this.seed = settings.seed;
    this.channelDelayMs = settings.channelDelayMs;
    this.channelCountLimit = settings.channelCountLimit;
    this.channelDeliverySink = settings.channelDeliverySink;
    this.recordPayloads = settings.recordPayloads;
    this.onDemandScaling = settings.onDemandScaling;
    this.timeline = new Timeline(settings.clock, this.streams);
    this.timeline.addSettler((nowMs) => settleChannels(this, nowMs));
    if (this.onDemandScaling !== undefined) {
      this.timeline.addSettler((nowMs) => settleScaling(this.streams, nowMs, (stream, change) => this.timeline.applyChange(stream, change)));
    }
    this.identities = new Identities(settings.partition, settings.region, settings.accountId);
    this.metrics = new MetricsStore(settings.metricsRetentionMs);
  }
}
