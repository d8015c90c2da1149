// How many bytes each record carries: fixed, uniform in [min, max], or log-normal by median and p99.

import type { Prng } from './prng.js';
import type { ResolvedRecordBytes } from './scenario.js';

/** The standard normal quantile at 0.99: p99 = median * exp(sigma * Z_99). */
const Z_99 = 2.3263478740408408;
const MAX_BYTES = 1024 * 1024;

export type SizeSampler = () => number;

export function createSizeSampler(spec: ResolvedRecordBytes, prng: Prng): SizeSampler {
  switch (spec.distribution) {
    case 'fixed': {
      const bytes = spec.bytes;
      return () => bytes;
    }
    case 'uniform': {
      const span = spec.max - spec.min + 1;
      return () => spec.min + prng.int(span);
    }
    case 'lognormal': {
      const mu = Math.log(spec.median);
      const sigma = (Math.log(spec.p99) - mu) / Z_99;
      const normal = gaussian(prng);
      return () => Math.min(MAX_BYTES, Math.max(1, Math.round(Math.exp(mu + sigma * normal()))));
    }
  }
}

/** Standard normal draws by the Box-Muller transform (two uniforms give two normals). */
function gaussian(prng: Prng): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    const u = 1 - prng.float(); // (0, 1]: log(u) is finite
    const v = prng.float();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}
