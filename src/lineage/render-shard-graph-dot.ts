// Rendering a shard lineage as a Graphviz DOT digraph (deterministic text, same graph -> same bytes).

import type { ShardGraph, ShardGraphState } from '../api-types/lineage.js';
import { lineageEdges, shardLabelLines } from './shard-label.js';

const NODE_STYLES: Record<ShardGraphState, string> = {
  OPEN: 'style="rounded,filled", fillcolor="#e6f4ea", color="#1e8e3e"',
  CLOSED: 'style="rounded,filled", fillcolor="#f1f3f4", color="#5f6368"',
  EXPIRED: 'style="rounded,dashed", color="#bdc1c6", fontcolor="#9aa0a6"',
};

/** A Graphviz digraph of a stream's shards (from `Kinesis.describeShardGraph`), parents above children. */
export function renderShardGraphDot(graph: ShardGraph): string {
  const lines = [`digraph ${quote(graph.StreamName)} {`, '  rankdir=TB;', '  node [shape=box, fontname="Helvetica"];'];
  for (const node of graph.Shards) {
    const label = shardLabelLines(node).map(escape).join('\\n');
    lines.push(`  ${quote(node.ShardId)} [label="${label}", ${NODE_STYLES[node.State]}];`);
  }
  for (const [parent, child] of lineageEdges(graph.Shards)) lines.push(`  ${quote(parent)} -> ${quote(child)};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function quote(id: string): string {
  return `"${escape(id)}"`;
}

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
