// Recording a stream change that takes effect when the stream leaves UPDATING (reshards, settings).

import type { Account } from '../../model/account.js';
import type { PendingChange } from '../../model/pending-change.js';
import type { Stream } from '../../model/stream.js';

/** A pending change as an action describes it; scheduling adds when it is due. */
export type ChangeRequest = PendingChange extends infer C ? (C extends PendingChange ? Omit<C, 'dueAtMs'> : never) : never;

/**
 * Puts the stream in UPDATING with `change` pending; the model applies it once `updateStreamDelayMs` has
 * passed on the clock (with no delay, before this returns). Until then DescribeStream and ListShards show the
 * old shards, and the account quotas count `change.reserves` against other requests.
 */
export function scheduleChange(account: Account, stream: Stream, nowMs: number, change: ChangeRequest): void {
  const dueAtMs = nowMs + account.updateStreamDelayMs;
  stream.pending = Object.assign({ dueAtMs }, change) as PendingChange;
  account.timeline.schedule(dueAtMs);
  account.timeline.settle();
}
