// The checks and effect StartStreamEncryption and StopStreamEncryption share.

import { InvalidArgumentException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { EncryptionType, StreamRef } from '../../api-types/common.js';
import { activeStream } from './active-stream.js';
import { scheduleChange } from './schedule-change.js';

/**
 * Checks (exists, ACTIVE, EncryptionType KMS) then puts the stream in UPDATING; when that ends the stream
 * reports `target` (with `keyId` when KMS) and every record written from then on carries it.
 * No KMS is consulted: any KeyId is accepted, stored and echoed.
 * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException
 */
export function changeEncryption(
  account: Account,
  ref: StreamRef,
  requestedType: EncryptionType,
  keyId: string,
  target: EncryptionType,
): void {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, ref, nowMs);
  if (requestedType !== 'KMS') throw new InvalidArgumentException(msg.encryptionKmsOnly());
  const change = target === 'KMS' ? { kind: 'encryption', type: target, keyId } as const : { kind: 'encryption', type: target } as const;
  scheduleChange(account, stream, nowMs, change);
}
