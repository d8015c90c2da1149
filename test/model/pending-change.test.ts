// Pending changes are plain data: what an UPDATING stream holds can be written out as JSON, read back, and
// applied by applyPendingChange with the same result as the original.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/index.js';
import { Account } from '../../src/model/account.js';
import type { PendingChange } from '../../src/model/pending-change.js';
import { OPERATIONS, type InputOf, type ServedOperationName } from '../../src/operations/registry.js';
import { resolveOptions } from '../../src/options.js';
import { T0 } from '../support/stream-fixture.js';

const DELAY_MS = 1000;
const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';

/** Runs an operation's action on the account (inputs here are valid, so validation is left out). */
function run<K extends ServedOperationName>(account: Account, operation: K, input: InputOf<K>): unknown {
  return (OPERATIONS[operation].action as (account: Account, input: InputOf<K>) => unknown)(account, input);
}

interface Case {
  readonly name: string;
  readonly mode?: 'ON_DEMAND';
  readonly request: (account: Account) => void;
  readonly pending: PendingChange;
}

const CASES: readonly Case[] = [
  {
    name: 'split',
    request: (a) => run(a, 'SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }),
    pending: { kind: 'split', shardIndex: 0, newStartingHashKey: '1000', reserves: { openShards: 3 }, dueAtMs: T0 + DELAY_MS },
  },
  {
    name: 'merge',
    request: (a) => run(a, 'MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' }),
    pending: { kind: 'merge', shardIndex: 0, adjacentShardIndex: 1, dueAtMs: T0 + DELAY_MS },
  },
  {
    name: 'scale',
    request: (a) => run(a, 'UpdateShardCount', { StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' }),
    pending: { kind: 'scale', targetShardCount: 3, reserves: { openShards: 3 }, dueAtMs: T0 + DELAY_MS },
  },
  {
    name: 'encryption',
    request: (a) => run(a, 'StartStreamEncryption', { StreamName: 's', EncryptionType: 'KMS', KeyId: 'alias/k' }),
    pending: { kind: 'encryption', type: 'KMS', keyId: 'alias/k', dueAtMs: T0 + DELAY_MS },
  },
  {
    name: 'mode',
    request: (a) => run(a, 'UpdateStreamMode', { StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' }, WarmThroughputMiBps: 8 }),
    pending: { kind: 'mode', mode: 'ON_DEMAND', warmThroughputMiBps: 8, reserves: { mode: 'ON_DEMAND' }, dueAtMs: T0 + DELAY_MS },
  },
  {
    name: 'warmThroughput',
    mode: 'ON_DEMAND',
    request: (a) => {
      run(a, 'UpdateAccountSettings', { MinimumThroughputBillingCommitment: { Status: 'ENABLED' } });
      run(a, 'UpdateStreamWarmThroughput', { StreamName: 's', WarmThroughputMiBps: 64 });
    },
    pending: { kind: 'warmThroughput', targetMiBps: 64, dueAtMs: T0 + DELAY_MS },
  },
];

/** An account holding stream 's' (2 shards, or on-demand) with the case's change pending. */
function pendingAccount(c: Case): { account: Account; clock: ManualClock } {
  const clock = new ManualClock(T0);
  const account = new Account(resolveOptions({ clock, updateStreamDelayMs: DELAY_MS }));
  run(account, 'CreateStream', c.mode === 'ON_DEMAND' ? { StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' } } : { StreamName: 's', ShardCount: 2 });
  run(account, 'PutRecord', { StreamName: 's', PartitionKey: 'before', Data: new Uint8Array([1]) });
  c.request(account);
  return { account, clock };
}

/** Everything observable about the stream once the change has applied, and a record written after it. */
function afterApplying(account: Account, clock: ManualClock): unknown {
  clock.advance(DELAY_MS);
  const put = run(account, 'PutRecord', { StreamName: 's', PartitionKey: 'after', Data: new Uint8Array([2]) });
  return {
    put,
    summary: run(account, 'DescribeStreamSummary', { StreamName: 's' }),
    graph: run(account, 'DescribeShardGraph', { StreamName: 's' }),
  };
}

describe('pending changes', () => {
  it.each(CASES)('$name is stored as plain data that survives JSON', (c) => {
    const { account } = pendingAccount(c);
    const pending = account.streams.get('s')!.pending;
    expect(pending).toEqual(c.pending);
    expect(JSON.parse(JSON.stringify(pending))).toEqual(pending);
  });

  it.each(CASES)('$name read back from JSON applies exactly like the original', (c) => {
    const original = pendingAccount(c);
    const restored = pendingAccount(c);
    const stream = restored.account.streams.get('s')!;
    stream.pending = JSON.parse(JSON.stringify(stream.pending)) as PendingChange;
    const expected = afterApplying(original.account, original.clock);
    expect(afterApplying(restored.account, restored.clock)).toEqual(expected);
    expect(restored.account.streams.get('s')!.pending).toBeUndefined();
  });

  it('routes by the new open shards as soon as a reshard applies', () => {
    const { account, clock } = pendingAccount(CASES[0]!);
    const stream = account.streams.get('s')!;
    expect(stream.shardForHashKey(999n).id).toBe('shardId-000000000000');
    clock.advance(DELAY_MS);
    account.timeline.settle();
    expect(stream.shardForHashKey(999n).id).toBe('shardId-000000000002');
    expect(stream.shardForHashKey(1000n).id).toBe('shardId-000000000003');
  });
});
