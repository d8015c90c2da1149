// UpdateStreamWarmThroughput — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamWarmThroughput.html

import { InvalidArgumentException, LimitExceededException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { WARM_THROUGHPUT_MAX_MIBPS } from '../model/limits.js';
import type { UpdateStreamWarmThroughputInput, UpdateStreamWarmThroughputOutput } from '../api-types/stream-settings.js';
import { activeStream } from './_internals/active-stream.js';
import { scheduleChange } from './_internals/schedule-change.js';


/**
 * Only on-demand streams in accounts with MinimumThroughputBillingCommitment enabled [D]. The stream goes
 * UPDATING; the answer reports the new target and the throughput reached so far, which becomes the target
 * when UPDATING ends. [U] Exceptions and texts of the refusals.
 * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException
 */
export function updateStreamWarmThroughput(
  account: Account,
  input: UpdateStreamWarmThroughputInput,
): UpdateStreamWarmThroughputOutput {
  const nowMs = account.timeline.now();
  const stream = activeStream(account, input, nowMs);
  if (stream.mode !== 'ON_DEMAND') throw new InvalidArgumentException(msg.warmThroughputProvisioned(stream.name, account.accountId));
  if (!account.billingCommitment.isEnabled(nowMs)) {
    throw new InvalidArgumentException(msg.warmThroughputNeedsCommitment(account.accountId));
  }
  const target = input.WarmThroughputMiBps;
  if (target > WARM_THROUGHPUT_MAX_MIBPS) throw new LimitExceededException(msg.warmThroughputTooHigh(target, WARM_THROUGHPUT_MAX_MIBPS));
  const current = stream.warmThroughputCurrentMiBps ?? 0;
  stream.warmThroughputTargetMiBps = target;
  stream.warmThroughputCurrentMiBps = current;
  scheduleChange(account, stream, nowMs, { kind: 'warmThroughput', targetMiBps: target });
  return { StreamARN: stream.arn, StreamName: stream.name, WarmThroughput: { TargetMiBps: target, CurrentMiBps: current } };
}
