// A shard lineage drawn for a terminal: one line per shard, oldest first, with a bar showing which slice of the
// 128-bit hash-key space it owns, where it came from, and when it was open. (Mermaid and Graphviz text need a
// viewer; this reads as it is.)

import type { ShardGraph, ShardGraphNode } from '../../src/index.js';

const KEY_SPACE = 2n ** 128n;
const BAR_WIDTH = 40;

/** The picture as text; `startMs` is the clock reading that times count from. */
export function renderLineagePicture(graph: ShardGraph, startMs: number): string {
  const names = new Map(graph.Shards.map((n) => [n.ShardId, shortName(n.ShardId)]));
  const name = (id: string) => names.get(id) ?? id;
  const rows = graph.Shards.map((node) => {
    const records = `${node.RecordsWritten} rec`.padStart(7);
    return `  ${name(node.ShardId).padEnd(4)}${node.State.padEnd(8)}${records}  ${bar(node)}  ${origin(node, name)}, ${openTime(node, startMs)}`;
  });
  const axisIndent = ' '.repeat(2 + 4 + 8 + 7 + 2);
  const axis = `${axisIndent}${axisLabel()}`;
  const legend = `  (#N is shardId-${'0'.repeat(11)}N; the bar is the shard's slice of the hash-key space; times are simulated)`;
  return [axis, ...rows, legend].join('\n');
}

/** `0 ------ hash key ------ 2^128`, as wide as the bars. */
function axisLabel(): string {
  const label = ' hash key ';
  const dashes = BAR_WIDTH - '0'.length - '2^128'.length - label.length;
  return `0${'-'.repeat(Math.floor(dashes / 2))}${label}${'-'.repeat(Math.ceil(dashes / 2))}2^128`;
}

/** `shardId-000000000007` -> `#7`. */
function shortName(shardId: string): string {
  const n = /(\d+)$/.exec(shardId);
  return n === null ? shardId : `#${Number(n[1])}`;
}

/** Filled where the shard's range lies; columns are rounded so adjacent shards meet without overlapping. */
function bar(node: ShardGraphNode): string {
  const column = (key: bigint) => Number((key * BigInt(BAR_WIDTH) + KEY_SPACE / 2n) / KEY_SPACE);
  const from = column(BigInt(node.HashKeyRange.StartingHashKey));
  const to = Math.max(from + 1, column(BigInt(node.HashKeyRange.EndingHashKey) + 1n));
  return `${'·'.repeat(from)}${'█'.repeat(to - from)}${'·'.repeat(BAR_WIDTH - to)}`;
}

function origin(node: ShardGraphNode, name: (id: string) => string): string {
  const parents = node.ParentShardIds.map(name);
  if (parents.length === 0) return 'created with the stream';
  if (parents.length === 1) return `split from ${parents[0]}`;
  return `merged from ${parents.join(' + ')}`;
}

function openTime(node: ShardGraphNode, startMs: number): string {
  const seconds = (d: Date) => `${(d.getTime() - startMs) / 1000} s`;
  if (node.ClosedAt === undefined) return `open since ${seconds(node.OpenedAt)}`;
  // UpdateShardCount's intermediate shards close the moment they open.
  if (node.ClosedAt.getTime() === node.OpenedAt.getTime()) return `opened and closed at ${seconds(node.OpenedAt)}`;
  return `open ${seconds(node.OpenedAt)} to ${seconds(node.ClosedAt)}`;
}
