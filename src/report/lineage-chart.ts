// The lineage diagram: every shard as a box spanning the time it was open (x) and its hash-key range (y),
// so splits and merges read as boxes dividing and joining; reshard requests are marked on the time axis,
// solid when AWS accepted them, dashed red with a cross when it refused.

import type { SimulationSummary } from '../sim/summary.js';
import { axes, n, svg, timeFrame, timeUnit } from './chart.js';
import { compact, esc } from './html.js';
import { ALERT, darkAt, ramp } from './palette.js';
import { keyFraction, shortId } from './shard-order.js';

export function lineageChart(s: SimulationSummary, id: string): string {
  const end = Math.max(s.endedAtSecond, 1);
  const plotH = Math.max(220, Math.min(520, s.shards.length * 14));
  const f = timeFrame(end, [0, 1], { height: 86 + plotH + 48, margin: { left: 64, top: 86, bottom: 48 } });
  const unit = timeUnit(end);
  const y = (frac: number) => f.top + frac * (f.bottom - f.top);
  const boxes = s.shards.map((sh) => {
    const x0 = f.x(Math.min(sh.openedAtSecond, end));
    const x1 = f.x(Math.min(sh.closedAtSecond ?? end, end));
    const y0 = y(keyFraction(sh.hashKeyRange.StartingHashKey));
    const y1 = y(keyFraction(sh.hashKeyRange.EndingHashKey));
    const openS = Math.max(1e-9, Math.min(sh.closedAtSecond ?? end, end) - sh.openedAtSecond);
    const util = Math.max(sh.IncomingRecords / openS / s.limits.writeRecordsPerSecond, sh.IncomingBytes / openS / s.limits.writeBytesPerSecond);
    const label = x1 - x0 > 26 && y1 - y0 > 12
      ? `<text x="${n((x0 + x1) / 2)}" y="${n((y0 + y1) / 2 + 4)}" text-anchor="middle" font-size="11" fill="${darkAt(util) ? '#fff' : '#1d2330'}">${esc(shortId(sh.shardId))}</text>` : '';
    const tip = `shard ${shortId(sh.shardId)}: open ${compact(sh.openedAtSecond)}-${sh.closedAtSecond === null ? 'end' : compact(sh.closedAtSecond)} s, ${Math.round(util * 100)}% of its write limit on average`;
    return `<rect x="${n(x0)}" y="${n(y0)}" width="${n(Math.max(0.8, x1 - x0))}" height="${n(Math.max(0.8, y1 - y0))}" fill="${ramp(util)}" stroke="#fff" stroke-width="0.8"><title>${esc(tip)}</title></rect>${label}`;
  }).join('');
  const events = s.reshards.map((r, i) => {
    const x = f.x(Math.min(r.atSecond, end));
    const ok = r.result === 'OK';
    const text = r.operation === 'UpdateShardCount' || r.operation === 'OnDemandScaling' ? `\u2192${r.targetShardCount}` : r.operation === 'SplitShard' ? `split ${shortId(r.shardIds[0] ?? '')}` : `merge ${r.shardIds.map(shortId).join('+')}`;
    const row = 58 + (i % 3) * 11;
    const line = `<line x1="${n(x)}" x2="${n(x)}" y1="${row + 3}" y2="${f.bottom}" stroke="${ok ? '#1d2330' : ALERT}" stroke-width="${ok ? 1.2 : 1.4}"${ok ? '' : ' stroke-dasharray="4 3"'}/>`;
    const mark = ok ? `<circle cx="${n(x)}" cy="${row}" r="3" fill="#1d2330"/>` : `<path d="M${n(x - 3)},${row - 3} l6,6 m0,-6 l-6,6" stroke="${ALERT}" stroke-width="1.6"/>`;
    return `${line}${mark}<text x="${n(x + 5)}" y="${row + 4}" font-size="10" fill="${ok ? '#1d2330' : ALERT}">${esc(ok ? text : `${text} ${r.result.replace(/Exception$/, '')}`)}<title>${esc(`${r.atSecond} s: ${r.operation} ${r.result}${r.message ? ` (${r.message})` : ''}`)}</title></text>`;
  }).join('');
  const legendSvg = `<g class="legend"><text x="${f.left}" y="16">Box: one shard, from its opening to its closing (x) over its hash-key range (y); darker = busier</text>`
    + `<circle cx="${f.left + 4}" cy="34" r="3" fill="#1d2330"/><line x1="${f.left + 4}" x2="${f.left + 4}" y1="37" y2="46" stroke="#1d2330"/><text x="${f.left + 14}" y="38">reshard request accepted</text>`
    + `<path d="M${f.left + 190},31 l6,6 m0,-6 l-6,6" stroke="${ALERT}" stroke-width="1.6"/><line x1="${f.left + 193}" x2="${f.left + 193}" y1="38" y2="46" stroke="${ALERT}" stroke-dasharray="3 2"/><text x="${f.left + 204}" y="38">refused (exception named)</text>`
    + `<rect x="${f.left + 380}" y="29" width="60" height="9" fill="url(#${id}-ramp)" stroke="#888" stroke-width="0.5"/><text x="${f.left + 446}" y="38">0% \u2192 100% of write limit</text></g>`
    + `<defs><linearGradient id="${id}-ramp">${[0, 0.5, 1].map((t) => `<stop offset="${t}" stop-color="${ramp(t)}"/>`).join('')}</linearGradient></defs>`;
  const body = axes(f, {
    xTitle: `Simulated time (${unit.name})`, yTitle: 'Hash-key range (share of key space)',
    xFormat: (t) => compact(t / unit.divisor), yFormat: (v) => `${Math.round((1 - v) * 100)}%`, grid: false,
  });
  return svg(f, 'Shard lineage over time', `${s.shards.length} shards over ${compact(end)} simulated seconds, with ${s.reshards.length} reshard requests marked.`, body + boxes + events + legendSvg, id);
}
