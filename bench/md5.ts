// md5: md5Key of partition keys, against fetching the key alone and against node:crypto in the same run.

import { createHash } from 'node:crypto';
import { do_not_optimize } from 'mitata';
import { md5Key } from '../src/keys/md5.js';
import { sample } from './support/measure.js';
import { XorShift32 } from './support/prng.js';
import { Reporter, type BenchResult } from './support/report.js';

export async function run(): Promise<BenchResult> {
  const report = new Reporter('md5');
  const rng = new XorShift32(1);
  const keys36 = Array.from({ length: 1024 }, () => rng.key(36, 36));
  const keys10 = Array.from({ length: 1024 }, () => rng.key(10, 10));
  const HASH = new Uint32Array(4);
  let i = 0;

  const fetch = await sample(() => do_not_optimize(keys36[i++ & 1023]));
  const md5of36 = await sample(() => {
    md5Key(keys36[i++ & 1023]!, HASH);
    do_not_optimize(HASH[0]);
  });
  const md5of10 = await sample(() => {
    md5Key(keys10[i++ & 1023]!, HASH);
    do_not_optimize(HASH[0]);
  });
  const crypto36 = await sample(() => do_not_optimize(createHash('md5').update(keys36[i++ & 1023]!).digest()));

  const net36 = md5of36.p50 - fetch.p50;
  report.info(`baseline: fetch a key from the pool ${fetch.p50.toFixed(2)} ns`);
  report.add('md5Key, 36-char ASCII key', net36, 'ns/op', {
    target: { op: '<=', value: 200 },
    note: `${(crypto36.p50 / md5of36.p50).toFixed(1)}x faster than node:crypto createHash (${crypto36.p50.toFixed(0)} ns)`,
  });
  report.add('md5Key, 10-char ASCII key', md5of10.p50 - fetch.p50, 'ns/op');
  return { bench: 'md5', figures: report.figures };
}
