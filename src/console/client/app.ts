// The console page itself: the header (engine, region, the engine's clock and, for a ManualClock, buttons that
// move it), and the router that shows the Data streams list or one stream's details (#/streams/<name>/<tab>).

import type { Kit, Session, View } from './kit.js';

export function appModule(kit: Kit) {
  const { h, replace } = kit.dom;
  const STEPS = [['+1 s', 1_000], ['+1 min', 60_000], ['+5 min', 300_000], ['+1 h', 3_600_000]] as const;

  const clockText = h('span', { class: 'clock-time', id: 'engine-time' }, '…');
  const clockKind = h('span', { class: 'clock-kind' });
  const controls = h('div', { class: 'clock-controls', hidden: true, role: 'group', 'aria-label': 'Advance the engine clock' });
  const about = h('span', { class: 'about' });
  const main = document.getElementById('main')!;

  const session: Session = {
    overview: { version: '', nowMs: 0, manualClock: false, region: '', accountId: '', metricsRetentionMs: 0, metrics: [] },
    async refreshOverview() {
      session.overview = await kit.api.overview();
      const o = session.overview;
      clockText.textContent = kit.dom.time(o.nowMs);
      clockKind.textContent = o.manualClock ? 'manual' : 'system clock';
      controls.hidden = !o.manualClock;
      about.textContent = `${o.region} · ${o.accountId} · v${o.version}`;
      about.title = `Region ${o.region}, account ${o.accountId}, kinesim ${o.version}`;
    },
    navigate(hash: string) {
      if (location.hash === hash) route();
      else location.hash = hash;
    },
  };

  async function advance(ms: number): Promise<void> {
    try {
      await kit.api.clock({ advanceMs: ms });
      await session.refreshOverview();
      kit.dom.announce(`Engine clock advanced by ${kit.dom.duration(ms)}: now ${kit.dom.time(session.overview.nowMs)}.`);
    } catch (e) {
      kit.dom.announce(kit.api.describe(e), 'error');
    }
  }

  const custom = h('input', { type: 'number', min: 0, step: 1, value: 10, id: 'advance-seconds', class: 'short', 'aria-label': 'Seconds to advance' });
  const customForm = h('form', { novalidate: true, class: 'inline' }, custom, h('button', { type: 'submit', 'aria-label': 'Advance the engine clock by the seconds given' }, 's ▸ Advance'));
  customForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void advance((kit.dom.numberValue(custom) ?? 0) * 1000);
  });
  replace(controls, ...STEPS.map(([label, ms]) => h('button', { type: 'button', 'aria-label': `Advance the engine clock by ${kit.dom.duration(ms)}`, on: { click: () => void advance(ms) } }, label)), customForm);

  const header = document.getElementById('top')!;
  replace(header,
    h('a', { class: 'brand', href: '#/streams', title: 'kinesim: Kinesis Data Streams in memory' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '≋'), ' kinesim'),
    about,
    h('div', { class: 'clock', 'aria-live': 'off' }, h('span', { class: 'clock-label' }, 'Engine time'), clockText, clockKind, controls));

  let current: View | undefined;
  function route(): void {
    const parts = location.hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
    const fromTab = document.activeElement?.getAttribute('role') === 'tab';
    const first = current === undefined;
    current?.dispose();
    current = parts[0] === 'streams' && parts[1] !== undefined && parts[1] !== ''
      ? kit.streamView.view(session, parts[1], parts[2] ?? 'monitoring')
      : kit.streamsView.view(session);
    replace(main, current.element);
    document.title = parts[1] ? `${parts[1]} · kinesim console` : 'Data streams · kinesim console';
    // Keyboard and screen-reader users land where they were going: the chosen tab, or the new page's heading.
    if (fromTab) (main.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement | null)?.focus();
    else if (!first) main.querySelector('h1')?.focus();
  }

  // The skip link moves focus without touching the hash, which the router owns.
  document.querySelector('.skip')?.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', route);
  session.refreshOverview().then(route, (e) => replace(main, h('p', { class: 'error' }, kit.api.describe(e))));
  window.setInterval(() => void session.refreshOverview().catch(() => undefined), 1000);
}
