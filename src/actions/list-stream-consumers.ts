// ListStreamConsumers — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html

import { InvalidArgumentException, ResourceNotFoundException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { encodeNextToken } from '../tokens/next-token.js';
import { nextTokenState } from './_internals/next-token-state.js';
import type { Account } from '../model/account.js';
import { LIST_STREAM_CONSUMERS_MAX_CONSUMERS } from '../model/limits.js';
import type { ListStreamConsumersInput, ListStreamConsumersOutput } from '../api-types/consumers.js';
import { consumerOutput } from './output/consumer-output.js';
import { findStream } from './_internals/stream-ref.js';

const TOKEN_KIND = 'ListStreamConsumers';

/** What a NextToken remembers: the stream incarnation and the last consumer name returned. */
interface ListConsumersState {
  incarnation: number;
  after: string;
}

/**
 * Consumers in every status, [U] in name order (AWS documents none). Works in every stream status.
 * @throws ResourceNotFoundException, InvalidArgumentException, ExpiredNextTokenException
 */
export function listStreamConsumers(account: Account, input: ListStreamConsumersInput): ListStreamConsumersOutput {
  const nowMs = account.timeline.now();
  const stream = findStream(account, { StreamARN: input.StreamARN });
  const created = input.StreamCreationTimestamp;
  // [U] As ListShards: a creation timestamp that is not this incarnation's names a stream that is gone.
  const createdSecs = created === undefined || created === null ? undefined : Math.floor(created.getTime() / 1000);
  if (createdSecs !== undefined && createdSecs !== Math.floor(stream.createdAtMs / 1000)) {
    throw new ResourceNotFoundException(msg.streamNotFound(stream.name, account.accountId));
  }
  let after: string | undefined;
  if (input.NextToken !== undefined && input.NextToken !== null) {
    const state = nextTokenState<ListConsumersState>(account.sealer, TOKEN_KIND, input.NextToken, nowMs);
    // [U] A token of another stream (or of an earlier stream of that name) is not valid here.
    if (state.incarnation !== stream.incarnation) throw new InvalidArgumentException(msg.invalidNextToken());
    after = state.after;
  }
  const limit = Math.min(input.MaxResults ?? LIST_STREAM_CONSUMERS_MAX_CONSUMERS, LIST_STREAM_CONSUMERS_MAX_CONSUMERS);
  const names = [...stream.consumers.keys()].filter((n) => after === undefined || n > after).sort();
  const page = names.slice(0, limit);
  const out: ListStreamConsumersOutput = { Consumers: page.map((n) => consumerOutput(stream.consumers.get(n)!, nowMs)) };
  if (names.length > limit) {
    const state: ListConsumersState = { incarnation: stream.incarnation, after: page[page.length - 1]! };
    out.NextToken = encodeNextToken(account.sealer, TOKEN_KIND, state, nowMs);
  }
  return out;
}
