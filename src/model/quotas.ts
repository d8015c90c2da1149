// The account quotas, counted over the account's streams: what DescribeLimits reports and what requests are
// held against (a pending change counts as done where it asks for more).

import type { Stream } from './stream.js';

/** Streams in on-demand mode (what OnDemandStreamCountLimit counts). */
export function onDemandStreamCount(streams: ReadonlyMap<string, Stream>): number {
  let n = 0;
  for (const stream of streams.values()) if (stream.mode === 'ON_DEMAND') n++;
  return n;
}

/**
 * Open shards of the account's provisioned streams: what the account shard quota counts (on-demand
 * streams have their own quota, OnDemandStreamCountLimit).
 */
export function openShardCount(streams: ReadonlyMap<string, Stream>): number {
  let n = 0;
  for (const stream of streams.values()) {
    if (stream.mode !== 'PROVISIONED' || stream.deletedWhileCreating) continue;
    for (const shard of stream.shards) if (shard.isOpen) n++;
  }
  return n;
}

/**
 * What the account shard quota holds against a new request: the open shards of provisioned streams, with
 * a pending change counted as done where it asks for more (a split's extra shard, an UpdateShardCount's
 * target, a stream switching to provisioned). DescribeLimits reports openShardCount, the shards open now.
 */
export function shardQuotaUsage(streams: ReadonlyMap<string, Stream>): number {
  let n = 0;
  for (const stream of streams.values()) {
    const reserved = stream.pending?.reserves;
    if (stream.deletedWhileCreating) continue;
    if (stream.mode !== 'PROVISIONED' && reserved?.mode !== 'PROVISIONED') continue;
    let open = 0;
    for (const shard of stream.shards) if (shard.isOpen) open++;
    n += Math.max(open, reserved?.openShards ?? open);
  }
  return n;
}

/** What the on-demand stream quota holds against a new request: on-demand streams and streams switching to on-demand. */
export function onDemandQuotaUsage(streams: ReadonlyMap<string, Stream>): number {
  let n = 0;
  for (const stream of streams.values()) {
    if (stream.mode === 'ON_DEMAND' || stream.pending?.reserves?.mode === 'ON_DEMAND') n++;
  }
  return n;
}
