// Marking records read back with the encryption they were written under (GetRecords).

import type { Shard } from '../../model/shard.js';
import type { Stream } from '../../model/stream.js';
import type { KinesisRecord } from '../../api-types/records.js';

/**
 * Sets `EncryptionType: 'KMS'` on the records written while the stream was encrypted; unencrypted records
 * keep no EncryptionType member. `records` must be the shard's records from absolute index `from` on, in
 * order. Costs nothing on a stream that never changed its encryption.
 */
export function markEncryptedRecords(stream: Stream, shard: Shard, from: number, records: KinesisRecord[]): void {
  if (stream.encryptionHistory.isEmpty || records.length === 0) return;
  const runs = stream.encryptionHistory.runsFor(shard.index);
  let run = 0;
  let encrypted = false;
  for (let i = 0; i < records.length; i++) {
    const index = from + i;
    while (run < runs.length && runs[run]!.firstIndex <= index) encrypted = runs[run++]!.type === 'KMS';
    if (encrypted) records[i]!.EncryptionType = 'KMS';
  }
}
