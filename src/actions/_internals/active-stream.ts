// The stream a settings change (tags, encryption, monitoring, consumers, mode) applies to: it must be ACTIVE.

import { ResourceInUseException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Stream } from '../../model/stream.js';
import type { StreamRef } from '../../api-types/common.js';
import { findStream } from './stream-ref.js';

/**
 * @throws InvalidArgumentException for a missing or inconsistent reference
 * @throws ResourceNotFoundException when no such stream exists
 * @throws ResourceInUseException when it is CREATING, UPDATING or DELETING ([U]: the status rules in the README's Divergences; the text
 * is the one AWS uses for resharding a busy stream)
 */
export function activeStream(account: Account, ref: StreamRef, nowMs: number): Stream {
  const stream = findStream(account, ref);
  requireActive(account, stream, nowMs);
  return stream;
}

/** @throws ResourceInUseException unless `stream` is ACTIVE */
export function requireActive(account: Account, stream: Stream, nowMs: number): void {
  const status = stream.status(nowMs);
  if (status !== 'ACTIVE') throw new ResourceInUseException(msg.streamNotActive(stream.name, account.accountId, status));
}
