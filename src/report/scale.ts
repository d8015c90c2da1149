// Linear scales and "nice" axis ticks for the report's charts.

export interface Scale {
  (value: number): number;
  readonly domain: [number, number];
  readonly ticks: number[];
}

/** Maps [d0, d1] to [r0, r1]; ticks are round numbers covering the domain (about `count` of them). */
export function linearScale(d0: number, d1: number, r0: number, r1: number, count = 5): Scale {
  const [lo, hi] = d1 > d0 ? [d0, d1] : [d0, d0 + 1];
  const ticks = niceTicks(lo, hi, count);
  const top = Math.max(hi, ticks[ticks.length - 1]!);
  const bottom = Math.min(lo, ticks[0]!);
  const f = ((v: number) => r0 + ((v - bottom) / (top - bottom)) * (r1 - r0)) as Scale;
  Object.defineProperty(f, 'domain', { value: [bottom, top] });
  Object.defineProperty(f, 'ticks', { value: ticks });
  return f;
}

/** Round tick values (1, 2, 5 x 10^k steps) from at most lo to at least hi. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const out: number[] = [];
  for (let v = start; v < hi + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Ticks for a time axis in seconds: whole minutes or hours where possible. */
export function timeTicks(endSeconds: number, count = 8): number[] {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];
  const step = steps.find((s) => endSeconds / s <= count) ?? 604_800;
  const out: number[] = [];
  for (let t = 0; t <= endSeconds + 1e-9; t += step) out.push(t);
  return out;
}
