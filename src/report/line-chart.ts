// A time-series line chart: one value per metrics period, drawn at the middle of its period.

import { axes, legend, n, svg, timeFrame, timeUnit } from './chart.js';
import { compact, esc } from './html.js';
import { SERIES } from './palette.js';

export interface Series {
  label: string;
  values: readonly number[];
}

export interface LineChartOptions {
  id: string;
  title: string;
  description: string;
  yTitle: string;
  periodSeconds: number;
  endSeconds: number;
  series: readonly Series[];
  /** A vertical rule (e.g. where the run's duration ends and the drain begins). */
  marker?: { atSecond: number; label: string };
  yFormat?: (v: number) => string;
  height?: number;
}

export function lineChart(o: LineChartOptions): string {
  let max = 0;
  for (const s of o.series) for (const v of s.values) if (v > max) max = v;
  const f = timeFrame(o.endSeconds, [0, max > 0 ? max : 1], { height: o.height ?? 280, margin: { top: 40 } });
  const unit = timeUnit(o.endSeconds);
  const lines = o.series.map((s, i) => {
    const style = SERIES[i % SERIES.length]!;
    const pts = s.values.map((v, p) => `${n(f.x(Math.min(o.endSeconds, (p + 0.5) * o.periodSeconds)))},${n(f.y(v))}`).join(' ');
    const dots = s.values.length <= 90
      ? s.values.map((v, p) => `<circle cx="${n(f.x(Math.min(o.endSeconds, (p + 0.5) * o.periodSeconds)))}" cy="${n(f.y(v))}" r="2.2" fill="${style.color}"/>`).join('')
      : '';
    return `<polyline fill="none" stroke="${style.color}" stroke-width="2" stroke-linejoin="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} points="${pts}"/>${dots}`;
  }).join('');
  let marker = '';
  if (o.marker !== undefined && o.marker.atSecond < o.endSeconds) {
    const x = f.x(o.marker.atSecond);
    const nearEnd = x > f.right - 140;
    marker = `<line x1="${n(x)}" x2="${n(x)}" y1="${f.top}" y2="${f.bottom}" stroke="#444" stroke-dasharray="3 3"/>`
      + `<text x="${n(nearEnd ? x - 4 : x + 4)}" y="${f.top + 10}" font-size="11" fill="#444"${nearEnd ? ' text-anchor="end"' : ''}>${esc(o.marker.label)}</text>`;
  }
  const items = o.series.map((s, i) => ({ label: s.label, color: SERIES[i % SERIES.length]!.color, dash: SERIES[i % SERIES.length]!.dash }));
  const body = axes(f, { xTitle: `Simulated time (${unit.name})`, yTitle: o.yTitle, xFormat: (t) => compact(t / unit.divisor), yFormat: o.yFormat ?? compact })
    + lines + marker + legend(items, f.left, 18);
  return svg(f, o.title, o.description, body, o.id);
}
