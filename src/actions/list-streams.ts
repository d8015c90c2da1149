// ListStreams — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreams.html

import { encodeNextToken } from '../tokens/next-token.js';
import { nextTokenState } from './_internals/next-token-state.js';
import type { Account } from '../model/account.js';
import { LIST_STREAMS_MAX_STREAMS } from '../model/limits.js';
import type { ListStreamsInput, ListStreamsOutput } from '../api-types/streams.js';

const TOKEN_KIND = 'ListStreams';

export function listStreams(account: Account, input: ListStreamsInput): ListStreamsOutput {
  const nowMs = account.timeline.now();
  const limit = Math.min(input.Limit ?? LIST_STREAMS_MAX_STREAMS, LIST_STREAMS_MAX_STREAMS);
  let after = input.ExclusiveStartStreamName;
  if (input.NextToken !== undefined) {
    const state = nextTokenState<{ after: string }>(account.sealer, TOKEN_KIND, input.NextToken, nowMs);
    // [U] With both, the later starting point wins; AWS documents no conflict error for ListStreams.
    if (after === undefined || state.after > after) after = state.after;
  }
  // Byte order, like AWS: stream names are ASCII, so UTF-16 order is byte order.
  const names = [...account.streams.keys()].filter((n) => after === undefined || n > after).sort(byCodeUnit);
  const page = names.slice(0, limit);
  const hasMore = names.length > limit;
  const out: ListStreamsOutput = {
    StreamNames: page,
    HasMoreStreams: hasMore,
    StreamSummaries: page.map((name) => {
      const stream = account.streams.get(name)!;
      return {
        StreamName: name,
        StreamARN: stream.arn,
        StreamStatus: stream.status(nowMs),
        StreamModeDetails: { StreamMode: stream.mode },
        StreamCreationTimestamp: new Date(stream.createdAtMs),
      };
    }),
  };
  if (hasMore) out.NextToken = encodeNextToken(account.sealer, TOKEN_KIND, { after: page[page.length - 1] }, nowMs);
  return out;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
