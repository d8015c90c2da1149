// The comparison chart: one row per variant, three panels of bars (throttled share, p99 latency, cost),
// so the trade-off between strategies reads across a row.

import type { ComparisonRow } from '../sim/compare-strategies.js';
import { n, svg } from './chart.js';
import { compact, esc, pct } from './html.js';
import { niceTicks } from './scale.js';
import { SERIES } from './palette.js';

interface Panel {
  title: string;
  value: (r: ComparisonRow) => number;
  label: (v: number) => string;
  /** Axis tick labels (shorter than value labels). */
  tick?: (v: number) => string;
}

const PANELS: Panel[] = [
  { title: 'Throttled entries (share)', value: (r) => r.throttledShare, label: pct, tick: (v) => `${Number((v * 100).toPrecision(3))}%` },
  { title: 'Latency p99 (ms)', value: (r) => r.latencyP99Ms, label: (v) => compact(v) },
  { title: 'Busiest shard / mean', value: (r) => r.skewMaxOverMean, label: (v) => `${v.toFixed(2)}\u00d7`, tick: (v) => `${Number(v.toPrecision(3))}\u00d7` },
  { title: 'Cost estimate (USD)', value: (r) => r.estimateUsd, label: (v) => `$${v < 10 ? v.toFixed(4) : v.toFixed(2)}`, tick: (v) => `$${Number(v.toPrecision(3))}` },
];

export function comparisonChart(rows: readonly ComparisonRow[], id: string): string {
  const rowH = 26;
  const left = 190;
  const panelW = 170;
  const gap = 22;
  const top = 44;
  const width = left + PANELS.length * (panelW + gap);
  const height = top + rows.length * rowH + 40;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const name = r.name.length > 28 ? `${r.name.slice(0, 27)}\u2026` : r.name;
    if (i % 2 === 1) parts.push(`<rect x="0" y="${top + i * rowH}" width="${width}" height="${rowH}" fill="#f3f4f7"/>`);
    parts.push(`<text x="${left - 10}" y="${top + i * rowH + 17}" text-anchor="end" font-size="12">${esc(name)}</text>`);
  });
  PANELS.forEach((panel, k) => {
    const x0 = left + k * (panelW + gap);
    const max = Math.max(...rows.map(panel.value), 0);
    const ticks = niceTicks(0, max > 0 ? max : 1, 2);
    const top0 = ticks[ticks.length - 1]!;
    const scale = (v: number) => (v / top0) * (panelW - 50);
    parts.push(`<text x="${x0}" y="${top - 14}" font-size="12" font-weight="600">${esc(panel.title)}</text>`);
    parts.push(`<line x1="${x0}" x2="${x0}" y1="${top}" y2="${top + rows.length * rowH}" stroke="#9aa1ae"/>`);
    for (const t of ticks) {
      parts.push(`<line x1="${n(x0 + scale(t))}" x2="${n(x0 + scale(t))}" y1="${top + rows.length * rowH}" y2="${top + rows.length * rowH + 4}" stroke="#9aa1ae"/><text x="${n(x0 + scale(t))}" y="${top + rows.length * rowH + 16}" font-size="10" text-anchor="middle" fill="#3d4454">${esc((panel.tick ?? panel.label)(t))}</text>`);
    }
    rows.forEach((r, i) => {
      const v = panel.value(r);
      const w = scale(v);
      parts.push(`<rect x="${x0}" y="${top + i * rowH + 6}" width="${n(Math.max(v > 0 ? 1.5 : 0, w))}" height="${rowH - 12}" fill="${SERIES[0].color}"><title>${esc(`${r.name}: ${panel.label(v)}`)}</title></rect>`);
      parts.push(`<text x="${n(x0 + w + 4)}" y="${top + i * rowH + 17}" font-size="11">${esc(panel.label(v))}</text>`);
    });
  });
  return svg({ width, height }, 'Comparison of variants', `${rows.length} variants of one workload: throttling, p99 latency, skew and cost.`, parts.join(''), id);
}
