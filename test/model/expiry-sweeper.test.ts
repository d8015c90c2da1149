// Memory bounded by retention for every stream, whatever is called: a stream nobody calls any more still
// releases its expired segments, because every call on the account sweeps one shard round robin.
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { Account } from '../../src/model/account.js';
import { OPERATIONS, type InputOf, type ServedOperationName } from '../../src/operations/registry.js';
import { resolveOptions } from '../../src/options.js';
import { HOUR_MS, T0 } from '../support/stream-fixture.js';

/** Runs an operation's action on the account (inputs here are valid, so validation is left out). */
function run<K extends ServedOperationName>(account: Account, operation: K, input: InputOf<K>): unknown {
  return (OPERATIONS[operation].action as (account: Account, input: InputOf<K>) => unknown)(account, input);
}

/** Payload bytes and allocated bytes (slabs and columns) a stream's shards hold. */
function held(account: Account, name: string): { payloadBytes: number; allocatedBytes: number } {
  let payloadBytes = 0;
  let allocatedBytes = 0;
  for (const shard of account.streams.get(name)!.shards) {
    payloadBytes += shard.log.payloadBytes;
    allocatedBytes += shard.log.allocatedBytes;
  }
  return { payloadBytes, allocatedBytes };
}

function fill(account: Account, name: string, records: number): void {
  const data = new Uint8Array(100);
  for (let sent = 0; sent < records; sent += 500) {
    const Records = Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `k${sent + i}`, Data: data }));
    run(account, 'PutRecords', { StreamName: name, Records });
  }
}

describe('ExpirySweeper', () => {
  it('releases a stream whose 1M records expired while only another stream is called', () => {
    const clock = new ManualClock(T0);
    const account = new Account(resolveOptions({ clock }));
    run(account, 'CreateStream', { StreamName: 'a', ShardCount: 4 });
    run(account, 'CreateStream', { StreamName: 'b', ShardCount: 1 });
    fill(account, 'a', 1_000_000);
    expect(held(account, 'a').payloadBytes).toBe(100_000_000);
    clock.advance(24 * HOUR_MS + 1);
    // One pass visits the 5 shards of the account, one per call; only stream b is ever named.
    for (let i = 0; i < 5; i++) run(account, 'PutRecord', { StreamName: 'b', PartitionKey: 'k', Data: new Uint8Array(1) });
    expect(held(account, 'a')).toEqual({ payloadBytes: 0, allocatedBytes: 0 });
    expect(held(account, 'b').payloadBytes).toBe(5);
  });

  it('releases through any call, reads and listings included, and keeps records inside retention', () => {
    const clock = new ManualClock(T0);
    const account = new Account(resolveOptions({ clock }));
    run(account, 'CreateStream', { StreamName: 'a', ShardCount: 1 });
    fill(account, 'a', 20_000); // several whole segments
    clock.advance(HOUR_MS);
    fill(account, 'a', 500);
    clock.advance(24 * HOUR_MS - HOUR_MS + 1); // the first 20,000 expired, the last 500 not
    run(account, 'ListStreams', {});
    const { payloadBytes } = held(account, 'a');
    // Whole segments only: the 500 live records stay, and at most one partly expired segment with them.
    expect(payloadBytes).toBeGreaterThanOrEqual(500 * 100);
    expect(payloadBytes).toBeLessThan(20_000 * 100);
  });

  it('releases one shard per call, round robin', () => {
    const clock = new ManualClock(T0);
    const account = new Account(resolveOptions({ clock }));
    run(account, 'CreateStream', { StreamName: 'a', ShardCount: 2 });
    fill(account, 'a', 20_000);
    clock.advance(24 * HOUR_MS + 1);
    run(account, 'ListStreams', {}); // the pass starts: one shard released
    const afterOne = held(account, 'a').payloadBytes;
    expect(afterOne).toBeGreaterThan(0);
    run(account, 'ListStreams', {}); // the pass ends with the second shard
    expect(held(account, 'a').payloadBytes).toBe(0);
  });
});

describe('ExpirySweeper and snapshots', () => {
  it('resumes where the original was, so both release the same memory and snapshot to the same bytes', () => {
    const clock = new ManualClock(T0);
    const original = new Kinesis({ clock, deleteStreamDelayMs: 500 });
    for (const name of ['a', 'b', 'c']) {
      original.createStream({ StreamName: name, ShardCount: 3 });
      for (let i = 0; i < 40; i++) {
        original.putRecords({ StreamName: name, Records: Array.from({ length: 500 }, (_, k) => ({ PartitionKey: `k${k}`, Data: new Uint8Array(50) })) });
      }
    }
    clock.advance(24 * HOUR_MS + 1);
    original.listStreams({}); // a pass begins: stream a, shard 0
    original.listStreams({}); // shard 1
    original.deleteStream({ StreamName: 'b' });
    const twinClock = new ManualClock(clock.now());
    const twin = Kinesis.restore(original.snapshot(), { clock: twinClock });
    const same = () => expect(Buffer.compare(twin.snapshot(), original.snapshot())).toBe(0);
    same();
    for (let call = 0; call < 12; call++) {
      if (call === 4) {
        clock.advance(600); // b is gone now: both passes skip it
        twinClock.advance(600);
      }
      original.listStreams({});
      twin.listStreams({});
      same();
    }
  });
});
