// UpdateMaxRecordSize — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateMaxRecordSize.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { UpdateMaxRecordSizeInput } from '../api-types/stream-settings.js';
import { activeStream } from './_internals/active-stream.js';

/**
 * The range 1024..10240 KiB is the validator's. [U] The stream must be ACTIVE, and the new limit applies at
 * once (AWS documents no UPDATING): the next PutRecord/PutRecords is checked against it.
 * @throws InvalidArgumentException (no StreamARN), ResourceNotFoundException, ResourceInUseException
 */
export function updateMaxRecordSize(account: Account, input: UpdateMaxRecordSizeInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, { StreamARN: input.StreamARN }, nowMs);
  stream.maxRecordSizeKiB = input.MaxRecordSizeInKiB;
  return {};
}
