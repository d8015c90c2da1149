// The shard map: every shard of a stream as a bar across the 128-bit hash-key space, one row per generation of the
// lineage (initial shards on top, each split or merge one row down), with lines from parents to children.

import type { Kit } from './kit.js';

export interface GraphShard {
  ShardId: string;
  ParentShardIds: string[];
  ChildShardIds: string[];
  HashKeyRange: { StartingHashKey: string; EndingHashKey: string };
  State: 'OPEN' | 'CLOSED' | 'EXPIRED';
  OpenedAt: number;
  ClosedAt?: number;
  RecordCount: number;
  RecordsWritten: number;
}

export function shardMapModule(kit: Kit) {
  const W = 1000;
  const ROW = 46;
  const BAR = 26;
  const TOP = 8;
  const KEY_SPACE = 1n << 128n;

  /** Where a hash key sits across the width, 0..W. */
  function position(key: string): number {
    return Number((BigInt(key) * 1_000_000n) / KEY_SPACE) / 1_000_000 * W;
  }

  /** Generation of each shard: 0 for initial shards, one more than its deepest parent otherwise. */
  function generations(shards: readonly GraphShard[]): Map<string, number> {
    const byId = new Map(shards.map((s) => [s.ShardId, s]));
    const depth = new Map<string, number>();
    const of = (s: GraphShard): number => {
      const known = depth.get(s.ShardId);
      if (known !== undefined) return known;
      const parents = s.ParentShardIds.map((id) => byId.get(id)).filter((p): p is GraphShard => p !== undefined);
      const d = parents.length === 0 ? 0 : Math.max(...parents.map(of)) + 1;
      depth.set(s.ShardId, d);
      return d;
    };
    shards.forEach(of);
    return depth;
  }

  /** A short label: the shard's index without its zero padding. */
  function shortId(id: string): string {
    return String(Number(id.slice(id.lastIndexOf('-') + 1)));
  }

  function render(shards: readonly GraphShard[], selected: string | undefined, onSelect: (id: string) => void): SVGElement {
    const { svg } = kit.dom;
    const depth = generations(shards);
    const rows = Math.max(0, ...depth.values()) + 1;
    const height = TOP + rows * ROW + 28;
    const boxes = new Map<string, { x: number; w: number; y: number }>();
    for (const s of shards) {
      const x = position(s.HashKeyRange.StartingHashKey);
      const end = position((BigInt(s.HashKeyRange.EndingHashKey) + 1n).toString());
      boxes.set(s.ShardId, { x, w: Math.max(2, end - x), y: TOP + depth.get(s.ShardId)! * ROW });
    }
    const edges: SVGElement[] = [];
    for (const s of shards) {
      const child = boxes.get(s.ShardId)!;
      for (const parentId of s.ParentShardIds) {
        const parent = boxes.get(parentId);
        if (parent === undefined) continue;
        const x1 = parent.x + parent.w / 2;
        const y1 = parent.y + BAR;
        const x2 = child.x + child.w / 2;
        const y2 = child.y;
        const mid = (y1 + y2) / 2;
        edges.push(svg('path', { d: `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`, class: 'edge' }));
      }
    }
    const bars = shards.map((s) => {
      const b = boxes.get(s.ShardId)!;
      const state = s.State.toLowerCase();
      const label = `${s.ShardId}, ${state}, ${kit.dom.number(s.RecordCount)} records retained`;
      const g = svg('g', {
        class: `shard ${state}${s.ShardId === selected ? ' selected' : ''}`, tabindex: 0, role: 'button', 'aria-label': label,
        'data-shard': s.ShardId, 'aria-pressed': s.ShardId === selected ? 'true' : 'false',
        on: {
          click: () => onSelect(s.ShardId),
          keydown: (e: Event) => {
            const key = (e as KeyboardEvent).key;
            if (key === 'Enter' || key === ' ') {
              e.preventDefault();
              onSelect(s.ShardId);
            }
          },
        },
      },
      svg('title', {}, label),
      svg('rect', { x: b.x + 1, y: b.y, width: Math.max(1, b.w - 2), height: BAR, rx: 3 }),
      b.w > 26 ? svg('text', { x: b.x + b.w / 2, y: b.y + BAR / 2 + 4, 'text-anchor': 'middle' }, shortId(s.ShardId),
        b.w > 150 ? svg('tspan', { class: 'count' }, ` · ${kit.dom.number(s.RecordsWritten)} written`) : null) : null);
      return g;
    });
    const axisY = TOP + rows * ROW + 2;
    const ticks = [['0', 0], ['2¹²⁶', W / 4], ['2¹²⁷', W / 2], ['3·2¹²⁶', (3 * W) / 4], ['2¹²⁸−1', W]] as const;
    const axis = [
      svg('line', { x1: 0, x2: W, y1: axisY, y2: axisY, class: 'axis' }),
      ...ticks.map(([text, x], i) => svg('text', { x, y: axisY + 16, 'text-anchor': i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle', class: 'tick' }, text)),
    ];
    return svg('svg', { viewBox: `0 0 ${W} ${height}`, class: 'shard-map', role: 'group', 'aria-label': `Shard lineage across the hash-key space: ${shards.length} shards in ${rows} generations` },
      edges, bars, axis);
  }

  return { render, position, shortId };
}
