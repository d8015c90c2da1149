// The Configuration tab (data retention, capacity mode, shard-level metrics) and the Enhanced fan-out tab
// (consumers: list, register, deregister). Every change is the Kinesis call AWS's console makes.

import type { Kit, Session, View } from './kit.js';

export function settingsViewModule(kit: Kit) {
  const SHARD_METRICS = [
    'IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded',
    'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds',
  ];

  /** A form whose submit runs `action`, showing AWS's error text under it or announcing `done`. */
  function actionForm(title: string, body: HTMLElement[], button: string, action: () => Promise<string>): HTMLFormElement {
    const { h } = kit.dom;
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const id = kit.dom.uid('form');
    const form = h('form', { novalidate: true, class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...body, error, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, button)));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.hidden = true;
      try {
        kit.dom.announce(await action());
      } catch (err) {
        error.textContent = kit.api.describe(err);
        error.hidden = false;
      }
    });
    return form;
  }

  function configuration(_session: Session, streamName: string): View {
    const { h, field } = kit.dom;
    const element = h('div', { class: 'settings' }, h('p', {}, 'Loading…'));
    const load = async () => {
      const s = (await kit.api.kinesis('DescribeStreamSummary', { StreamName: streamName })).StreamDescriptionSummary;
      const hours = h('input', { type: 'number', min: 24, max: 8760, step: 1, value: s.RetentionPeriodHours });
      const retention = actionForm('Data retention period', [field('Retention (hours)', hours, 'From 24 hours to 8760 hours (365 days).')], 'Save retention', async () => {
        const target = kit.dom.numberValue(hours);
        const current = (await kit.api.kinesis('DescribeStreamSummary', { StreamName: streamName })).StreamDescriptionSummary.RetentionPeriodHours;
        const op = target !== undefined && target < current ? 'DecreaseStreamRetentionPeriod' : 'IncreaseStreamRetentionPeriod';
        await kit.api.kinesis(op, { StreamName: streamName, RetentionPeriodHours: target });
        return `Retention set to ${target} hours.`;
      });
      const mode = h('select', {}, h('option', { value: 'ON_DEMAND', selected: s.StreamModeDetails?.StreamMode === 'ON_DEMAND' }, 'On-demand'),
        h('option', { value: 'PROVISIONED', selected: s.StreamModeDetails?.StreamMode !== 'ON_DEMAND' }, 'Provisioned'));
      const capacity = actionForm('Capacity mode', [field('Capacity mode', mode)], 'Save capacity mode', async () => {
        await kit.api.kinesis('UpdateStreamMode', { StreamARN: s.StreamARN, StreamModeDetails: { StreamMode: mode.value } });
        return `Capacity mode set to ${mode.value}.`;
      });
      const enabled = new Set<string>(s.EnhancedMonitoring?.[0]?.ShardLevelMetrics ?? []);
      const boxes = SHARD_METRICS.map((m) => [m, h('input', { type: 'checkbox', value: m, checked: enabled.has(m) })] as const);
      const metrics = actionForm('Shard-level metrics (enhanced monitoring)', [
        h('fieldset', { class: 'checks' }, h('legend', {}, 'Published per shard, from when they are enabled'),
          ...boxes.map(([m, box]) => h('label', { class: 'choice' }, box, ` ${m}`))),
      ], 'Save shard-level metrics', async () => {
        const on = boxes.filter(([, b]) => b.checked).map(([m]) => m);
        const now = new Set<string>((await kit.api.kinesis('DescribeStreamSummary', { StreamName: streamName })).StreamDescriptionSummary.EnhancedMonitoring?.[0]?.ShardLevelMetrics ?? []);
        const add = on.filter((m) => !now.has(m));
        const remove = [...now].filter((m) => !on.includes(m));
        if (add.length > 0) await kit.api.kinesis('EnableEnhancedMonitoring', { StreamName: streamName, ShardLevelMetrics: add });
        if (remove.length > 0) await kit.api.kinesis('DisableEnhancedMonitoring', { StreamName: streamName, ShardLevelMetrics: remove });
        return `Shard-level metrics: ${on.length === 0 ? 'none' : on.join(', ')}.`;
      });
      kit.dom.replace(element, h('div', { class: 'columns three' }, retention, capacity, metrics));
    };
    load().catch((e) => kit.dom.replace(element, h('p', { class: 'error' }, kit.api.describe(e))));
    return { element, dispose: () => undefined };
  }

  function consumers(_session: Session, streamName: string): View {
    const { h, field, replace } = kit.dom;
    const list = h('div', { class: 'panel' }, 'Loading…');
    let arn = '';
    let disposed = false;
    const refresh = async () => {
      try {
        arn = (await kit.api.kinesis('DescribeStreamSummary', { StreamName: streamName })).StreamDescriptionSummary.StreamARN;
        const out = await kit.api.kinesis('ListStreamConsumers', { StreamARN: arn });
        if (disposed) return;
        const rows = out.Consumers as { ConsumerName: string; ConsumerARN: string; ConsumerStatus: string; ConsumerCreationTimestamp: number }[];
        replace(list, h('h2', {}, 'Consumers'), rows.length === 0 ? h('p', { class: 'empty-state' }, 'No registered consumers.') : h('table', { class: 'data' },
          h('thead', {}, h('tr', {}, ...['Name', 'Status', 'Registered', 'ARN', ''].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, ...rows.map((c) => h('tr', {},
            h('th', { scope: 'row' }, c.ConsumerName),
            h('td', {}, h('span', { class: `badge ${c.ConsumerStatus.toLowerCase()}` }, c.ConsumerStatus)),
            h('td', {}, kit.dom.time(c.ConsumerCreationTimestamp * 1000)),
            h('td', {}, h('code', { class: 'arn' }, c.ConsumerARN)),
            h('td', {}, h('button', { type: 'button', class: 'link danger', 'aria-label': `Deregister ${c.ConsumerName}`, on: { click: () => void deregister(c.ConsumerARN, c.ConsumerName) } }, 'Deregister')))))));
      } catch (e) {
        if (!disposed) replace(list, h('p', { class: 'error' }, kit.api.describe(e)));
      }
    };
    const deregister = async (ConsumerARN: string, name: string) => {
      try {
        await kit.api.kinesis('DeregisterStreamConsumer', { ConsumerARN });
        kit.dom.announce(`Deregistering consumer ${name}.`);
      } catch (e) {
        kit.dom.announce(kit.api.describe(e), 'error');
      }
      void refresh();
    };
    const name = h('input', { type: 'text', required: true, maxlength: 128, autocomplete: 'off' });
    const register = actionForm('Register consumer', [field('Consumer name', name)], 'Register consumer', async () => {
      await kit.api.kinesis('RegisterStreamConsumer', { StreamARN: arn, ConsumerName: name.value });
      const done = `Registered consumer ${name.value}.`;
      name.value = '';
      void refresh();
      return done;
    });
    void refresh();
    const timer = window.setInterval(() => void refresh(), 3000);
    const element = h('div', { class: 'columns' }, h('div', { class: 'main-col' }, list), h('div', { class: 'side-col' }, register));
    return { element, dispose: () => { disposed = true; window.clearInterval(timer); } };
  }

  return { configuration, consumers };
}
