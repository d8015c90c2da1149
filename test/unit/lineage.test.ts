import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, renderShardGraphDot, renderShardGraphMermaid } from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';

const MAX = '340282366920938463463374607431768211455';
const HALF = '170141183460469231731687303715884105728';

/** One shard, split in half after a second, the halves merged back after another second; 2+1+1+1 records. */
function scenario() {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock });
  kinesis.createStream({ StreamName: 'orders', ShardCount: 1 });
  const put = (key: string) => kinesis.putRecord({ StreamName: 'orders', Data: new Uint8Array([1]), PartitionKey: 'p', ExplicitHashKey: key });
  put('0');
  put('5');
  clock.advance(1000);
  kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
  put('1');
  put(HALF);
  clock.advance(1000);
  kinesis.mergeShards({ StreamName: 'orders', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000002' });
  put('7');
  return { clock, kinesis };
}

describe('describeShardGraph', () => {
  it('lists every shard with parents, children, state, times and record counts', () => {
    const { kinesis } = scenario();
    expect(kinesis.describeShardGraph({ StreamName: 'orders' })).toEqual({
      StreamName: 'orders',
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders',
      Shards: [
        {
          ShardId: 'shardId-000000000000', ParentShardIds: [], ChildShardIds: ['shardId-000000000001', 'shardId-000000000002'],
          HashKeyRange: { StartingHashKey: '0', EndingHashKey: MAX }, State: 'CLOSED',
          OpenedAt: new Date(T0), ClosedAt: new Date(T0 + 1000), RecordCount: 2, RecordsWritten: 2,
        },
        {
          ShardId: 'shardId-000000000001', ParentShardIds: ['shardId-000000000000'], ChildShardIds: ['shardId-000000000003'],
          HashKeyRange: { StartingHashKey: '0', EndingHashKey: (BigInt(HALF) - 1n).toString() }, State: 'CLOSED',
          OpenedAt: new Date(T0 + 1000), ClosedAt: new Date(T0 + 2000), RecordCount: 1, RecordsWritten: 1,
        },
        {
          ShardId: 'shardId-000000000002', ParentShardIds: ['shardId-000000000000'], ChildShardIds: ['shardId-000000000003'],
          HashKeyRange: { StartingHashKey: HALF, EndingHashKey: MAX }, State: 'CLOSED',
          OpenedAt: new Date(T0 + 1000), ClosedAt: new Date(T0 + 2000), RecordCount: 1, RecordsWritten: 1,
        },
        {
          ShardId: 'shardId-000000000003', ParentShardIds: ['shardId-000000000001', 'shardId-000000000002'], ChildShardIds: [],
          HashKeyRange: { StartingHashKey: '0', EndingHashKey: MAX }, State: 'OPEN',
          OpenedAt: new Date(T0 + 2000), RecordCount: 1, RecordsWritten: 1,
        },
      ],
    });
  });

  it('omits ClosedAt on open shards', () => {
    const { kinesis } = scenario();
    expect('ClosedAt' in kinesis.describeShardGraph({ StreamName: 'orders' }).Shards[3]!).toBe(false);
  });

  it('keeps expired shards, marked EXPIRED with nothing retained', () => {
    const { kinesis, clock } = scenario();
    clock.advance(24 * 3_600_000);
    const shards = kinesis.describeShardGraph({ StreamName: 'orders' }).Shards;
    expect(shards.map((s) => [s.State, s.RecordCount, s.RecordsWritten])).toEqual([
      ['EXPIRED', 0, 2], ['EXPIRED', 0, 1], ['EXPIRED', 0, 1], ['OPEN', 0, 1],
    ]);
  });

  it('finds the stream by ARN and reports an unknown one', () => {
    const { kinesis } = scenario();
    expect(kinesis.describeShardGraph({ StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders' }).Shards).toHaveLength(4);
    expect(() => kinesis.describeShardGraph({ StreamName: 'nope' })).toThrow(expect.objectContaining({
      name: 'ResourceNotFoundException', message: 'Stream nope under account 000000000000 not found.',
    }));
  });
});

describe('renderShardGraphMermaid', () => {
  it('renders a split followed by a merge', () => {
    const { kinesis } = scenario();
    expect(renderShardGraphMermaid(kinesis.describeShardGraph({ StreamName: 'orders' }))).toBe(
      `---
title: orders
---
flowchart TD
  shardId_000000000000["shardId-000000000000<br/>CLOSED<br/>keys 0..340282366920938463463374607431768211455<br/>records 2 retained, 2 written"]
  shardId_000000000001["shardId-000000000001<br/>CLOSED<br/>keys 0..170141183460469231731687303715884105727<br/>records 1 retained, 1 written"]
  shardId_000000000002["shardId-000000000002<br/>CLOSED<br/>keys 170141183460469231731687303715884105728..340282366920938463463374607431768211455<br/>records 1 retained, 1 written"]
  shardId_000000000003["shardId-000000000003<br/>OPEN<br/>keys 0..340282366920938463463374607431768211455<br/>records 1 retained, 1 written"]
  shardId_000000000000 --> shardId_000000000001
  shardId_000000000000 --> shardId_000000000002
  shardId_000000000001 --> shardId_000000000003
  shardId_000000000002 --> shardId_000000000003
  classDef open fill:#e6f4ea,stroke:#1e8e3e
  class shardId_000000000003 open
  classDef closed fill:#f1f3f4,stroke:#5f6368
  class shardId_000000000000,shardId_000000000001,shardId_000000000002 closed
`);
  });

  it('styles expired shards with their own class', () => {
    const { kinesis, clock } = scenario();
    clock.advance(24 * 3_600_000);
    const text = renderShardGraphMermaid(kinesis.describeShardGraph({ StreamName: 'orders' }));
    expect(text).toContain('  classDef expired fill:#ffffff,stroke:#bdc1c6,stroke-dasharray:4 2,color:#9aa0a6\n' +
      '  class shardId_000000000000,shardId_000000000001,shardId_000000000002 expired\n');
    expect(text).not.toContain('classDef closed');
  });
});

describe('renderShardGraphDot', () => {
  it('renders a split followed by a merge', () => {
    const { kinesis } = scenario();
    expect(renderShardGraphDot(kinesis.describeShardGraph({ StreamName: 'orders' }))).toBe(
      `digraph "orders" {
  rankdir=TB;
  node [shape=box, fontname="Helvetica"];
  "shardId-000000000000" [label="shardId-000000000000\\nCLOSED\\nkeys 0..340282366920938463463374607431768211455\\nrecords 2 retained, 2 written", style="rounded,filled", fillcolor="#f1f3f4", color="#5f6368"];
  "shardId-000000000001" [label="shardId-000000000001\\nCLOSED\\nkeys 0..170141183460469231731687303715884105727\\nrecords 1 retained, 1 written", style="rounded,filled", fillcolor="#f1f3f4", color="#5f6368"];
  "shardId-000000000002" [label="shardId-000000000002\\nCLOSED\\nkeys 170141183460469231731687303715884105728..340282366920938463463374607431768211455\\nrecords 1 retained, 1 written", style="rounded,filled", fillcolor="#f1f3f4", color="#5f6368"];
  "shardId-000000000003" [label="shardId-000000000003\\nOPEN\\nkeys 0..340282366920938463463374607431768211455\\nrecords 1 retained, 1 written", style="rounded,filled", fillcolor="#e6f4ea", color="#1e8e3e"];
  "shardId-000000000000" -> "shardId-000000000001";
  "shardId-000000000000" -> "shardId-000000000002";
  "shardId-000000000001" -> "shardId-000000000003";
  "shardId-000000000002" -> "shardId-000000000003";
}
`);
  });

  it('escapes quotes and backslashes in names', () => {
    const text = renderShardGraphDot({ StreamName: 'a"b\\c', StreamARN: 'arn', Shards: [] });
    expect(text).toBe('digraph "a\\"b\\\\c" {\n  rankdir=TB;\n  node [shape=box, fontname="Helvetica"];\n}\n');
  });

  it('dashes expired shards', () => {
    const { kinesis, clock } = scenario();
    clock.advance(24 * 3_600_000);
    const text = renderShardGraphDot(kinesis.describeShardGraph({ StreamName: 'orders' }));
    expect(text).toContain('"shardId-000000000000" [label="shardId-000000000000\\nEXPIRED\\nkeys 0..340282366920938463463374607431768211455\\nrecords 0 retained, 2 written", style="rounded,dashed", color="#bdc1c6", fontcolor="#9aa0a6"];');
  });
});

describe('describeShardGraph input', () => {
  it('describeShardGraph validates its stream reference like AWS operations do', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(Date.UTC(2024, 0, 1)) });
    expect(() => kinesis.describeShardGraph(undefined as never)).toThrow('Either StreamName or StreamARN must be provided.');
    expect(() => kinesis.describeShardGraph({ StreamName: '' })).toThrow(
      "2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
        "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });
});
