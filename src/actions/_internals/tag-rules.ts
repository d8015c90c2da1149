// The rules every tag write obeys: characters, the reserved prefix, the per-resource limit
// (https://docs.aws.amazon.com/streams/latest/dev/tagging.html; texts [K]).

import { InvalidArgumentException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import { RESOURCE_MAX_TAGS } from '../../model/limits.js';
import type { Tag } from '../../api-types/common.js';


/** Characters AWS accepted in tag keys and values when kinesalite was tested against it [K]. */
const VALID_TAG_TEXT = /^[\u00C0-\u1FFF\u2C00-\uD7FF\w./\-=+ @%]*$/;
const RESERVED_PREFIX = 'aws:';

/** Who a tag change is about, as the messages name it. */
export interface TagTarget {
  readonly kind: 'stream' | 'consumer' | 'channel';
  readonly name: string;
  readonly accountId: string;
}

/**
 * Checks the keys (and values) of a tag change, in kinesalite's order: the reserved prefix first ([U]: ':'
 * is not a valid character, so the prefix would otherwise never be reported), then any invalid character,
 * then '%' (valid per the first message, refused by the second).
 * @throws InvalidArgumentException
 */
export function checkTagText(
  keys: readonly string[],
  values: readonly string[],
  verb: 'add tags to' | 'remove tags from',
  target: TagTarget,
): void {
  const reserved = keys.filter((k) => k.startsWith(RESERVED_PREFIX));
  if (reserved.length > 0) throw new InvalidArgumentException(msg.tagsAwsPrefix(reserved));
  let percent = false;
  for (const list of [keys, values]) {
    for (const text of list) {
      if (!VALID_TAG_TEXT.test(text)) throw new InvalidArgumentException(msg.tagsInvalidCharacters());
      if (text.includes('%')) percent = true;
    }
  }
  if (percent) throw new InvalidArgumentException(msg.tagsIllegalCharacters(verb, target.kind, target.name, target.accountId));
}

/**
 * Checks and applies an add: existing keys are overwritten, and the result may hold at most 50 tags.
 * Nothing changes when a check fails.
 * @throws InvalidArgumentException
 */
export function addTags(tags: Map<string, string>, added: Readonly<Record<string, string>>, target: TagTarget): void {
  const keys = Object.keys(added);
  checkTagText(keys, keys.map((k) => added[k]!), 'add tags to', target);
  let count = tags.size;
  for (const key of keys) if (!tags.has(key)) count++;
  if (count > RESOURCE_MAX_TAGS) {
    throw new InvalidArgumentException(msg.tagsTooMany(target.kind, target.name, target.accountId, RESOURCE_MAX_TAGS));
  }
  for (const key of keys) tags.set(key, added[key]!);
}

/** Checks and applies a removal; keys that are not there are ignored [M]. @throws InvalidArgumentException */
export function removeTags(tags: Map<string, string>, keys: readonly string[], target: TagTarget): void {
  checkTagText(keys, [], 'remove tags from', target);
  for (const key of keys) tags.delete(key);
}

/** Tags in key order (UTF-16 code units, which is what AWS's listing order matches [K]). */
export function sortedTags(tags: ReadonlyMap<string, string>): Tag[] {
  return [...tags.keys()].sort().map((Key) => ({ Key, Value: tags.get(Key)! }));
}
