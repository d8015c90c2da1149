// ListTagsForResource — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListTagsForResource.html

import type { Account } from '../model/account.js';
import type { ListTagsForResourceInput, ListTagsForResourceOutput } from '../api-types/tags.js';
import { findResource } from './_internals/resource-ref.js';
import { sortedTags } from './_internals/tag-rules.js';

/** [U] Allowed in every status of the stream or consumer, like ListTagsForStream; tags come in key order. */
export function listTagsForResource(account: Account, input: ListTagsForResourceInput): ListTagsForResourceOutput {
  account.timeline.settle();
  const resource = findResource(account, input.ResourceARN);
  return { Tags: sortedTags(resource.tags) };
}
