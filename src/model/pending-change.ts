// Pending changes: what a stream is UPDATING for, as plain data (no closures), applied by one function when
// due. Snapshots serialize them as they are (JSON: hash keys are decimal strings), and a simulation's event
// timeline reads them from Stream.pending.

import { assert, unreachable } from '../errors/kinesis-error.js';
import type { EncryptionType, StreamMode } from '../service-model/enums.js';
import { rejudgeScaling, startScaling } from './on-demand-scaling.js';
import type { Stream } from './stream.js';

/** The quota footprint of a pending change (see quotas.ts): held from the request on, so none is granted twice. */
export interface QuotaReservation {
  /** Open shards the stream will have once the change applies. */
  readonly openShards?: number;
  /** The capacity mode the stream switches to. */
  readonly mode?: StreamMode;
}

interface Due {
  /** When the change applies: the request time plus the account's updateStreamDelayMs. */
  readonly dueAtMs: number;
  readonly reserves?: QuotaReservation;
}

/** SplitShard: shard `shardIndex` splits, the upper child starting at `newStartingHashKey` (decimal). */
export interface PendingSplit extends Due {
  readonly kind: 'split';
  readonly shardIndex: number;
  readonly newStartingHashKey: string;
}

/** MergeShards: shard `shardIndex` (ParentShardId of the child) merges with `adjacentShardIndex`. */
export interface PendingMerge extends Due {
  readonly kind: 'merge';
  readonly shardIndex: number;
  readonly adjacentShardIndex: number;
}

/** UpdateShardCount with UNIFORM_SCALING. */
export interface PendingScale extends Due {
  readonly kind: 'scale';
  readonly targetShardCount: number;
}

/** Start/StopStreamEncryption: records written from the change on carry `type`. */
export interface PendingEncryption extends Due {
  readonly kind: 'encryption';
  readonly type: EncryptionType;
  /** The KMS key (type KMS only). */
  readonly keyId?: string;
}

/** UpdateStreamMode, with the warm throughput an on-demand stream starts at. */
export interface PendingMode extends Due {
  readonly kind: 'mode';
  readonly mode: StreamMode;
  readonly warmThroughputMiBps?: number;
}

/** UpdateStreamWarmThroughput: the stream reaches `targetMiBps` when UPDATING ends. */
export interface PendingWarmThroughput extends Due {
  readonly kind: 'warmThroughput';
  readonly targetMiBps: number;
}

/** A change that takes effect when the stream leaves UPDATING. */
export type PendingChange = PendingSplit | PendingMerge | PendingScale | PendingEncryption | PendingMode | PendingWarmThroughput;

/**
 * Applies `change` to `stream` as of its due time. The action that recorded it checked everything against the
 * stream as it was, and a stream stays UPDATING (refusing every other change) until this runs.
 */
export function applyPendingChange(stream: Stream, change: PendingChange): void {
  const atMs = change.dueAtMs;
  switch (change.kind) {
    case 'split':
      stream.split(shardAt(stream, change.shardIndex), BigInt(change.newStartingHashKey), atMs);
      return;
    case 'merge':
      stream.merge(shardAt(stream, change.shardIndex), shardAt(stream, change.adjacentShardIndex), atMs);
      return;
    case 'scale':
      stream.scaleUniformly(change.targetShardCount, atMs);
      return;
    case 'encryption':
      stream.encryptionType = change.type;
      stream.keyId = change.type === 'KMS' ? change.keyId : undefined;
      stream.encryptionHistory.change(change.type, stream.shards.map((s) => s.log.length));
      return;
    case 'mode':
      applyMode(stream, change);
      return;
    case 'warmThroughput':
      stream.warmThroughputCurrentMiBps = change.targetMiBps;
      rejudgeScaling(stream, atMs);
      return;
    default:
      return unreachable(change);
  }
}

function applyMode(stream: Stream, change: PendingMode): void {
  const was = stream.mode;
  stream.mode = change.mode;
  // [U] Warm throughput belongs to on-demand streams: stored when switching to on-demand, dropped when leaving it.
  if (change.mode === 'ON_DEMAND') {
    const warm = change.warmThroughputMiBps;
    if (warm !== undefined) stream.warmThroughputTargetMiBps = stream.warmThroughputCurrentMiBps = warm;
    // A stream switched to on-demand starts scaling from the shards it has [U]; one already on-demand goes on.
    if (was !== 'ON_DEMAND') startScaling(stream, change.dueAtMs);
    else rejudgeScaling(stream, change.dueAtMs);
  } else {
    stream.warmThroughputTargetMiBps = stream.warmThroughputCurrentMiBps = undefined;
    stream.onDemandScaling = undefined;
  }
}

function shardAt(stream: Stream, index: number) {
  const shard = stream.shards[index];
  assert(shard !== undefined, `pending change names shard ${index}, which ${stream.name} does not have`);
  return shard;
}
