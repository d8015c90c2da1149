import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type GetRecordsOutput } from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';

const MAX = '340282366920938463463374607431768211455';
const HALF = '170141183460469231731687303715884105728';
const BELOW_HALF = (BigInt(HALF) - 1n).toString();

function setup(shardCount = 1) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock });
  kinesis.createStream({ StreamName: 's', ShardCount: shardCount });
  return { clock, kinesis };
}

const put = (kinesis: Kinesis, text: string, key: string) =>
  kinesis.putRecord({ StreamName: 's', Data: new TextEncoder().encode(text), PartitionKey: text, ExplicitHashKey: key });

function iterator(kinesis: Kinesis, ShardId: string, type: 'TRIM_HORIZON' | 'LATEST' = 'TRIM_HORIZON'): string {
  return kinesis.getShardIterator({ StreamName: 's', ShardId, ShardIteratorType: type }).ShardIterator!;
}

const texts = (page: GetRecordsOutput) => page.Records.map((r) => new TextDecoder().decode(r.Data));

describe('reading across a split', () => {
  it('ends the parent with its last records, no NextShardIterator and both children, each naming the parent', () => {
    const { kinesis } = setup();
    put(kinesis, 'a', '0');
    put(kinesis, 'b', MAX);
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
    const page = kinesis.getRecords({ ShardIterator: iterator(kinesis, 'shardId-000000000000') });
    expect(texts(page)).toEqual(['a', 'b']);
    expect('NextShardIterator' in page).toBe(false);
    expect(page.ChildShards).toEqual([
      { ShardId: 'shardId-000000000001', ParentShards: ['shardId-000000000000'], HashKeyRange: { StartingHashKey: '0', EndingHashKey: BELOW_HALF } },
      { ShardId: 'shardId-000000000002', ParentShards: ['shardId-000000000000'], HashKeyRange: { StartingHashKey: HALF, EndingHashKey: MAX } },
    ]);
  });

  it('keeps an iterator taken before the split reading the parent up to its end', () => {
    const { kinesis } = setup();
    put(kinesis, 'a', '0');
    const first = kinesis.getRecords({ ShardIterator: iterator(kinesis, 'shardId-000000000000'), Limit: 1 });
    expect(texts(first)).toEqual(['a']);
    put(kinesis, 'b', '0');
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
    put(kinesis, 'c', '0');
    const second = kinesis.getRecords({ ShardIterator: first.NextShardIterator! });
    expect(texts(second)).toEqual(['b']);
    expect(second.NextShardIterator).toBeUndefined();
    expect(second.ChildShards!.map((c) => c.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
  });

  it('sends every write made after the split to a child', () => {
    const { kinesis } = setup();
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
    expect(put(kinesis, 'x', '0').ShardId).toBe('shardId-000000000001');
    expect(put(kinesis, 'y', BELOW_HALF).ShardId).toBe('shardId-000000000001');
    expect(put(kinesis, 'z', HALF).ShardId).toBe('shardId-000000000002');
    for (let i = 0; i < 50; i++) {
      const shard = kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(), PartitionKey: `key-${i}` }).ShardId;
      expect(shard).not.toBe('shardId-000000000000');
    }
    expect(kinesis.describeShardGraph({ StreamName: 's' }).Shards[0]!.RecordsWritten).toBe(0);
  });

  it('points LATEST on a closed shard at its end: no records, the children, no next iterator', () => {
    const { kinesis } = setup();
    put(kinesis, 'a', '0');
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
    const page = kinesis.getRecords({ ShardIterator: iterator(kinesis, 'shardId-000000000000', 'LATEST') });
    expect(page.Records).toEqual([]);
    expect(page.NextShardIterator).toBeUndefined();
    expect(page.ChildShards).toHaveLength(2);
  });

  it('keeps a next iterator on an open child at its tip', () => {
    const { kinesis } = setup();
    kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
    const page = kinesis.getRecords({ ShardIterator: iterator(kinesis, 'shardId-000000000001') });
    expect(page.Records).toEqual([]);
    expect(page.ChildShards).toBeUndefined();
    // The next iterator waits at the tip: it returns what the child receives afterwards.
    put(kinesis, 'later', '0');
    expect(texts(kinesis.getRecords({ ShardIterator: page.NextShardIterator! }))).toEqual(['later']);
  });
});

describe('reading across a merge', () => {
  it('ends each parent with one child that lists both parents, ShardToMerge first', () => {
    const { kinesis } = setup(2);
    put(kinesis, 'low', '0');
    put(kinesis, 'high', MAX);
    kinesis.mergeShards({ StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' });
    const child = {
      ShardId: 'shardId-000000000002',
      ParentShards: ['shardId-000000000000', 'shardId-000000000001'],
      HashKeyRange: { StartingHashKey: '0', EndingHashKey: MAX },
    };
    for (const [parent, text] of [['shardId-000000000000', 'low'], ['shardId-000000000001', 'high']] as const) {
      const page = kinesis.getRecords({ ShardIterator: iterator(kinesis, parent) });
      expect(texts(page)).toEqual([text]);
      expect(page.NextShardIterator).toBeUndefined();
      expect(page.ChildShards).toEqual([child]);
    }
    expect(put(kinesis, 'after', '0').ShardId).toBe('shardId-000000000002');
    expect(put(kinesis, 'after', MAX).ShardId).toBe('shardId-000000000002');
  });
});

describe('reading across UpdateShardCount', () => {
  it('leads from every old shard through the intermediate shards to the final ones', () => {
    const { kinesis } = setup(2);
    put(kinesis, 'low', '0');
    put(kinesis, 'high', MAX);
    kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
    const finals = new Set(kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards!.map((s) => s.ShardId));
    const seen: string[] = [];
    const reached = new Set<string>();
    const queue = ['shardId-000000000000', 'shardId-000000000001'];
    const visited = new Set<string>();
    while (queue.length > 0) {
      const shard = queue.shift()!;
      if (visited.has(shard)) continue;
      visited.add(shard);
      const page = kinesis.getRecords({ ShardIterator: iterator(kinesis, shard) });
      seen.push(...texts(page));
      if (page.ChildShards === undefined) reached.add(shard);
      else {
        expect(page.NextShardIterator).toBeUndefined();
        for (const child of page.ChildShards) {
          expect(child.ParentShards).toContain(shard);
          queue.push(child.ShardId);
        }
      }
    }
    expect(seen).toEqual(['low', 'high']);
    expect(reached).toEqual(finals);
  });
});
