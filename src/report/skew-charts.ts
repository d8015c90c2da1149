// Key skew: the top keys as bars (share of all records, with the shard each landed on), and the Lorenz
// curve of load over shards (how far the cumulative share of records sags below an even spread).

import type { SimulationSummary } from '../sim/summary.js';
import { axes, frame, legend, n, svg } from './chart.js';
import { esc, int, pct } from './html.js';
import { SERIES } from './palette.js';
import { shortId } from './shard-order.js';

export function topKeysChart(s: SimulationSummary, id: string): string {
  const keys = s.hotKeys;
  const rowH = 24;
  const max = Math.max(0.0001, ...keys.map((k) => k.share));
  const f = frame({ width: 760, height: 70 + Math.max(1, keys.length) * rowH + 44, x: [0, max], y: [0, 1], margin: { left: 170, top: 40, bottom: 44, right: 150 } });
  const bars = keys.map((k, i) => {
    const y = f.top + i * rowH + 4;
    const w = Math.max(1, f.x(k.share) - f.left);
    const where = k.shardId !== null ? `shard ${shortId(k.shardId)}` : k.shardIds.length > 0 ? `${k.shardIds.length} shards` : 'spread';
    const name = k.key.length > 22 ? `${k.key.slice(0, 21)}\u2026` : k.key;
    return `<text x="${f.left - 8}" y="${y + 13}" text-anchor="end" font-size="12">${esc(name)}</text>`
      + `<rect x="${f.left}" y="${y}" width="${n(w)}" height="${rowH - 8}" fill="${SERIES[0].color}"><title>${esc(`${k.key}: ${int(k.records)} records, ${pct(k.share)}`)}</title></rect>`
      + `<text x="${n(f.left + w + 6)}" y="${y + 13}" font-size="11.5">${esc(`${pct(k.share)} \u00b7 ${where}`)}</text>`;
  }).join('');
  const body = axes({ ...f, y: Object.assign((v: number) => v, { domain: [0, 1] as [number, number], ticks: [] as number[] }) }, {
    xTitle: 'Share of all records produced', yTitle: '', xFormat: (v) => `${Number((v * 100).toPrecision(3))}%`, grid: false,
  }) + bars + `<g class="legend"><text x="${f.left}" y="18">Top ${keys.length} keys by records produced, with the shard each maps to at the end of the run</text></g>`;
  return svg(f, 'Top keys', `The ${keys.length} busiest keys and their share of all records.`, body, id);
}

/** Records per second of open time (within the run) for each shard that was open, ascending. */
export function shardRates(s: SimulationSummary): { shardId: string; rate: number }[] {
  const d = s.scenario.durationSeconds;
  return s.shards
    .map((sh) => ({ shardId: sh.shardId, open: Math.min(sh.closedAtSecond ?? d, d) - Math.min(sh.openedAtSecond, d), records: sh.IncomingRecords }))
    .filter((x) => x.open > 0)
    .map((x) => ({ shardId: x.shardId, rate: x.records / x.open }))
    .sort((a, b) => a.rate - b.rate);
}

export function lorenzChart(s: SimulationSummary, id: string): string {
  const rates = shardRates(s);
  const total = rates.reduce((a, b) => a + b.rate, 0) || 1;
  const f = frame({ width: 420, height: 380, x: [0, 1], y: [0, 1], margin: { left: 60, top: 44, bottom: 48, right: 20 }, xTicks: 4, yTicks: 4 });
  const pts: string[] = [`${n(f.x(0))},${n(f.y(0))}`];
  let cum = 0;
  rates.forEach((r, i) => {
    cum += r.rate;
    pts.push(`${n(f.x((i + 1) / rates.length))},${n(f.y(cum / total))}`);
  });
  const area = `<polygon points="${pts.join(' ')} ${n(f.x(1))},${n(f.y(1))}" fill="#c6dbef" opacity="0.7"/>`;
  const curve = `<polyline points="${pts.join(' ')}" fill="none" stroke="${SERIES[0].color}" stroke-width="2.2"/>`
    + pts.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="${rates.length > 64 ? 1.2 : 2.4}" fill="${SERIES[0].color}"/>`).join('');
  const diag = `<line x1="${n(f.x(0))}" y1="${n(f.y(0))}" x2="${n(f.x(1))}" y2="${n(f.y(1))}" stroke="${SERIES[2].color}" stroke-width="1.5" stroke-dasharray="${SERIES[2].dash}"/>`;
  const note = `<text x="${n(f.x(0.04))}" y="${n(f.y(0.9))}" font-size="13" font-weight="600">Gini ${s.skew.gini.toFixed(3)}</text>`
    + `<text x="${n(f.x(0.04))}" y="${n(f.y(0.9) + 16)}" font-size="12">busiest shard ${s.skew.maxOverMean.toFixed(2)}\u00d7 the mean</text>`;
  const pctFmt = (v: number) => `${Math.round(v * 100)}%`;
  const body = axes(f, { xTitle: 'Cumulative share of shards (least busy first)', yTitle: 'Cumulative share of records', xFormat: pctFmt, yFormat: pctFmt })
    + area + diag + curve + note
    + legend([{ label: 'Lorenz curve', color: SERIES[0].color }, { label: 'even spread', color: SERIES[2].color, dash: SERIES[2].dash }], f.left, 20);
  return svg(f, 'Lorenz curve of load over shards', `Cumulative share of records against cumulative share of ${rates.length} shards; Gini ${s.skew.gini}.`, body, id);
}
