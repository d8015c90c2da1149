// DryRun of the data-plane operations: every check an actual call makes has passed, so the answer is
// DryRunOperationException, and nothing changes (https://docs.aws.amazon.com/streams/latest/dev/kds-dryrun-validation.html).

import { DryRunOperationException, ThrottlingException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import { DRY_RUN_CALLS_PER_SECOND } from '../../model/limits.js';
import type { Stream } from '../../model/stream.js';

/**
 * Answers a DryRun request that passed every check. DryRun calls have a limit of their own, 1 per second per stream
 * across the DryRun operations, separate from the shards' throughput [D]: enforced with the throughputLimits option,
 * per one-second window of the clock like the shard limits [U]; a throttled call counts toward nothing.
 * A dry run never counts toward (nor is refused by) the shard's throughput limits: it reads and writes nothing [D].
 * @throws ThrottlingException over the DryRun limit (AWS's name; [U] the stream-level rate text)
 * @throws DryRunOperationException otherwise ([U] text: AWS's is not public)
 */
export function answerDryRun(account: Account, stream: Stream, nowMs: number): never {
  if (account.throughputLimits) {
    const second = Math.floor(nowMs / 1000);
    const window = stream.dryRunWindow;
    const used = window[0] === second ? window[1] : 0;
    if (used >= DRY_RUN_CALLS_PER_SECOND) throw new ThrottlingException(msg.rateExceededStream(stream.name, account.accountId));
    window[0] = second;
    window[1] = used + 1;
  }
  throw new DryRunOperationException(msg.dryRun());
}
