// ListTagsForStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListTagsForStream.html

import type { Account } from '../model/account.js';
import type { ListTagsForStreamInput, ListTagsForStreamOutput } from '../api-types/tags.js';
import { findStream } from './_internals/stream-ref.js';
import { sortedTags } from './_internals/tag-rules.js';

/** [U] The model caps Limit at 50 but documents no default; kinesim returns up to 50. */
export const LIST_TAGS_DEFAULT_LIMIT = 50;

/** Reads are allowed in every status (the operation models no ResourceInUseException). */
export function listTagsForStream(account: Account, input: ListTagsForStreamInput): ListTagsForStreamOutput {
  account.timeline.settle();
  const stream = findStream(account, input);
  const after = input.ExclusiveStartTagKey;
  const tags = sortedTags(stream.tags).filter((t) => after === undefined || t.Key > after);
  const limit = input.Limit ?? LIST_TAGS_DEFAULT_LIMIT;
  return { Tags: tags.slice(0, limit), HasMoreTags: tags.length > limit };
}
