// The checks and effect IncreaseStreamRetentionPeriod and DecreaseStreamRetentionPeriod share.

import { InvalidArgumentException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import { RETENTION_MAX_HOURS, RETENTION_MIN_HOURS } from '../../model/limits.js';
import type { StreamRef } from '../../api-types/common.js';
import { requireActive } from './active-stream.js';
import { findStream } from './stream-ref.js';


/**
 * Sets a stream's retention period after AWS's checks: existence, status, range, then direction ([K]).
 * Equal to the current value is accepted and changes nothing.
 */
export function changeRetention(account: Account, ref: StreamRef, hours: number, direction: 'increase' | 'decrease'): void {
  const nowMs = account.timeline.now();
  const stream = findStream(account, ref);
  // [U] AWS's table of statuses that refuse a retention change is not public; kinesim accepts only ACTIVE.
  requireActive(account, stream, nowMs);
  if (hours < RETENTION_MIN_HOURS) throw new InvalidArgumentException(msg.retentionTooShort(hours, RETENTION_MIN_HOURS));
  if (hours > RETENTION_MAX_HOURS) throw new InvalidArgumentException(msg.retentionTooLong(hours, RETENTION_MAX_HOURS));
  const current = stream.retentionHours;
  if (direction === 'increase' && hours < current) {
    throw new InvalidArgumentException(msg.retentionNotLonger(hours, stream.name, current));
  }
  if (direction === 'decrease' && hours > current) {
    throw new InvalidArgumentException(msg.retentionNotShorter(hours, stream.name, current));
  }
  // [U] Whether AWS passes through UPDATING here is unverified; kinesim keeps the stream ACTIVE, so the
  // change (and the data it hides) takes effect at once.
  stream.setRetentionHours(hours, nowMs);
}
