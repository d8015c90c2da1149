// The Data viewer tab: read a shard's records from any starting position (GetShardIterator + GetRecords, 50 at a
// time like AWS's data viewer, Next for more), shown as text, JSON or hex; and put a record.

import type { Kit, Session, View } from './kit.js';

export function recordsViewModule(kit: Kit) {
  const POSITIONS = ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'AT_TIMESTAMP'] as const;
  type Mode = 'text' | 'json' | 'hex';

  async function shardIds(streamName: string): Promise<string[]> {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await kit.api.kinesis('ListShards', token === undefined ? { StreamName: streamName } : { NextToken: token });
      ids.push(...page.Shards.map((s: { ShardId: string }) => s.ShardId));
      token = page.NextToken;
    } while (token !== undefined);
    return ids;
  }

  /** The arrival time on two lines: the date, then the time of day. */
  function arrival(ms: number): (string | HTMLElement)[] {
    const [date, time] = kit.dom.time(ms).split(' ');
    return [date!, kit.dom.h('br'), `${time} UTC`];
  }

  function recordsTable(records: any[], mode: Mode): HTMLElement {
    const { h } = kit.dom;
    if (records.length === 0) return h('p', { class: 'empty-state' }, 'No records in this page.');
    return h('table', { class: 'data records' },
      h('caption', { class: 'visually-hidden' }, 'Records'),
      h('thead', {}, h('tr', {}, ...['Sequence number', 'Arrival', 'Partition key', 'Data', 'Size'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...records.map((r) => {
        const data = kit.dom.decodeBase64(r.Data);
        const shown = kit.dom.renderData(data, mode);
        const fallback = shown.ok ? null : h('pre', { class: 'data-cell' }, kit.dom.renderData(data, 'hex').text);
        return h('tr', { 'data-sequence': r.SequenceNumber },
          h('td', {}, h('code', { class: 'seq' }, r.SequenceNumber)),
          h('td', {}, ...arrival(r.ApproximateArrivalTimestamp * 1000)),
          h('td', {}, h('code', {}, r.PartitionKey)),
          h('td', {}, h('pre', { class: `data-cell${shown.ok ? '' : ' muted'}` }, shown.text), fallback),
          h('td', { class: 'num' }, kit.dom.bytes(data.length)));
      })));
  }

  function putForm(streamName: string, onPut: (shardId: string) => void): HTMLElement {
    const { h, field } = kit.dom;
    const key = h('input', { type: 'text', required: true, maxlength: 256, value: 'key-1', autocomplete: 'off' });
    const data = h('textarea', { rows: 4 }, '{"hello": "kinesim"}');
    const explicit = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'optional', autocomplete: 'off' });
    const result = h('p', { class: 'result', role: 'status' });
    const form = h('form', { novalidate: true, class: 'panel', 'aria-labelledby': 'put-title' },
      h('h2', { id: 'put-title' }, 'Put record'),
      field('Partition key', key), field('Data (UTF-8 text)', data), field('Explicit hash key', explicit, 'Decimal, 0 to 2¹²⁸−1; routes the record instead of the key’s MD5.'),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Put record')), result);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const input: Record<string, unknown> = { StreamName: streamName, PartitionKey: key.value, Data: kit.dom.encodeBase64(kit.dom.utf8.encode(data.value)) };
      if (explicit.value.trim() !== '') input['ExplicitHashKey'] = explicit.value.trim();
      try {
        const out = await kit.api.kinesis('PutRecord', input);
        result.className = 'result ok';
        result.textContent = `Put into ${out.ShardId} as sequence number ${out.SequenceNumber}.`;
        onPut(out.ShardId);
      } catch (err) {
        result.className = 'result error';
        result.textContent = kit.api.describe(err);
      }
    });
    return form;
  }

  function view(session: Session, streamName: string): View {
    const { h, replace, field } = kit.dom;
    const shard = h('select', {});
    const position = h('select', {}, ...POSITIONS.map((p) => h('option', { value: p }, p)));
    const sequence = h('input', { type: 'text', inputmode: 'numeric', class: 'wide', disabled: true, autocomplete: 'off' });
    const timestamp = h('input', { type: 'text', disabled: true, placeholder: 'YYYY-MM-DDTHH:MM:SSZ', autocomplete: 'off' });
    const limit = h('input', { type: 'number', min: 1, max: 10000, value: 50 });
    const mode = h('select', {}, h('option', { value: 'text' }, 'Text'), h('option', { value: 'json' }, 'JSON'), h('option', { value: 'hex' }, 'Hex'));
    const get = h('button', { type: 'submit', class: 'primary' }, 'Get records');
    const next = h('button', { type: 'button', disabled: true }, 'Next');
    const info = h('p', { class: 'hint', role: 'status' });
    const results = h('div', { class: 'results' });
    let iterator: string | undefined;
    let page: any[] = [];
    const sync = () => {
      sequence.disabled = !position.value.includes('SEQUENCE');
      timestamp.disabled = position.value !== 'AT_TIMESTAMP';
      if (!timestamp.disabled && timestamp.value === '') timestamp.value = new Date(session.overview.nowMs).toISOString().slice(0, 19) + 'Z';
    };
    position.addEventListener('change', sync);
    mode.addEventListener('change', () => replace(results, recordsTable(page, mode.value as Mode)));

    const read = async (from: string) => {
      const out = await kit.api.kinesis('GetRecords', { ShardIterator: from, Limit: kit.dom.numberValue(limit) });
      page = out.Records;
      iterator = out.NextShardIterator;
      next.disabled = iterator === undefined;
      replace(results, recordsTable(page, mode.value as Mode));
      const children = (out.ChildShards ?? []).map((c: { ShardId: string }) => c.ShardId);
      info.textContent = `${page.length} records; ${out.MillisBehindLatest === 0 ? 'caught up with the shard' : `${kit.dom.duration(out.MillisBehindLatest)} behind its latest record`}` +
        (children.length > 0 ? `. End of a closed shard: continue with ${children.join(' and ')}.` : '.');
    };
    const fail = (e: unknown) => {
      info.textContent = kit.api.describe(e);
      info.className = 'hint error';
    };
    const form = h('form', { novalidate: true, class: 'panel viewer', 'aria-labelledby': 'viewer-title' },
      h('h2', { id: 'viewer-title' }, 'Data viewer'),
      h('div', { class: 'toolbar' },
        field('Shard', shard), field('Starting position', position), field('Sequence number', sequence), field('Timestamp (UTC)', timestamp),
        field('Limit', limit), field('Show data as', mode)),
      h('div', { class: 'actions' }, get, next), info, results);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      info.className = 'hint';
      const input: Record<string, unknown> = { StreamName: streamName, ShardId: shard.value, ShardIteratorType: position.value };
      if (!sequence.disabled) input['StartingSequenceNumber'] = sequence.value.trim();
      if (!timestamp.disabled) input['Timestamp'] = Date.parse(timestamp.value) / 1000;
      try {
        const out = await kit.api.kinesis('GetShardIterator', input);
        await read(out.ShardIterator);
      } catch (err) {
        fail(err);
      }
    });
    next.addEventListener('click', () => {
      if (iterator !== undefined) read(iterator).catch(fail);
    });
    const fillShards = async (prefer?: string) => {
      try {
        const ids = await shardIds(streamName);
        const current = prefer ?? shard.value;
        replace(shard, ...ids.map((id) => h('option', { value: id, selected: id === current }, id)));
      } catch (err) {
        fail(err);
      }
    };
    void fillShards();
    const element = h('div', { class: 'columns' },
      h('div', { class: 'main-col' }, form),
      h('div', { class: 'side-col' }, putForm(streamName, (id) => void fillShards(id))));
    return { element, dispose: () => undefined };
  }

  return { view };
}
