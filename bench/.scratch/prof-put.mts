import { do_not_optimize } from 'mitata';
import { batches, engine } from '../support/workload.js';
const pool = batches(21, 64, 500);
for (let rep = 0; rep < 10; rep++) {
  const e = engine(4);
  for (let c = 0; c < 400; c++) do_not_optimize(e.kinesis.putRecords({ StreamName: e.stream, Records: pool[c & 63]! }));
}
