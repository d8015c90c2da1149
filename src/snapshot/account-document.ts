// The snapshot's document: everything an Account holds except record contents, as JSON, and back.
// Maps are written as arrays of pairs in insertion order, bigints as decimal strings, unbounded times as null,
// absent optional members left out. Record contents go to the record section (record-section.ts); each
// shard's log here carries only its counters and segment descriptors.

import { Account, type AccountSettings } from '../model/account.js';
import { Consumer } from '../model/consumer.js';
import { Subscription } from '../model/subscription.js';
import type { PendingChange } from '../model/pending-change.js';
import { Shard } from '../model/shard.js';
import type { RecordPayloads } from '../model/shard-log.js';
import type { OnDemandScalingSettings, OnDemandScalingState } from '../model/on-demand-scaling.js';
import { Stream } from '../model/stream.js';
import type { AutoPlacementState } from '../model/auto-placement.js';
import { ENCRYPTION_TYPES, METRICS_NAMES, RECORD_DISTRIBUTION_STRATEGIES, STREAM_MODES } from '../service-model/enums.js';
import { channelsDocument, restoreChannels } from './channel-document.js';
import { Fields, bounded, malformed } from './document-fields.js';
import { describeSegment, planLog, type SegmentDescriptor, type SegmentPlan, type SegmentReader } from './record-section.js';

/**
 * The settings a snapshot carries: every option but the clock, the token secret, the delivery sink (a function)
 * and the metrics retention (metrics are not state, so a restore takes it as an option); on-demand scaling as data.
 */
export type SnapshotSettings = Omit<AccountSettings, 'clock' | 'tokenSecret' | 'channelDeliverySink' | 'metricsRetentionMs' | 'onDemandScaling'> & {
  /** The scaling parameters, or false when on-demand streams do not scale. */
  onDemandScaling: OnDemandScalingSettings | false;
};

/**
 * The document of `account`, the plans of its segments and the byte arrays of its channel deliveries, in the
 * order the record section holds them.
 */
export function documentOf(account: Account, tokenCheck: string): { document: object; plans: SegmentPlan[]; blobs: Uint8Array[] } {
  const plans: SegmentPlan[] = [];
  const blobs: Uint8Array[] = [];
  const timeline = account.timeline.exportState();
  const identities = account.identities.exportState();
  const document = {
    writer: 'kinesim',
    settings: settingsOf(account),
    tokenCheck,
    timeline: {
      lastNowMs: bounded(timeline.lastNowMs),
      nextDueMs: bounded(timeline.nextDueMs),
      sweep: { incarnation: timeline.sweep.incarnation ?? null, shard: timeline.sweep.shard, nextPassMs: bounded(timeline.sweep.nextPassMs) },
    },
    identities: { incarnations: identities.incarnations, consumerArnSuffixes: identities.consumerArnSuffixes },
    billingCommitment: account.billingCommitment.exportState(),
    streams: [...account.streams.values()].map((stream) => streamDocument(stream, plans)),
    channels: channelsDocument(account, blobs),
  };
  return { document, plans, blobs };
}

function settingsOf(account: Account): SnapshotSettings {
  return {
    accountId: account.accountId,
    region: account.region,
    partition: account.partition,
    createStreamDelayMs: account.createStreamDelayMs,
    deleteStreamDelayMs: account.deleteStreamDelayMs,
    updateStreamDelayMs: account.updateStreamDelayMs,
    consumerDelayMs: account.consumerDelayMs,
    shardLimit: account.shardLimit,
    onDemandStreamCountLimit: account.onDemandStreamCountLimit,
    throughputLimits: account.throughputLimits,
    seed: account.seed,
    channelDelayMs: account.channelDelayMs,
    channelCountLimit: account.channelCountLimit,
    recordPayloads: account.recordPayloads,
    onDemandScaling: account.onDemandScaling ?? false,
  };
}

function streamDocument(stream: Stream, plans: SegmentPlan[]): object {
  return {
    name: stream.name,
    arn: stream.arn,
    incarnation: stream.incarnation,
    createdAtMs: stream.createdAtMs,
    activeAtMs: stream.activeAtMs,
    mode: stream.mode,
    maxRecordSizeKiB: stream.maxRecordSizeKiB,
    retentionHours: stream.retentionHours,
    expiredThroughMs: bounded(stream.expiredThroughMs),
    encryptionType: stream.encryptionType,
    keyId: stream.keyId,
    shardLevelMetrics: stream.shardLevelMetrics,
    tags: [...stream.tags],
    warmThroughputTargetMiBps: stream.warmThroughputTargetMiBps,
    warmThroughputCurrentMiBps: stream.warmThroughputCurrentMiBps,
    policy: stream.policy,
    deletingAtMs: stream.deletingAtMs,
    goneAtMs: stream.goneAtMs,
    pending: stream.pending,
    scalingCallsMs: stream.scalingCallsMs,
    onDemandScaling: stream.onDemandScaling,
    recordDistributionStrategy: stream.recordDistributionStrategy,
    autoPlacement: stream.autoPlacement,
    dryRunWindow: stream.dryRunWindow,
    encryptionHistory: stream.encryptionHistory.points,
    consumers: [...stream.consumers.values()].map(consumerDocument),
    shards: stream.shards.map((shard) => shardDocument(shard, plans)),
  };
}

function consumerDocument(consumer: Consumer): object {
  return {
    name: consumer.name,
    arnSuffix: Number(consumer.arn.slice(consumer.arn.lastIndexOf(':') + 1)),
    createdAtMs: consumer.createdAtMs,
    activeAtMs: consumer.activeAtMs,
    tags: [...consumer.tags],
    policy: consumer.policy,
    deletingAtMs: consumer.deletingAtMs,
    goneAtMs: consumer.goneAtMs,
    // Subscriptions are connections and are not kept; when each was accepted is (SubscribeToShard's 5-second rule).
    subscribedAtMs: [...consumer.subscriptions].map(([shardIndex, subscription]) => [shardIndex, subscription.startedAtMs]),
  };
}

function shardDocument(shard: Shard, plans: SegmentPlan[]): object {
  const log = shard.log.exportState();
  const segmentPlans = planLog(log);
  plans.push(...segmentPlans);
  return {
    start: shard.start.toString(),
    end: shard.end.toString(),
    openedAtMs: shard.openedAtMs,
    parentId: shard.parentId,
    adjacentParentId: shard.adjacentParentId,
    closedAtMs: shard.closedAtMs,
    childIds: shard.childIds,
    throughput: shard.throughputState()?.map(bounded),
    log: { length: log.length, nextSlabBytes: log.nextSlabBytes, segments: segmentPlans.map(describeSegment) },
  };
}

/**
 * The account a document describes, on `settings` (the document's own, with the caller's clock and secret),
 * its records read from `records`.
 * @throws SnapshotError naming the first malformed member.
 */
export function accountFrom(doc: Fields, settings: AccountSettings, records: SegmentReader): Account {
  // (Restored in this order: the timeline first, as consumers' subscriptions end at its last reading.)
  const account = new Account(settings);
  const timeline = doc.obj('timeline');
  const sweep = timeline.raw('sweep') === undefined ? undefined : timeline.obj('sweep');
  account.timeline.restoreState({
    lastNowMs: timeline.bound('lastNowMs', -Infinity),
    nextDueMs: timeline.bound('nextDueMs', Infinity),
    sweep: sweep && {
      incarnation: sweep.raw('incarnation') === null ? undefined : sweep.num('incarnation'),
      shard: sweep.num('shard'),
      nextPassMs: sweep.bound('nextPassMs', -Infinity),
    },
  });
  const identities = doc.obj('identities');
  account.identities.restoreState({
    incarnations: identities.num('incarnations'),
    consumerArnSuffixes: identities.pairs<number>('consumerArnSuffixes', 'number'),
  });
  const commitment = doc.obj('billingCommitment');
  account.billingCommitment.restoreState({
    startedAtMs: commitment.optNum('startedAtMs'),
    earliestEndAtMs: commitment.optNum('earliestEndAtMs'),
    endAtMs: commitment.optNum('endAtMs'),
  });
  doc.arr('streams').forEach((value, i) => {
    const stream = streamFrom(new Fields(value, `streams[${i}]`), records, account);
    account.streams.set(stream.name, stream);
  });
  restoreChannels(doc.obj('channels'), account, records);
  return account;
}

function streamFrom(f: Fields, records: SegmentReader, account: Account): Stream {
  const incarnation = f.num('incarnation');
  const payloads = account.recordPayloads;
  const shards = f.arr('shards').map((value, i) => shardFrom(new Fields(value, `${f.where}.shards[${i}]`), i, incarnation, records, payloads));
  const stream = new Stream(
    f.str('name'),
    f.str('arn'),
    incarnation,
    f.num('createdAtMs'),
    f.num('activeAtMs'),
    shards,
    f.oneOf('mode', STREAM_MODES),
    f.num('maxRecordSizeKiB'),
    words(f, 'autoPlacement', 4) as AutoPlacementState,
    { recordPayloads: payloads, onDemandScaling: account.onDemandScaling },
  );
  stream.onDemandScaling = scalingStateFrom(f);
  stream.recordDistributionStrategy = f.oneOf('recordDistributionStrategy', RECORD_DISTRIBUTION_STRATEGIES);
  stream.dryRunWindow = words(f, 'dryRunWindow', 2, -1) as [number, number];
  stream.retentionHours = f.num('retentionHours');
  stream.expiredThroughMs = f.bound('expiredThroughMs', -Infinity);
  stream.encryptionType = f.oneOf('encryptionType', ENCRYPTION_TYPES);
  stream.keyId = f.optStr('keyId');
  stream.shardLevelMetrics = f.arr('shardLevelMetrics').map((m, i) => new Fields({ m }, `${f.where}.shardLevelMetrics[${i}]`).oneOf('m', METRICS_NAMES));
  for (const [key, value] of f.pairs<string>('tags', 'string')) stream.tags.set(key, value);
  stream.warmThroughputTargetMiBps = f.optNum('warmThroughputTargetMiBps');
  stream.warmThroughputCurrentMiBps = f.optNum('warmThroughputCurrentMiBps');
  stream.policy = f.optStr('policy');
  stream.deletingAtMs = f.optNum('deletingAtMs');
  stream.goneAtMs = f.optNum('goneAtMs');
  stream.pending = pendingFrom(f);
  stream.scalingCallsMs = f.nums('scalingCallsMs');
  f.arr('encryptionHistory').forEach((value, i) => {
    const point = new Fields(value, `${f.where}.encryptionHistory[${i}]`);
    stream.encryptionHistory.change(point.oneOf('type', ENCRYPTION_TYPES), point.nums('lengths'));
  });
  f.arr('consumers').forEach((value, i) => {
    const consumer = consumerFrom(new Fields(value, `${f.where}.consumers[${i}]`), stream, account);
    stream.consumers.set(consumer.name, consumer);
  });
  return stream;
}

function shardFrom(f: Fields, index: number, incarnation: number, records: SegmentReader, payloads: RecordPayloads): Shard {
  const shard = new Shard(
    index,
    hashKey(f, 'start'),
    hashKey(f, 'end'),
    f.num('openedAtMs'),
    incarnation,
    f.optStr('parentId'),
    f.optStr('adjacentParentId'),
    payloads,
  );
  shard.closedAtMs = f.optNum('closedAtMs');
  for (const id of f.arr('childIds')) {
    if (typeof id !== 'string') throw malformed(`${f.where}.childIds`, 'an array of strings');
    shard.childIds.push(id);
  }
  const throughput = f.raw('throughput');
  if (throughput !== undefined) {
    if (!Array.isArray(throughput) || throughput.length !== 9 || !throughput.every((n) => n === null || typeof n === 'number')) {
      throw malformed(`${f.where}.throughput`, 'an array of 9 numbers');
    }
    shard.restoreThroughput(throughput.map((n: number | null) => n ?? -Infinity));
  }
  const log = f.obj('log');
  const segments = log.arr('segments').map((d, i) => {
    const where = `${log.where}.segments[${i}]`;
    if (!Array.isArray(d) || d.length !== 8 || !d.every((n) => Number.isSafeInteger(n) && n >= 0)) {
      throw malformed(where, 'a segment descriptor (8 whole numbers)');
    }
    return records.read(d as SegmentDescriptor, where, payloads);
  });
  shard.log.restoreState({ payloads, length: log.num('length'), nextSlabBytes: log.num('nextSlabBytes'), segments });
  return shard;
}

function consumerFrom(f: Fields, stream: Stream, account: Account): Consumer {
  const consumer = new Consumer(f.str('name'), stream.arn, f.num('createdAtMs'), f.num('activeAtMs'), f.num('arnSuffix'));
  for (const [key, value] of f.pairs<string>('tags', 'string')) consumer.tags.set(key, value);
  consumer.policy = f.optStr('policy');
  consumer.deletingAtMs = f.optNum('deletingAtMs');
  consumer.goneAtMs = f.optNum('goneAtMs');
  // Each subscription comes back as its acceptance time only: a stand-in whose connection is gone (cancelled at
  // the snapshot's last reading), so a new SubscribeToShard within 5 s of it is refused as on the original.
  const lastNowMs = account.timeline.exportState().lastNowMs;
  for (const [shardIndex, startedAtMs] of numberPairs(f, 'subscribedAtMs')) {
    const shard = stream.shards[shardIndex];
    if (shard === undefined) throw malformed(`${f.where}.subscribedAtMs`, 'pairs of a shard index and a time');
    const standIn = new Subscription(stream, shard, consumer, shard.log.length, startedAtMs, account.throughputLimits);
    standIn.cancel(lastNowMs);
    consumer.subscriptions.set(shardIndex, standIn);
  }
  return consumer;
}

/** An array of [whole number, number] pairs. */
function numberPairs(f: Fields, name: string): [number, number][] {
  const list = f.arr(name);
  const ok = list.every((p) => Array.isArray(p) && p.length === 2 && Number.isSafeInteger(p[0]) && p[0] >= 0 && Number.isFinite(p[1]));
  if (!ok) throw malformed(`${f.where}.${name}`, 'pairs of a shard index and a time');
  return list as [number, number][];
}

/** A stream's on-demand scaling state (plain data): checked member by member. */
function scalingStateFrom(f: Fields): OnDemandScalingState | undefined {
  if (f.raw('onDemandScaling') === undefined) return undefined;
  const g = f.obj('onDemandScaling');
  const orNull = (name: string) => (g.raw(name) === null ? null : g.num(name));
  const peaks = g.arr('peaks');
  if (!peaks.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)))) {
    throw malformed(`${g.where}.peaks`, 'pairs of a time and a demand');
  }
  return {
    periodStartMs: orNull('periodStartMs'),
    periodRecords: g.num('periodRecords'),
    periodBytes: g.num('periodBytes'),
    peaks: (peaks as [number, number][]).map(([atMs, demand]) => [atMs, demand]),
    risingSinceMs: orNull('risingSinceMs'),
    fallingSinceMs: orNull('fallingSinceMs'),
  };
}

const PENDING_KINDS: readonly PendingChange['kind'][] = ['split', 'merge', 'scale', 'encryption', 'mode', 'warmThroughput'];

/** A stream's pending change: plain data, checked for its kind and due time (applyPendingChange reads the rest). */
function pendingFrom(f: Fields): PendingChange | undefined {
  if (f.raw('pending') === undefined) return undefined;
  const pending = f.obj('pending');
  pending.oneOf('kind', PENDING_KINDS);
  pending.num('dueAtMs');
  return f.raw('pending') as PendingChange;
}

/** An array of `length` whole numbers, each at least `min` (unsigned 32-bit words by default). */
function words(f: Fields, name: string, length: number, min = 0): number[] {
  const list = f.nums(name);
  if (list.length !== length || !list.every((n) => Number.isSafeInteger(n) && n >= min)) {
    throw malformed(`${f.where}.${name}`, `${length} whole numbers`);
  }
  return list;
}

function hashKey(f: Fields, name: string): bigint {
  const text = f.str(name);
  if (!/^\d{1,39}$/.test(text)) throw malformed(`${f.where}.${name}`, 'a decimal hash key');
  return BigInt(text);
}
