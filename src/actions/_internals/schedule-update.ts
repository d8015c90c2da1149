// Scheduling a stream change that takes effect when the stream leaves UPDATING (reshards).

import type { Account } from '../../model/account.js';
import type { QuotaReservation, Stream } from '../../model/stream.js';

/**
 * Puts the stream in UPDATING and applies `apply` once `updateStreamDelayMs` has passed on the clock; with
 * no delay it applies before this returns. Until then DescribeStream and ListShards show the old shards,
 * and the account quotas count `reserves` (what the change will take) against other requests.
 */
export function scheduleUpdate(
  account: Account,
  stream: Stream,
  nowMs: number,
  apply: (atMs: number) => void,
  reserves?: QuotaReservation,
): void {
  const dueAtMs = nowMs + account.updateStreamDelayMs;
  stream.pending = { dueAtMs, reserves, apply };
  account.schedule(dueAtMs);
  account.now();
}
