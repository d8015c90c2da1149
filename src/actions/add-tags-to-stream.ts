// AddTagsToStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_AddTagsToStream.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { AddTagsToStreamInput } from '../api-types/tags.js';
import { activeStream } from './_internals/active-stream.js';
import { addTags } from './_internals/tag-rules.js';

export function addTagsToStream(account: Account, input: AddTagsToStreamInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, input, nowMs);
  addTags(stream.tags, input.Tags, { kind: 'stream', name: stream.name, accountId: account.accountId });
  return {};
}
