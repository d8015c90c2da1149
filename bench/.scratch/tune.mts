// Tuning harness: CPU time (process.cpuUsage) per record, min over reps, to see through shared-machine noise.
import { do_not_optimize } from 'mitata';
import { putRecords } from '../../src/actions/put-records.js';
import { createStream } from '../../src/actions/create-stream.js';
import { Account } from '../../src/model/account.js';
import { ManualClock } from '../../src/index.js';
import { validateInput } from '../../src/validation/validate.js';
import { FloorStore } from '../support/floor.js';
import { batches, drain, engine, shardIds, STREAM } from '../support/workload.js';

const pool = batches(21, 64, 500);
function cpu(fn: () => void): number { const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint(); fn(); const c = process.cpuUsage(c0); const w = Number(process.hrtime.bigint() - t0) / 1e3; return Math.min(w, c.user + c.system); }
function best(label: string, reps: number, records: number, fn: () => void) {
  const xs: number[] = [];
  for (let r = 0; r < reps; r++) xs.push(cpu(fn));
  xs.sort((a, b) => a - b);
  console.log(label.padEnd(28), 'min', (xs[0]! * 1e3 / records).toFixed(0), 'ns/rec  median', (xs[reps >> 1]! * 1e3 / records).toFixed(0));
}
const which = process.argv[2] ?? 'put';
if (which === 'put') {
  const CALLS = 400; // 200k records per rep
  best('validateInput', 9, CALLS * 500, () => { for (let c = 0; c < CALLS; c++) validateInput('PutRecords', { StreamName: STREAM, Records: pool[c & 63]! }); });
  best('action only', 9, CALLS * 500, () => {
    const account = new Account({ clock: new ManualClock(1e12) });
    createStream(account, { StreamName: STREAM, ShardCount: 4 });
    for (let c = 0; c < CALLS; c++) do_not_optimize(putRecords(account, { StreamName: STREAM, Records: pool[c & 63]! }));
  });
  best('Kinesis.putRecords', 9, CALLS * 500, () => {
    const e = engine(4);
    for (let c = 0; c < CALLS; c++) do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c & 63]! }));
  });
  best('floor', 9, CALLS * 500, () => {
    const f = new FloorStore(4);
    for (let c = 0; c < CALLS; c++) f.put(pool[c & 63]!, 0);
  });
} else {
  const e = engine(4); const f = new FloorStore(4);
  for (let c = 0; c < 2000; c++) { e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c & 63]! }); f.put(pool[c & 63]!, e.clock.now()); e.clock.advance(1); }
  const ids = shardIds(e);
  for (let i = 0; i < 2; i++) {
    best('engine drain', 7, 1e6, () => { drain(e, ids); });
    best('floor drain', 7, 1e6, () => { f.drain(); });
  }
}
