// RemoveTagsFromStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RemoveTagsFromStream.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { RemoveTagsFromStreamInput } from '../api-types/tags.js';
import { activeStream } from './_internals/active-stream.js';
import { removeTags } from './_internals/tag-rules.js';

export function removeTagsFromStream(account: Account, input: RemoveTagsFromStreamInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, input, nowMs);
  removeTags(stream.tags, input.TagKeys, { kind: 'stream', name: stream.name, accountId: account.accountId });
  return {};
}
