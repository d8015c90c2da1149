// ListChannels — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListChannels.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { encodeNextToken } from '../tokens/next-token.js';
import type { Account } from '../model/account.js';
import type { Channel } from '../model/channel.js';
import { LIST_CHANNELS_MAX_CHANNELS } from '../model/limits.js';
import type { ListChannelsInput, ListChannelsOutput, StreamFilter } from '../api-types/channels.js';
import { nextTokenState } from './_internals/next-token-state.js';
import { channelSummary } from './output/channel-output.js';

const TOKEN_KIND = 'ListChannels';

/** What a NextToken remembers: the creation serial of the last channel returned. */
interface ListChannelsState {
  after: number;
}

/**
 * Channels in every status, [U] in creation order. MaxResults defaults to 100 and is capped at 100 [M doc]. A
 * StreamFilter keeps the channels of the streams it names (and, with StreamCreationTimestamp, of that incarnation,
 * compared in whole seconds [U]); a filter naming no stream returns an empty list, not an error [M: no
 * ResourceNotFoundException]. The filter is applied to every page: the SDK's paginator resends it with NextToken.
 * @throws InvalidArgumentException for a token this engine did not issue,
 * ExpiredNextTokenException after the token lifetime
 */
export function listChannels(account: Account, input: ListChannelsInput): ListChannelsOutput {
  const nowMs = account.timeline.now();
  let after = 0;
  if (input.NextToken !== undefined) {
    const state = nextTokenState<ListChannelsState>(account.sealer, TOKEN_KIND, input.NextToken, nowMs);
    if (!Number.isSafeInteger(state.after)) throw new InvalidArgumentException(msg.invalidNextToken());
    after = state.after;
  }
  const filters = input.StreamFilter;
  const matching = [...account.channels.values()].filter(
    (c) => c.serial > after && (filters === undefined || filters.some((f) => matches(c, f))),
  );
  const limit = Math.min(input.MaxResults ?? LIST_CHANNELS_MAX_CHANNELS, LIST_CHANNELS_MAX_CHANNELS);
  const page = matching.slice(0, limit);
  const out: ListChannelsOutput = { ChannelSummaries: page.map((c) => channelSummary(c, nowMs)) };
  if (matching.length > limit) {
    const state: ListChannelsState = { after: page[page.length - 1]!.serial };
    out.NextToken = encodeNextToken(account.sealer, TOKEN_KIND, state, nowMs);
  }
  return out;
}

function matches(channel: Channel, filter: StreamFilter): boolean {
  if (filter.StreamARN !== channel.source.streamArn) return false;
  const created = filter.StreamCreationTimestamp;
  return created === undefined || Math.floor(created.getTime() / 1000) === Math.floor(channel.source.streamCreatedAtMs / 1000);
}
