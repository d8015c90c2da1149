// Rendering a shard lineage as a Mermaid flowchart (deterministic text, same graph -> same bytes).

import type { ShardGraph, ShardGraphState } from '../api-types/lineage.js';
import { lineageEdges, shardLabelLines } from './shard-label.js';

const CLASS_STYLES: Record<ShardGraphState, string> = {
  OPEN: 'fill:#e6f4ea,stroke:#1e8e3e',
  CLOSED: 'fill:#f1f3f4,stroke:#5f6368',
  EXPIRED: 'fill:#ffffff,stroke:#bdc1c6,stroke-dasharray:4 2,color:#9aa0a6',
};
const STATES: ShardGraphState[] = ['OPEN', 'CLOSED', 'EXPIRED'];

/**
 * A Mermaid flowchart of a stream's shards (from `Kinesis.describeShardGraph`), parents above children,
 * one style class per shard state.
 */
export function renderShardGraphMermaid(graph: ShardGraph): string {
  const lines = ['---', `title: ${graph.StreamName}`, '---', 'flowchart TD'];
  for (const node of graph.Shards) lines.push(`  ${nodeId(node.ShardId)}["${shardLabelLines(node).join('<br/>')}"]`);
  for (const [parent, child] of lineageEdges(graph.Shards)) lines.push(`  ${nodeId(parent)} --> ${nodeId(child)}`);
  for (const state of STATES) {
    const members = graph.Shards.filter((n) => n.State === state).map((n) => nodeId(n.ShardId));
    if (members.length === 0) continue;
    lines.push(`  classDef ${state.toLowerCase()} ${CLASS_STYLES[state]}`);
    lines.push(`  class ${members.join(',')} ${state.toLowerCase()}`);
  }
  return lines.join('\n') + '\n';
}

/** Mermaid reads '-' in a bare node ID as part of an arrow, so IDs use '_' instead. */
function nodeId(shardId: string): string {
  return shardId.replace(/[^A-Za-z0-9_]/g, '_');
}
