// The Shards tab: the lineage map across the hash-key space, the shard table, and resharding: split a shard (at its
// midpoint or a given hash key), merge it with an adjacent open shard, UpdateShardCount.

import type { Kit, Session, View } from './kit.js';
import type { GraphShard } from './shard-map.js';

export function shardsViewModule(kit: Kit) {
  function midpoint(s: GraphShard): string {
    const start = BigInt(s.HashKeyRange.StartingHashKey);
    const end = BigInt(s.HashKeyRange.EndingHashKey);
    return (start + (end - start + 1n) / 2n).toString();
  }

  function neighbours(s: GraphShard, shards: readonly GraphShard[]): GraphShard[] {
    const start = BigInt(s.HashKeyRange.StartingHashKey);
    const end = BigInt(s.HashKeyRange.EndingHashKey);
    return shards.filter((o) => o.State === 'OPEN' && o.ShardId !== s.ShardId &&
      (BigInt(o.HashKeyRange.StartingHashKey) === end + 1n || BigInt(o.HashKeyRange.EndingHashKey) + 1n === start));
  }

  /** A hash key shortened for a table cell (the title attribute keeps it whole). */
  function shortKey(key: string): string {
    return key.length > 14 ? `${key.slice(0, 6)}…${key.slice(-5)}` : key;
  }

  function table(shards: readonly GraphShard[], selected: string | undefined, onSelect: (id: string) => void): HTMLElement {
    const { h } = kit.dom;
    return h('table', { class: 'data compact' },
      h('caption', { class: 'visually-hidden' }, 'Shards'),
      h('thead', {}, h('tr', {}, ...['Shard', 'State', 'Hash key range', 'Retained', 'Written', 'Opened', 'Closed', 'Parents'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...shards.map((s) => h('tr', { class: s.ShardId === selected ? 'selected' : '', 'data-shard-row': s.ShardId },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', 'aria-pressed': s.ShardId === selected ? 'true' : 'false', on: { click: () => onSelect(s.ShardId) } }, s.ShardId)),
        h('td', {}, h('span', { class: `badge ${s.State.toLowerCase()}` }, s.State)),
        h('td', { title: `${s.HashKeyRange.StartingHashKey} – ${s.HashKeyRange.EndingHashKey}` }, h('code', {}, `${shortKey(s.HashKeyRange.StartingHashKey)} – ${shortKey(s.HashKeyRange.EndingHashKey)}`)),
        h('td', { class: 'num' }, kit.dom.number(s.RecordCount)),
        h('td', { class: 'num' }, kit.dom.number(s.RecordsWritten)),
        h('td', {}, kit.dom.time(s.OpenedAt)),
        h('td', {}, s.ClosedAt === undefined ? '—' : kit.dom.time(s.ClosedAt)),
        h('td', {}, s.ParentShardIds.map((p) => kit.shardMap.shortId(p)).join(', ') || '—')))));
  }

  function actions(shard: GraphShard | undefined, shards: readonly GraphShard[], run: (op: string, input: Record<string, unknown>, done: string) => Promise<void>): HTMLElement {
    const { h, field } = kit.dom;
    if (shard === undefined) return h('p', { class: 'hint' }, 'Select a shard in the map or the table to split or merge it.');
    if (shard.State !== 'OPEN') return h('p', { class: 'hint' }, `${shard.ShardId} is ${shard.State.toLowerCase()}: only open shards can be split or merged.`);
    const atMid = h('input', { type: 'radio', name: 'split-at', value: 'mid', checked: true });
    const atKey = h('input', { type: 'radio', name: 'split-at', value: 'key' });
    const key = h('input', { type: 'text', inputmode: 'numeric', value: midpoint(shard), class: 'wide', disabled: true });
    const sync = () => (key.disabled = !atKey.checked);
    atMid.addEventListener('change', sync);
    atKey.addEventListener('change', sync);
    const split = h('form', { novalidate: true, class: 'action', 'aria-label': `Split ${shard.ShardId}` },
      h('h3', {}, `Split ${shard.ShardId}`),
      h('fieldset', {}, h('legend', {}, 'New starting hash key'),
        h('label', { class: 'choice' }, atMid, ' At the midpoint of its range'),
        h('label', { class: 'choice' }, atKey, ' At this hash key:')),
      field('Hash key (decimal)', key),
      h('button', { type: 'submit', class: 'primary' }, 'Split shard'));
    split.addEventListener('submit', (e) => {
      e.preventDefault();
      const at = atKey.checked ? key.value.trim() : midpoint(shard);
      void run('SplitShard', { ShardToSplit: shard.ShardId, NewStartingHashKey: at }, `Split ${shard.ShardId} at ${at}.`);
    });
    const adjacent = neighbours(shard, shards);
    const other = h('select', {}, ...adjacent.map((o) => h('option', { value: o.ShardId }, o.ShardId)));
    const merge = h('form', { novalidate: true, class: 'action', 'aria-label': `Merge ${shard.ShardId}` },
      h('h3', {}, `Merge ${shard.ShardId}`),
      adjacent.length === 0 ? h('p', { class: 'hint' }, 'No adjacent open shard.') : field('With the adjacent shard', other),
      h('button', { type: 'submit', disabled: adjacent.length === 0 }, 'Merge shards'));
    merge.addEventListener('submit', (e) => {
      e.preventDefault();
      void run('MergeShards', { ShardToMerge: shard.ShardId, AdjacentShardToMerge: other.value }, `Merged ${shard.ShardId} and ${other.value}.`);
    });
    return h('div', { class: 'action-row' }, split, merge);
  }

  function scaling(openCount: number, run: (op: string, input: Record<string, unknown>, done: string) => Promise<void>): HTMLElement {
    const { h, field } = kit.dom;
    const target = h('input', { type: 'number', min: 1, step: 1, value: openCount });
    const form = h('form', { novalidate: true, class: 'action', 'aria-label': 'Update shard count' },
      h('h3', {}, 'Update shard count'),
      field('Target shard count', target, `Uniform scaling; from ${openCount} open shards AWS allows ${Math.ceil(openCount / 2)} to ${openCount * 2}.`),
      h('button', { type: 'submit' }, 'Update shard count'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const n = kit.dom.numberValue(target);
      void run('UpdateShardCount', { TargetShardCount: n, ScalingType: 'UNIFORM_SCALING' }, `Scaling to ${n} shards.`);
    });
    return form;
  }

  function view(_session: Session, streamName: string): View {
    const { h, replace } = kit.dom;
    const mapBox = h('div', { class: 'map-box' }, 'Loading…');
    const actionBox = h('div', { class: 'panel actions-panel' });
    const tableBox = h('div', { class: 'table-box' });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    let selected: string | undefined;
    let shards: GraphShard[] = [];
    let disposed = false;
    let mapKey = '';
    let actionsKey = '';

    /** Redraws what changed: the map and table when any shard did, the action forms only when their choices did. */
    const draw = () => {
      const nextMap = JSON.stringify([selected, shards.map((s) => [s.ShardId, s.State, s.RecordCount, s.RecordsWritten])]);
      if (nextMap !== mapKey) {
        mapKey = nextMap;
        replace(mapBox, kit.shardMap.render(shards, selected, select));
        replace(tableBox, table(shards, selected, select));
      }
      const shard = shards.find((s) => s.ShardId === selected);
      const open = shards.filter((s) => s.State === 'OPEN');
      const nextActions = JSON.stringify([selected, shard?.State, open.length, shard === undefined ? [] : neighbours(shard, shards).map((s) => s.ShardId)]);
      if (nextActions !== actionsKey) {
        actionsKey = nextActions;
        replace(actionBox, actions(shard, shards, run), scaling(open.length, run));
      }
    };
    const select = (id: string) => {
      selected = id;
      draw();
      (mapBox.querySelector(`[data-shard="${id}"]`) as SVGElement | null)?.focus();
    };
    const refresh = async () => {
      try {
        const graph = await kit.api.shardGraph(streamName);
        if (disposed) return;
        shards = graph.Shards;
        // Start with the first open shard selected, so its split and merge forms are there to use.
        if (selected === undefined) selected = shards.find((s) => s.State === 'OPEN')?.ShardId;
        draw();
      } catch (e) {
        if (!disposed) replace(mapBox, h('p', { class: 'error' }, kit.api.describe(e)));
      }
    };
    const run = async (op: string, input: Record<string, unknown>, done: string) => {
      error.hidden = true;
      try {
        await kit.api.kinesis(op, { StreamName: streamName, ...input });
        kit.dom.announce(done);
        await refresh();
      } catch (e) {
        error.textContent = kit.api.describe(e);
        error.hidden = false;
      }
    };
    const element = h('div', { class: 'shards' },
      h('div', { class: 'panel' },
        h('h2', {}, 'Shard lineage across the hash-key space'),
        h('p', { class: 'hint legend' }, h('span', { class: 'key open' }), ' open ', h('span', { class: 'key closed' }), ' closed ', h('span', { class: 'key expired' }), ' expired · one row per generation; lines lead from parents to children'),
        mapBox),
      error, actionBox, tableBox);
    void refresh();
    const timer = window.setInterval(() => void refresh(), 3000);
    return { element, dispose: () => { disposed = true; window.clearInterval(timer); } };
  }

  return { view };
}
