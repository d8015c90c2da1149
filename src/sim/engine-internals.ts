// The engine internals the simulation lab reads, in one place: the only file in src/sim/ that imports from
// outside kinesim's public surface. Each name here is due to become a public export of the engine; the
// switch is then a change to this file alone.

export { hashKeyOf } from '../keys/md5.js';
export {
  WRITE_RECORDS_PER_SECOND,
  WRITE_BYTES_PER_SECOND,
  READ_CALLS_PER_SECOND,
  READ_BYTES_PER_SECOND,
} from '../model/shard-throughput.js';
