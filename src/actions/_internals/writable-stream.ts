// The stream a write goes to: it must exist and accept writes (ACTIVE or UPDATING).

import { ResourceNotFoundException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Stream } from '../../model/stream.js';
import type { StreamRef } from '../../api-types/common.js';
import { findStream } from './stream-ref.js';

/**
 * @throws ResourceNotFoundException when the stream is missing, CREATING ([K]) or DELETING ([U]: AWS may
 * still accept writes until the stream is gone; kinesim refuses them at once).
 */
export function writableStream(account: Account, ref: StreamRef, nowMs: number): Stream {
  const stream = findStream(account, ref);
  const status = stream.status(nowMs);
  if (status === 'CREATING' || status === 'DELETING') {
    throw new ResourceNotFoundException(msg.streamNotFound(stream.name, account.accountId));
  }
  return stream;
}
