// A stream's details page: its summary, and tabs like AWS's console (Monitoring, Shards, Data viewer,
// Configuration, Enhanced fan-out), each a view of its own module.

import type { Kit, Session, View } from './kit.js';

export function streamViewModule(kit: Kit) {
  const TABS = [
    ['monitoring', 'Monitoring'],
    ['shards', 'Shards'],
    ['data', 'Data viewer'],
    ['configuration', 'Configuration'],
    ['consumers', 'Enhanced fan-out'],
  ] as const;
  type Tab = (typeof TABS)[number][0];

  function summaryList(s: any): HTMLElement {
    const { h } = kit.dom;
    const mode = s.StreamModeDetails?.StreamMode === 'ON_DEMAND' ? 'On-demand' : 'Provisioned';
    const metrics = (s.EnhancedMonitoring?.[0]?.ShardLevelMetrics ?? []) as string[];
    const items: [string, string | HTMLElement][] = [
      ['Status', h('span', { class: `badge ${String(s.StreamStatus).toLowerCase()}` }, s.StreamStatus)],
      ['Capacity mode', mode],
      ['Open shards', String(s.OpenShardCount)],
      ['Data retention', `${s.RetentionPeriodHours} hours`],
      ['Consumers', String(s.ConsumerCount ?? 0)],
      ['Encryption', s.EncryptionType === 'KMS' ? `KMS (${s.KeyId})` : 'None'],
      ['Shard-level metrics', metrics.length === 0 ? 'None' : metrics.length === 7 ? 'All seven (ALL)' : metrics.join(', ')],
      ['Created', kit.dom.time(s.StreamCreationTimestamp * 1000)],
      ['ARN', h('code', {}, s.StreamARN)],
    ];
    return h('dl', { class: 'summary' }, ...items.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
  }

  function tabView(tab: Tab, session: Session, name: string): View {
    if (tab === 'monitoring') return kit.monitoringView.view(session, name);
    if (tab === 'shards') return kit.shardsView.view(session, name);
    if (tab === 'data') return kit.recordsView.view(session, name);
    if (tab === 'configuration') return kit.settingsView.configuration(session, name);
    return kit.settingsView.consumers(session, name);
  }

  function view(session: Session, name: string, tab: string): View {
    const { h, replace } = kit.dom;
    const active: Tab = (TABS.find(([id]) => id === tab)?.[0]) ?? 'monitoring';
    const summary = h('div', { class: 'panel summary-panel', 'aria-live': 'off' }, 'Loading…');
    let disposed = false;
    const refresh = async () => {
      try {
        const s = (await kit.api.kinesis('DescribeStreamSummary', { StreamName: name })).StreamDescriptionSummary;
        if (!disposed) replace(summary, summaryList(s));
      } catch (e) {
        if (!disposed) replace(summary, h('p', { class: 'error' }, kit.api.describe(e)));
      }
    };
    const tabButtons = TABS.map(([id, label]) => h('a', {
      role: 'tab', id: `tab-${id}`, href: `#/streams/${encodeURIComponent(name)}/${id}`, 'aria-selected': id === active ? 'true' : 'false',
      'aria-controls': 'tab-panel', tabindex: id === active ? 0 : -1,
    }, label));
    const tablist = h('div', { role: 'tablist', 'aria-label': 'Stream details', class: 'tabs' }, ...tabButtons);
    tablist.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      const i = tabButtons.findIndex((b) => b === document.activeElement);
      if (i < 0 || (key !== 'ArrowRight' && key !== 'ArrowLeft' && key !== 'Home' && key !== 'End')) return;
      event.preventDefault();
      const next = key === 'Home' ? 0 : key === 'End' ? tabButtons.length - 1 : (i + (key === 'ArrowRight' ? 1 : -1) + tabButtons.length) % tabButtons.length;
      tabButtons[next]!.focus();
      tabButtons[next]!.click();
    });
    const inner = tabView(active, session, name);
    const element = h('section', { class: 'page', 'aria-labelledby': 'stream-title' },
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/streams' }, 'Data streams'), ' › ', h('span', { 'aria-current': 'page' }, name)),
      h('div', { class: 'page-head' }, h('h1', { id: 'stream-title', tabindex: -1 }, name)),
      summary,
      tablist,
      h('div', { role: 'tabpanel', id: 'tab-panel', 'aria-labelledby': `tab-${active}`, class: 'tab-panel' }, inner.element));
    void refresh();
    const timer = window.setInterval(() => void refresh(), 3000);
    return {
      element,
      dispose: () => {
        disposed = true;
        window.clearInterval(timer);
        inner.dispose();
      },
    };
  }

  return { view };
}
