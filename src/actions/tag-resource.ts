// TagResource — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_TagResource.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { TagResourceInput } from '../api-types/tags.js';
import { findResource, requireActiveResource } from './_internals/resource-ref.js';
import { addTags } from './_internals/tag-rules.js';

export function tagResource(account: Account, input: TagResourceInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const resource = findResource(account, input.ResourceARN);
  requireActiveResource(account, resource, nowMs);
  addTags(resource.tags, input.Tags, { kind: resource.kind, name: resource.name, accountId: account.accountId });
  return {};
}
