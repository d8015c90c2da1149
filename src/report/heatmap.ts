// The per-shard write load heatmap: one row per shard (hash-key order), one column per period (or group of
// periods), the cell's darkness its share of the shard's write limit; a red triangle where it throttled.

import type { SimulationSummary } from '../sim/summary.js';
import { axes, n, svg, timeFrame, timeUnit } from './chart.js';
import { compact, esc } from './html.js';
import { darkAt, ramp } from './palette.js';
import { inKeyOrder, shortId } from './shard-order.js';

const MAX_COLUMNS = 240;

export function heatmap(s: SimulationSummary, id: string): string {
  const P = s.metrics.periodSeconds;
  const limits = s.limits;
  const periods = s.metrics.periods;
  const k = Math.ceil(periods / MAX_COLUMNS);
  const columns = Math.ceil(periods / k);
  const shards = inKeyOrder(s.shards);
  const series = new Map(s.metrics.shards.map((m) => [m.shardId, m]));
  const rows = shards.length;
  const rowH = Math.max(3, Math.min(20, Math.floor(520 / rows)));
  const plotH = rowH * rows;
  const endSeconds = periods * P;
  const f = timeFrame(endSeconds, [0, 1], { width: 1216, height: 56 + plotH + 48, margin: { left: 78, top: 56, bottom: 48, right: 18 } });
  const unit = timeUnit(endSeconds);
  const colW = (f.right - f.left) / columns;
  const cells: string[] = [];
  const labels: string[] = [];
  const labelEvery = Math.ceil(12 / rowH);
  shards.forEach((sh, r) => {
    const m = series.get(sh.shardId)!;
    const y = f.top + r * rowH;
    if (r % labelEvery === 0) labels.push(`<text x="${f.left - 6}" y="${n(y + rowH / 2 + 4)}" text-anchor="end" font-size="${Math.min(11, rowH + 2)}">${esc(shortId(sh.shardId))}</text>`);
    for (let c = 0; c < columns; c++) {
      let util = 0;
      let throttled = 0;
      let open = false;
      for (let p = c * k; p < Math.min(periods, (c + 1) * k); p++) {
        util = Math.max(util, m.IncomingRecords[p]! / (limits.writeRecordsPerSecond * P), m.IncomingBytes[p]! / (limits.writeBytesPerSecond * P));
        throttled += m.WriteProvisionedThroughputExceeded[p]!;
        if (sh.openedAtSecond < (p + 1) * P && (sh.closedAtSecond === null || sh.closedAtSecond > p * P)) open = true;
      }
      const x = f.left + c * colW;
      if (!open) {
        cells.push(`<rect x="${n(x)}" y="${y}" width="${n(colW + 0.3)}" height="${rowH}" fill="url(#${id}-hatch)"/>`);
        continue;
      }
      cells.push(`<rect x="${n(x)}" y="${y}" width="${n(colW + 0.3)}" height="${rowH}" fill="${ramp(util)}"><title>shard ${shortId(sh.shardId)}, ${esc(String(Math.round(util * 100)))}% of write limit${throttled > 0 ? `, ${throttled} throttled` : ''}</title></rect>`);
      if (throttled > 0) {
        const t = Math.min(colW, rowH, 9);
        cells.push(`<path d="M${n(x + colW - t)},${y} h${n(t)} v${n(t)} z" fill="#d7301f" stroke="${darkAt(util) ? '#fff' : 'none'}" stroke-width="0.6"/>`);
      }
    }
  });
  const defs = `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fafbfc"/><line x1="0" y1="0" x2="0" y2="6" stroke="#e1e4e9" stroke-width="2"/></pattern>`
    + `<linearGradient id="${id}-ramp">${[0, 0.25, 0.5, 0.75, 1].map((t) => `<stop offset="${t}" stop-color="${ramp(t)}"/>`).join('')}</linearGradient></defs>`;
  const lx = f.left;
  const legendSvg = `<g class="legend"><text x="${lx}" y="16">Write utilisation (share of ${limits.writeRecordsPerSecond.toLocaleString('en-US')} records/s or ${limits.writeBytesPerSecond / 1048576} MiB/s, whichever is higher)</text>`
    + `<rect x="${lx}" y="24" width="160" height="10" fill="url(#${id}-ramp)" stroke="#888" stroke-width="0.5"/>`
    + `<text x="${lx}" y="46" font-size="11">0%</text><text x="${lx + 80}" y="46" font-size="11" text-anchor="middle">50%</text><text x="${lx + 160}" y="46" font-size="11" text-anchor="end">100%</text>`
    + `<path d="M${lx + 196},24 h10 v10 z" fill="#d7301f"/><text x="${lx + 212}" y="34">throttled in the period</text>`
    + `<rect x="${lx + 360}" y="24" width="14" height="10" fill="url(#${id}-hatch)" stroke="#bbb" stroke-width="0.5"/><text x="${lx + 380}" y="34">shard not open</text></g>`;
  const frameBox = `<rect x="${f.left}" y="${f.top}" width="${n(f.right - f.left)}" height="${plotH}" fill="none" stroke="#9aa1ae"/>`;
  const noTicks = Object.assign((v: number) => v, { domain: [0, 1] as [number, number], ticks: [] as number[] });
  const axesSvg = axes({ ...f, y: noTicks }, {
    xTitle: `Simulated time (${unit.name}); ${k > 1 ? `${k} periods of ${P} s` : `${P} s`} per column`,
    yTitle: 'Shard (hash-key order)',
    xFormat: (t) => compact(t / unit.divisor),
    grid: false,
  });
  return svg(f, 'Per-shard write load over time',
    `Heatmap of ${rows} shards over ${columns} columns: darker is closer to the shard's write limit; red triangles mark periods with throttled writes.`,
    defs + cells.join('') + frameBox + axesSvg + labels.join('') + legendSvg, id);
}
