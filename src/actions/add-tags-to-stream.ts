// AddTagsToStream — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_AddTagsToStream.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../shapes/common.js';
import type { AddTagsToStreamInput } from '../shapes/tags.js';
import { activeStream } from './active-stream.js';
import { addTags } from './tag-rules.js';

export function addTagsToStream(account: Account, input: AddTagsToStreamInput): EmptyOutput {
  const nowMs = account.now();
  const stream = activeStream(account, input, nowMs);
  addTags(stream.tags, input.Tags, { kind: 'stream', name: stream.name, accountId: account.accountId });
  return {};
}
