// Colours chosen to stay apart in greyscale: a sequential blue ramp whose lightness falls steadily with
// the value (heatmaps), and series colours of clearly different lightness, each with its own dash pattern.

/** Stops of a light-to-dark blue ramp (ColorBrewer "Blues", monotone in lightness). */
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

/** The ramp colour for `t` in [0, 1] (clamped), interpolated between stops. */
export function ramp(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (BLUES.length - 1);
  const i = Math.min(BLUES.length - 2, Math.floor(x));
  const f = x - i;
  const a = hex(BLUES[i]!);
  const b = hex(BLUES[i + 1]!);
  const mix = (k: number) => Math.round(a[k]! + (b[k]! - a[k]!) * f).toString(16).padStart(2, '0');
  return `#${mix(0)}${mix(1)}${mix(2)}`;
}

/** Whether text on ramp(t) should be white. */
export function darkAt(t: number): boolean {
  return t > 0.55;
}

function hex(c: string): number[] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
}

/** Line series styles: dark solid, mid dashed, light dotted, ... */
export const SERIES = [
  { color: '#08306b', dash: '', marker: 'circle' },
  { color: '#d95f02', dash: '6 3', marker: 'square' },
  { color: '#7f7f7f', dash: '2 3', marker: 'triangle' },
  { color: '#1b9e77', dash: '10 3 2 3', marker: 'diamond' },
] as const;

/** The colour of a failed operation (also drawn dashed, so it reads without colour). */
export const ALERT = '#b2182b';
