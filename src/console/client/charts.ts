// Metric charts of the console: one line chart per metric and statistic, inline SVG, engine time on the x axis.

import type { Kit } from './kit.js';

/** One chart: a metric's statistic per period over engine time. */
export interface ChartSpec {
  title: string;
  statistic: string;
  unit: string;
  periodMs: number;
  startMs: number;
  endMs: number;
  /** Datapoints: period start and value. */
  points: { t: number; v: number }[];
  /** Counters read a missing period as 0; averages and maxima leave a gap. */
  zeroFill: boolean;
  /** The engine's time: the period holding it is still filling, so it is not read as 0 when empty. */
  nowMs: number;
}

export function chartsModule(kit: Kit) {
  const W = 520;
  const H = 190;
  const M = { left: 58, right: 14, top: 12, bottom: 26 };


  const SECOND = 1000;
  const MINUTE = 60 * SECOND;
  const HOUR = 60 * MINUTE;
  /** Tick steps a reader takes in at a glance: 1-2-5 counts, powers of two of byte units, clock-like durations. */
  function steps(unit: string): number[] {
    const decimal = [];
    for (let p = 1e-3; p <= 1e15; p *= 10) decimal.push(p, 2 * p, 5 * p);
    if (unit === 'Bytes') {
      const out = [];
      for (let u = 1; u <= 1024 ** 4; u *= 1024) for (let m = 1; m < 1024; m *= 2) out.push(m * u);
      return out;
    }
    if (unit === 'Milliseconds') {
      const clock = [1, 2, 5, 10, 15, 30].map((s) => s * SECOND).concat([1, 2, 5, 10, 15, 30].map((m) => m * MINUTE), [1, 2, 3, 6, 12, 24, 48].map((h) => h * HOUR));
      return decimal.filter((d) => d < SECOND).concat(clock);
    }
    return decimal;
  }

  /** The axis: a step and a maximum of at most five steps at or above `v`. */
  function axis(v: number, unit: string): { step: number; max: number } {
    const top = v > 0 ? v : 1;
    const step = steps(unit).find((s) => Math.ceil(top / s) <= 5 && (unit !== 'Count' || s >= 1 || top < 1)) ?? top;
    return { step, max: Math.max(step, Math.ceil(top / step) * step) };
  }

  function formatValue(v: number, unit: string): string {
    if (unit === 'Bytes') return kit.dom.bytes(v);
    if (unit === 'Milliseconds') return kit.dom.duration(v);
    return kit.dom.number(v);
  }

  /** The series to draw: the datapoints, with zeros for empty periods of a counter. */
  function series(spec: ChartSpec): ({ t: number; v: number } | null)[] {
    const byT = new Map(spec.points.map((p) => [p.t, p.v]));
    const out: ({ t: number; v: number } | null)[] = [];
    // Before the first datapoint in range the metric may not have existed yet: nothing is drawn there.
    const firstMs = spec.points[0]?.t ?? Infinity;
    for (let t = spec.startMs; t < spec.endMs; t += spec.periodMs) {
      const v = byT.get(t);
      const complete = t >= firstMs && t + spec.periodMs <= spec.nowMs;
      out.push(v !== undefined ? { t, v } : spec.zeroFill && complete ? { t, v: 0 } : null);
    }
    return out;
  }

  function lineChart(spec: ChartSpec): HTMLElement {
    const { svg, h } = kit.dom;
    const data = series(spec);
    const values = spec.points.map((p) => p.v);
    const { step, max } = axis(Math.max(0, ...values), spec.unit);
    const x = (t: number) => M.left + ((t - spec.startMs) / Math.max(1, spec.endMs - spec.startMs - spec.periodMs)) * (W - M.left - M.right);
    const y = (v: number) => H - M.bottom - (v / max) * (H - M.top - M.bottom);
    const grid: SVGElement[] = [];
    for (let i = 0; i * step <= max + step / 1e6; i++) {
      const v = i * step;
      grid.push(svg('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: i === 0 ? 'axis' : 'grid' }));
      grid.push(svg('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, formatValue(v, spec.unit)));
    }
    const span = spec.endMs - spec.startMs;
    const stepMs = [60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000].find((s) => span / s <= 6) ?? 10_800_000;
    for (let t = Math.ceil(spec.startMs / stepMs) * stepMs; t < spec.endMs; t += stepMs) {
      grid.push(svg('text', { x: x(t), y: H - 8, 'text-anchor': 'middle', class: 'tick' }, kit.dom.hoursMinutes(t)));
    }
    let line = '';
    let area = '';
    let run: { t: number; v: number }[] = [];
    const flush = () => {
      if (run.length === 0) return;
      line += run.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
      area += `M${x(run[0]!.t).toFixed(1)},${y(0)}` + run.map((p) => `L${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join('') + `L${x(run[run.length - 1]!.t).toFixed(1)},${y(0)}Z`;
      run = [];
    };
    for (const p of data) {
      if (p === null) flush();
      else run.push(p);
    }
    flush();
    const dots = spec.points.length <= 30 ? spec.points.map((p) => svg('circle', { cx: x(p.t), cy: y(p.v), r: 2.5, class: 'dot' }, svg('title', {}, `${kit.dom.hoursMinutes(p.t)} UTC: ${formatValue(p.v, spec.unit)}`))) : [];
    const last = spec.points[spec.points.length - 1];
    const lastText = last === undefined ? 'no data' : `${formatValue(last.v, spec.unit)} at ${kit.dom.hoursMinutes(last.t)}`;
    const period = kit.dom.duration(spec.periodMs);
    const label = `${spec.title}, ${spec.statistic} per ${period}: ${spec.points.length} datapoints, latest ${lastText}`;
    return h('figure', { class: 'chart', 'data-metric': spec.title, 'data-points': spec.points.length },
      h('figcaption', {},
        h('span', { class: 'chart-title' }, spec.title),
        h('span', { class: 'chart-stat' }, `${spec.statistic} · ${period}`),
        h('span', { class: 'chart-last' }, lastText)),
      svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'none' },
        grid,
        svg('path', { d: area, class: 'area' }),
        svg('path', { d: line, class: 'line' }),
        dots,
        spec.points.length === 0 ? svg('text', { x: (M.left + W - M.right) / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'No datapoints in this range') : null));
  }

  return { lineChart, formatValue };
}
