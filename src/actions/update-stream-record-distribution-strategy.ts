// UpdateStreamRecordDistributionStrategy — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamRecordDistributionStrategy.html

import { InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { UpdateStreamRecordDistributionStrategyInput } from '../api-types/stream-settings.js';
import { activeStream } from './_internals/active-stream.js';

/**
 * Takes effect at once, without an UPDATING period [D]: records put from now on are placed by the new strategy;
 * records already stored stay where they are [D]. Setting the strategy a stream already has succeeds [U].
 * [U] The stream must be ACTIVE (kinesim's status rule for settings changes).
 * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException (AUTO on a provisioned stream [D])
 */
export function updateStreamRecordDistributionStrategy(account: Account, input: UpdateStreamRecordDistributionStrategyInput): EmptyOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, { StreamARN: input.StreamARN }, nowMs);
  const strategy = input.RecordDistributionStrategy;
  // "Attempting to set AUTO on a provisioned stream results in an InvalidArgumentException" [D]; [U] the text, and
  // that USER_PARTITION_KEY (what a provisioned stream does anyway) is accepted.
  if (strategy === 'AUTO' && stream.mode !== 'ON_DEMAND') {
    throw new InvalidArgumentException(msg.autoOnProvisioned(stream.name, account.accountId));
  }
  stream.recordDistributionStrategy = strategy;
  return {};
}
