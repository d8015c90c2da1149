// UntagResource — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UntagResource.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { UntagResourceInput } from '../api-types/tags.js';
import { findResource, requireActiveResource } from './_internals/resource-ref.js';
import { removeTags } from './_internals/tag-rules.js';

export function untagResource(account: Account, input: UntagResourceInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const resource = findResource(account, input.ResourceARN);
  requireActiveResource(account, resource, nowMs);
  removeTags(resource.tags, input.TagKeys, { kind: resource.kind, name: resource.name, accountId: account.accountId });
  return {};
}
