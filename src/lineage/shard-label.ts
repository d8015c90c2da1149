// The text lines that describe one shard in a rendered lineage graph (shared by the renderers).

import type { ShardGraphNode } from '../api-types/lineage.js';

/** ID, state, key range and record counts, one per line. */
export function shardLabelLines(node: ShardGraphNode): string[] {
  const { StartingHashKey, EndingHashKey } = node.HashKeyRange;
  return [
    node.ShardId,
    node.State,
    `keys ${StartingHashKey}..${EndingHashKey}`,
    `records ${node.RecordCount} retained, ${node.RecordsWritten} written`,
  ];
}

/** Parent -> child edges in shard order, each parent's children in the order they were created. */
export function lineageEdges(nodes: readonly ShardGraphNode[]): [string, string][] {
  const edges: [string, string][] = [];
  for (const node of nodes) for (const child of node.ChildShardIds) edges.push([node.ShardId, child]);
  return edges;
}
