// The Data streams page: every stream with its status, capacity mode, open shards, retention and consumers; create a
// stream (on-demand by default, like AWS's console) and delete one.

import type { Kit, Session, View } from './kit.js';

export function streamsViewModule(kit: Kit) {
  interface Row {
    name: string;
    status: string;
    mode: string;
    openShards: number;
    retentionHours: number;
    consumers: number;
    createdMs: number;
  }

  async function load(): Promise<Row[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await kit.api.kinesis('ListStreams', token === undefined ? { Limit: 100 } : { NextToken: token });
      names.push(...page.StreamNames);
      token = page.HasMoreStreams ? page.NextToken : undefined;
    } while (token !== undefined);
    const rows = await Promise.all(names.map(async (name): Promise<Row | undefined> => {
      try {
        const s = (await kit.api.kinesis('DescribeStreamSummary', { StreamName: name })).StreamDescriptionSummary;
        return {
          name, status: s.StreamStatus, mode: s.StreamModeDetails?.StreamMode ?? 'PROVISIONED', openShards: s.OpenShardCount,
          retentionHours: s.RetentionPeriodHours, consumers: s.ConsumerCount ?? 0, createdMs: s.StreamCreationTimestamp * 1000,
        };
      } catch {
        return undefined; // deleted between the two calls
      }
    }));
    return rows.filter((r): r is Row => r !== undefined);
  }

  function createForm(session: Session, onCreated: () => void): HTMLElement {
    const { h, field } = kit.dom;
    const name = h('input', { type: 'text', required: true, maxlength: 128, placeholder: 'my-stream', autocomplete: 'off', pattern: '[a-zA-Z0-9_.\\-]+' });
    const onDemand = h('input', { type: 'radio', name: 'capacity-mode', value: 'ON_DEMAND', checked: true });
    const provisioned = h('input', { type: 'radio', name: 'capacity-mode', value: 'PROVISIONED' });
    const shards = h('input', { type: 'number', min: 1, step: 1, value: 1, disabled: true });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const sync = () => (shards.disabled = !provisioned.checked);
    onDemand.addEventListener('change', sync);
    provisioned.addEventListener('change', sync);
    const form = h('form', { novalidate: true, class: 'panel create-form', 'aria-labelledby': 'create-title' },
      h('h2', { id: 'create-title' }, 'Create data stream'),
      field('Data stream name', name, 'Letters, digits, hyphens, underscores and periods; up to 128.'),
      h('fieldset', {},
        h('legend', {}, 'Capacity mode'),
        h('label', { class: 'choice' }, onDemand, ' On-demand', h('span', { class: 'hint' }, ' scales with the load (4 shards here)')),
        h('label', { class: 'choice' }, provisioned, ' Provisioned', h('span', { class: 'hint' }, ' a fixed number of shards'))),
      field('Provisioned shards', shards),
      error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create data stream')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      const input: Record<string, unknown> = { StreamName: name.value };
      if (provisioned.checked) input['ShardCount'] = kit.dom.numberValue(shards);
      else input['StreamModeDetails'] = { StreamMode: 'ON_DEMAND' };
      try {
        await kit.api.kinesis('CreateStream', input);
        kit.dom.announce(`Created data stream ${name.value}.`);
        const created = name.value;
        name.value = '';
        onCreated();
        session.navigate(`#/streams/${encodeURIComponent(created)}`);
      } catch (e) {
        error.textContent = kit.api.describe(e);
        error.hidden = false;
      }
    });
    return form;
  }

  function table(rows: readonly Row[], onDelete: (name: string) => void): HTMLElement {
    const { h } = kit.dom;
    if (rows.length === 0) return h('p', { class: 'empty-state' }, 'No data streams yet. Create one with the form.');
    return h('table', { class: 'data' },
      h('caption', { class: 'visually-hidden' }, 'Data streams'),
      h('thead', {}, h('tr', {}, ...['Name', 'Status', 'Capacity mode', 'Open shards', 'Retention', 'Consumers', 'Created', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', { 'data-stream': r.name },
        h('th', { scope: 'row', class: 'nowrap' }, h('a', { href: `#/streams/${encodeURIComponent(r.name)}` }, r.name)),
        h('td', {}, h('span', { class: `badge ${r.status.toLowerCase()}` }, r.status)),
        h('td', {}, r.mode === 'ON_DEMAND' ? 'On-demand' : 'Provisioned'),
        h('td', { class: 'num' }, r.openShards),
        h('td', { class: 'num' }, `${r.retentionHours} h`),
        h('td', { class: 'num' }, r.consumers),
        h('td', { class: 'nowrap' }, kit.dom.time(r.createdMs)),
        h('td', {}, h('button', { type: 'button', class: 'link danger', 'aria-label': `Delete ${r.name}`, on: { click: () => onDelete(r.name) } }, 'Delete'))))));
  }

  function view(session: Session): View {
    const { h, replace } = kit.dom;
    const list = h('div', { class: 'panel', 'aria-live': 'polite', 'aria-busy': 'true' }, 'Loading…');
    let disposed = false;
    const refresh = async () => {
      try {
        const rows = await load();
        if (!disposed) replace(list, table(rows, remove));
      } catch (e) {
        if (!disposed) replace(list, h('p', { class: 'error' }, kit.api.describe(e)));
      }
      list.setAttribute('aria-busy', 'false');
    };
    const remove = async (name: string) => {
      if (!window.confirm(`Delete data stream ${name} and every record in it?`)) return;
      try {
        await kit.api.kinesis('DeleteStream', { StreamName: name, EnforceConsumerDeletion: true });
        kit.dom.announce(`Deleting data stream ${name}.`);
      } catch (e) {
        kit.dom.announce(kit.api.describe(e), 'error');
      }
      void refresh();
    };
    const element = h('section', { class: 'page', 'aria-labelledby': 'streams-title' },
      h('div', { class: 'page-head' }, h('h1', { id: 'streams-title', tabindex: -1 }, 'Data streams')),
      h('div', { class: 'columns' }, h('div', { class: 'main-col' }, list), h('div', { class: 'side-col' }, createForm(session, () => void refresh()))));
    void refresh();
    const timer = window.setInterval(() => void refresh(), 3000);
    return { element, dispose: () => { disposed = true; window.clearInterval(timer); } };
  }

  return { view };
}
