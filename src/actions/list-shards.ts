// ListShards — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html

import { InvalidArgumentException, ResourceInUseException, ResourceNotFoundException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { encodeNextToken } from '../tokens/next-token.js';
import { nextTokenState } from './_internals/next-token-state.js';
import type { Account } from '../model/account.js';
import { LIST_SHARDS_MAX_SHARDS } from '../model/limits.js';
import type { Shard } from '../model/shard.js';
import type { Stream } from '../model/stream.js';
import type { ListShardsInput, ListShardsOutput, ShardFilterType } from '../api-types/shards.js';
import { shardOutput } from './output/shard-output.js';
import { findStream } from './_internals/stream-ref.js';

const TOKEN_KIND = 'ListShards';

/** What a NextToken remembers: the stream incarnation, the filter, and the last shard returned. */
interface ListShardsState {
  name: string;
  incarnation: number;
  after: string | undefined;
  type: ShardFilterType;
  shardId: string | undefined;
  timestampMs: number | undefined;
}

export function listShards(account: Account, input: ListShardsInput): ListShardsOutput {
  const nowMs = account.timeline.now();
  const state = input.NextToken === undefined ? fromRequest(account, input) : fromToken(account, input, nowMs);
  const stream = account.streams.get(state.name);
  if (stream === undefined || stream.incarnation !== state.incarnation) {
    throw new ResourceNotFoundException(msg.streamNotFound(state.name, account.accountId));
  }
  const status = stream.status(nowMs);
  // KCL reads ResourceInUse as "not ACTIVE or UPDATING" while a stream is being created or deleted.
  if (status === 'CREATING' || status === 'DELETING') {
    throw new ResourceInUseException(msg.streamNotActive(stream.name, account.accountId, status));
  }
  const limit = Math.min(input.MaxResults ?? LIST_SHARDS_MAX_SHARDS, LIST_SHARDS_MAX_SHARDS);
  const matching = filterShards(stream, state, nowMs);
  const page = matching.slice(0, limit);
  const out: ListShardsOutput = { Shards: page.map(shardOutput) };
  if (matching.length > limit) {
    out.NextToken = encodeNextToken(account.sealer, TOKEN_KIND, { ...state, after: page[page.length - 1]!.id }, nowMs);
  }
  return out;
}

function fromRequest(account: Account, input: ListShardsInput): ListShardsState {
  if (input.StreamName === undefined && input.StreamARN === undefined) {
    throw new InvalidArgumentException(msg.listShardsNeedsStream());
  }
  const stream = findStream(account, input);
  const created = input.StreamCreationTimestamp;
  // [U] A creation timestamp that is not this incarnation's names a stream that no longer exists.
  if (created !== undefined && Math.floor(created.getTime() / 1000) !== Math.floor(stream.createdAtMs / 1000)) {
    throw new ResourceNotFoundException(msg.streamNotFound(stream.name, account.accountId));
  }
  const filter = input.ShardFilter;
  const type = filter?.Type ?? 'FROM_TRIM_HORIZON';
  // [U] AWS's texts for a filter missing its ShardId or Timestamp are not public.
  if (type === 'AFTER_SHARD_ID' && filter?.ShardId === undefined) {
    throw new InvalidArgumentException(msg.shardFilterNeedsShardId());
  }
  if ((type === 'AT_TIMESTAMP' || type === 'FROM_TIMESTAMP') && filter?.Timestamp === undefined) {
    throw new InvalidArgumentException(msg.shardFilterNeedsTimestamp(type));
  }
  return {
    name: stream.name,
    incarnation: stream.incarnation,
    after: input.ExclusiveStartShardId,
    type,
    shardId: filter?.ShardId,
    timestampMs: filter?.Timestamp?.getTime(),
  };
}

function fromToken(account: Account, input: ListShardsInput, nowMs: number): ListShardsState {
  const conflicts: [string, unknown][] = [
    ['StreamName', input.StreamName],
    ['StreamARN', input.StreamARN],
    ['ExclusiveStartShardId', input.ExclusiveStartShardId],
    ['ShardFilter', input.ShardFilter],
    ['StreamCreationTimestamp', input.StreamCreationTimestamp],
  ];
  for (const [member, value] of conflicts) {
    if (value !== undefined) throw new InvalidArgumentException(msg.listShardsTokenWith(member));
  }
  return nextTokenState<ListShardsState>(account.sealer, TOKEN_KIND, input.NextToken!, nowMs);
}

/** The shards a filter selects, in shard-ID order; expired shards are never listed. */
function filterShards(stream: Stream, state: ListShardsState, nowMs: number): Shard[] {
  const horizonMs = Math.max(stream.cutoffMs(nowMs), stream.activeAtMs);
  // Open at t: opened by t and not yet closed, or closed exactly at t while still holding a record written at
  // t (so a reader starting at t misses nothing). Intermediate shards of a reshard open and close at the same
  // instant without records, and are not listed as open at that instant.
  const openAt = (shard: Shard, t: number) =>
    shard.openedAtMs <= t &&
    (shard.closedAtMs === undefined || shard.closedAtMs > t || (shard.closedAtMs === t && lastArrivalMs(shard) >= t));
  let keep: (shard: Shard) => boolean;
  switch (state.type) {
    case 'AT_LATEST':
      keep = (s) => s.isOpen;
      break;
    case 'AT_TRIM_HORIZON':
      keep = (s) => openAt(s, horizonMs);
      break;
    case 'AT_TIMESTAMP': {
      // A time before the trim horizon means the trim horizon (as for a GetShardIterator AT_TIMESTAMP): the
      // shards open then may have expired, and their unexpired children must cover the key space instead.
      const t = Math.max(state.timestampMs!, horizonMs);
      keep = (s) => openAt(s, t);
      break;
    }
    case 'FROM_TIMESTAMP': {
      const t = Math.max(state.timestampMs!, horizonMs);
      keep = (s) => s.closedAtMs === undefined || s.closedAtMs >= t;
      break;
    }
    case 'AFTER_SHARD_ID': {
      const after = state.shardId!;
      keep = (s) => s.id > after;
      break;
    }
    default:
      keep = () => true;
  }
  const after = state.after;
  stream.releaseExpiredShards(nowMs);
  return stream.visibleShards(nowMs).filter((s) => (after === undefined || s.id > after) && keep(s));
}

function lastArrivalMs(shard: Shard): number {
  const log = shard.log;
  return log.length > log.firstIndex ? log.arrivalAt(log.length - 1) : -Infinity;
}
