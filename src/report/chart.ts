// The frame every chart shares: an SVG with a title, plot area, gridlines, axes with titled units, legend.

import { compact, esc } from './html.js';
import { linearScale, timeTicks, type Scale } from './scale.js';

export interface Frame {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  x: Scale;
  y: Scale;
}

export interface FrameOptions {
  width?: number;
  height?: number;
  margin?: { left?: number; right?: number; top?: number; bottom?: number };
  x: [number, number];
  y: [number, number];
  xTicks?: number;
  yTicks?: number;
}

export function frame(o: FrameOptions): Frame {
  const width = o.width ?? 840;
  const height = o.height ?? 300;
  const left = o.margin?.left ?? 64;
  const right = width - (o.margin?.right ?? 18);
  const top = o.margin?.top ?? 34;
  const bottom = height - (o.margin?.bottom ?? 46);
  return {
    width, height, left, top, right, bottom,
    x: linearScale(o.x[0], o.x[1], left, right, o.xTicks ?? 8),
    y: linearScale(o.y[0], o.y[1], bottom, top, o.yTicks ?? 5),
  };
}

/** A time axis unit that keeps tick labels short. */
export function timeUnit(endSeconds: number): { divisor: number; name: string } {
  if (endSeconds >= 3 * 3600) return { divisor: 3600, name: 'hours' };
  if (endSeconds >= 180) return { divisor: 60, name: 'minutes' };
  return { divisor: 1, name: 'seconds' };
}

/** A frame whose x axis is simulated time in seconds, ticked at round times. */
export function timeFrame(endSeconds: number, y: [number, number], o: Omit<FrameOptions, 'x' | 'y'> = {}): Frame {
  const f = frame({ ...o, x: [0, endSeconds], y });
  const ticks = timeTicks(endSeconds);
  const x0 = o.margin?.left ?? 64;
  const x1 = f.width - (o.margin?.right ?? 18);
  const x = ((v: number) => x0 + (v / Math.max(1e-9, endSeconds)) * (x1 - x0)) as Scale;
  Object.defineProperty(x, 'domain', { value: [0, endSeconds] });
  Object.defineProperty(x, 'ticks', { value: ticks });
  return { ...f, x };
}

export interface AxisOptions {
  xTitle: string;
  yTitle: string;
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
  /** Horizontal gridlines (default true). */
  grid?: boolean;
}

export function axes(f: Frame, o: AxisOptions): string {
  const xf = o.xFormat ?? compact;
  const yf = o.yFormat ?? compact;
  const grid = o.grid === false ? '' : `<g class="grid">${f.y.ticks.map((t) => `<line x1="${f.left}" x2="${f.right}" y1="${n(f.y(t))}" y2="${n(f.y(t))}"/>`).join('')}</g>`;
  const xAxis = `<g class="axis"><line x1="${f.left}" x2="${f.right}" y1="${f.bottom}" y2="${f.bottom}"/>${f.x.ticks
    .map((t) => `<line x1="${n(f.x(t))}" x2="${n(f.x(t))}" y1="${f.bottom}" y2="${f.bottom + 5}"/><text x="${n(f.x(t))}" y="${f.bottom + 17}" text-anchor="middle">${esc(xf(t))}</text>`)
    .join('')}</g>`;
  const yAxis = `<g class="axis"><line x1="${f.left}" x2="${f.left}" y1="${f.top}" y2="${f.bottom}"/>${f.y.ticks
    .map((t) => `<line x1="${f.left - 5}" x2="${f.left}" y1="${n(f.y(t))}" y2="${n(f.y(t))}"/><text x="${f.left - 8}" y="${n(f.y(t) + 4)}" text-anchor="end">${esc(yf(t))}</text>`)
    .join('')}</g>`;
  const titles = `<text class="axis-title" x="${n((f.left + f.right) / 2)}" y="${f.height - 8}" text-anchor="middle">${esc(o.xTitle)}</text>`
    + `<text class="axis-title" transform="translate(14 ${n((f.top + f.bottom) / 2)}) rotate(-90)" text-anchor="middle">${esc(o.yTitle)}</text>`;
  return grid + xAxis + yAxis + titles;
}

/** The whole SVG: accessible name and description, then the body. */
export function svg(f: { width: number; height: number }, title: string, description: string, body: string, id: string): string {
  return `<svg id="${esc(id)}" class="chart" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}" style="max-width:${f.width}px" role="img" aria-labelledby="${esc(id)}-t ${esc(id)}-d" xmlns="http://www.w3.org/2000/svg"><title id="${esc(id)}-t">${esc(title)}</title><desc id="${esc(id)}-d">${esc(description)}</desc>${body}</svg>`;
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  kind?: 'line' | 'box';
}

/** A one-row legend starting at (x, y). */
export function legend(items: readonly LegendItem[], x: number, y: number): string {
  let at = x;
  const parts: string[] = [];
  for (const item of items) {
    const swatch = item.kind === 'box'
      ? `<rect x="${at}" y="${y - 9}" width="14" height="10" fill="${item.color}" stroke="#555" stroke-width="0.5"/>`
      : `<line x1="${at}" x2="${at + 22}" y1="${y - 4}" y2="${y - 4}" stroke="${item.color}" stroke-width="2.5"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`;
    const w = item.kind === 'box' ? 20 : 28;
    parts.push(`${swatch}<text x="${at + w}" y="${y}">${esc(item.label)}</text>`);
    at += w + item.label.length * 6.6 + 18;
  }
  return `<g class="legend">${parts.join('')}</g>`;
}

/** A number for SVG attributes, two decimals at most. */
export function n(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}
