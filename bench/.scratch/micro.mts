import { measure, do_not_optimize } from 'mitata';
import { ShardLog } from '../../src/model/shard-log.js';
import { Router } from '../../src/model/router.js';
import { Shard } from '../../src/model/shard.js';
import { evenRanges } from '../../src/keys/hash-key.js';
import { HASH, md5Key } from '../../src/keys/md5.js';
import { batches } from '../support/workload.js';
const pool = batches(21, 64, 500).flat();
const N = pool.length;
async function m(name: string, fn: () => void, per = 1000) { const s = await measure(fn, {}); console.log(name.padEnd(30), (s.p50 / per).toFixed(1), 'ns/rec p50', (s.avg / per).toFixed(1), 'avg'); }
let log = new ShardLog(); let k = 0;
await m('append 1000', () => { if (log.length > 200000) log = new ShardLog(); for (let i = 0; i < 1000; i++) { const e = pool[k++ % N]!; log.append(e.PartitionKey, e.Data, 1.7e12, -Infinity); } });
const shards = evenRanges(4).map((r, i) => new Shard(i, r.start, r.end, 0, 1));
const router = new Router(shards);
const words = new Uint32Array(4096 * 4); for (let i = 0; i < 4096; i++) { md5Key(pool[i]!.PartitionKey); words.set(HASH, i * 4); }
await m('route 1000', () => { for (let i = 0; i < 1000; i++) { const o = (k++ & 4095) * 4; do_not_optimize(router.route(words[o]!, words[o + 1]!, words[o + 2]!, words[o + 3]!)); } });
await m('md5Key 1000', () => { for (let i = 0; i < 1000; i++) { md5Key(pool[k++ % N]!.PartitionKey); do_not_optimize(HASH[0]); } });
await m('md5Key+route 1000', () => { for (let i = 0; i < 1000; i++) { md5Key(pool[k++ % N]!.PartitionKey); do_not_optimize(router.route(HASH[0]!, HASH[1]!, HASH[2]!, HASH[3]!)); } });
const s0 = shards[0]!;
await m('sequenceNumberOf 1000', () => { for (let i = 0; i < 1000; i++) do_not_optimize(s0.sequenceNumberOf(k++ & 0xffffff)); });
const slab = new Uint8Array(1 << 20); let off = 0;
await m('slab.set 100B 1000', () => { for (let i = 0; i < 1000; i++) { const d = pool[k++ % N]!.Data; if (off + d.length > slab.length) off = 0; slab.set(d, off); off += d.length; } });
await m('slab loop copy 100B 1000', () => { for (let i = 0; i < 1000; i++) { const d = pool[k++ % N]!.Data; if (off + d.length > slab.length) off = 0; for (let j = 0; j < d.length; j++) slab[off + j] = d[j]!; off += d.length; } });
