// The shard log's storage contract, across segment boundaries: what is appended reads back byte for byte,
// reads honour their record and byte budgets, trimming drops whole segments only, and slabs fit the data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREFIX_BYTES, ShardLog, type RecordPayloads } from '../../src/model/shard-log.js';

interface Read {
  index: number;
  key: string;
  data: Uint8Array;
  arrivalMs: number;
}

function readAll(log: ShardLog, from: number, limit: number, maxBytes: number): { next: number; records: Read[] } {
  const records: Read[] = [];
  const next = log.read(from, limit, maxBytes, (index, key, data, arrivalMs) => {
    records.push({ index, key: key!, data, arrivalMs });
  });
  return { next, records };
}

/** Whether `data` is what a size-only log returns for `payload(index, size)`: its first bytes, then zeros. */
function holdsPrefix(data: Uint8Array, index: number, size: number): boolean {
  if (data.length !== size) return false;
  for (let k = 0; k < size; k++) if (data[k] !== (k < PREFIX_BYTES ? (index * 31 + k) & 0xff : 0)) return false;
  return true;
}

/** Whether `data` is exactly what `payload(index, size)` wrote (checked without building arrays). */
function holdsPayload(data: Uint8Array, index: number, size: number): boolean {
  if (data.length !== size) return false;
  for (let k = 0; k < size; k++) if (data[k] !== ((index * 31 + k) & 0xff)) return false;
  return true;
}

function payload(index: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let k = 0; k < size; k++) out[k] = (index * 31 + k) & 0xff;
  return out;
}

describe('ShardLog', () => {
  it('reads back every record of many segments in order, byte for byte', () => {
    const log = new ShardLog();
    const count = 20_000; // past the first, growing segment and several full ones
    for (let i = 0; i < count; i++) log.append(`k${i}`, payload(i, i % 7 === 0 ? 0 : (i % 300) + 1), 1000 + i);
    const got: Read[] = [];
    for (let from = 0; from < count; ) {
      const { next, records } = readAll(log, from, 10_000, Number.MAX_SAFE_INTEGER);
      got.push(...records);
      from = next;
    }
    expect(got.map((r) => [r.index, r.key, r.arrivalMs])).toEqual(Array.from({ length: count }, (_, i) => [i, `k${i}`, 1000 + i]));
    expect(got.filter((r) => !holdsPayload(r.data, r.index, r.index % 7 === 0 ? 0 : (r.index % 300) + 1))).toEqual([]);
  });

  it.each<[RecordPayloads]>([['copy'], ['size-only']])('matches a plain list under any mix of record sizes, limits and byte budgets (%s)', (mode) => {
    const holds = mode === 'copy' ? holdsPayload : holdsPrefix;
    // Large records fill 1 MiB segments after a few records, so most runs cross several segment edges.
    const sizes = fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.noBias(fc.integer({ min: 100_000, max: 400_000 }))), {
      minLength: 1,
      maxLength: 60,
    });
    // Budgets land anywhere inside a later record, so reads stop at every kind of place, segment edges included.
    const reads = fc.array(
      fc.record({
        from: fc.nat(80),
        limit: fc.integer({ min: 1, max: 400 }),
        whole: fc.nat(40),
        part: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(sizes, reads, (recordSizes, requests) => {
        const log = new ShardLog(mode);
        recordSizes.forEach((size, i) => log.append(`k${i}`, payload(i, size), i));
        expect(log.payloadBytes).toBe(recordSizes.reduce((a, b) => a + b, 0));
        for (const { from: at, limit, whole, part } of requests) {
          const from = at % (recordSizes.length + 1);
          let maxBytes = 0;
          for (let i = from; i < Math.min(recordSizes.length, from + whole); i++) maxBytes += recordSizes[i]!;
          maxBytes += Math.floor(part * (recordSizes[from + whole] ?? 0));
          // The reference: records from `from` while within limit and budget, always at least one.
          const expected: number[] = [];
          let bytes = 0;
          for (let i = from; i < recordSizes.length && expected.length < limit; i++) {
            if (expected.length > 0 && bytes + recordSizes[i]! > maxBytes) break;
            bytes += recordSizes[i]!;
            expected.push(i);
          }
          const { next, records } = readAll(log, from, limit, maxBytes);
          expect(records.map((r) => r.index)).toEqual(expected);
          expect(next).toBe(expected.length > 0 ? expected[expected.length - 1]! + 1 : from);
          const wrong = records.filter((r) => !holds(r.data, r.index, recordSizes[r.index]!));
          for (let k = 0; k < records.length; k++) expect(log.sizeAt(records[k]!.index)).toBe(recordSizes[records[k]!.index]);
          expect(wrong.map((r) => r.index)).toEqual([]);
        }
      }),
    );
  });

  it('stops at the byte budget across a segment boundary, but always returns one record', () => {
    const log = new ShardLog();
    for (let i = 0; i < 3; i++) log.append('k', payload(i, 600_000), 0); // one record per 1 MiB segment
    expect(readAll(log, 0, 10, 1_000_000).records.map((r) => r.index)).toEqual([0]);
    expect(readAll(log, 0, 10, 1_200_000).records.map((r) => r.index)).toEqual([0, 1]);
    expect(readAll(log, 1, 10, 10).records.map((r) => r.index)).toEqual([1]);
    expect(readAll(log, 0, 2, 1 << 30).next).toBe(2);
  });

  it('hands out copies: changing returned data changes neither the store nor the other records', () => {
    const log = new ShardLog();
    for (let i = 0; i < 3; i++) log.append('k', payload(i, 4), 0);
    const first: Uint8Array[] = [];
    log.read(0, 10, 1 << 20, (_i, _k, data) => first.push(data));
    first[0]!.fill(0xee);
    expect(first.map((d) => d.byteLength)).toEqual([4, 4, 4]);
    expect([...first[1]!]).toEqual([...payload(1, 4)]);
    const again = readAll(log, 0, 10, 1 << 20).records;
    expect(again.map((r) => [...r.data])).toEqual([0, 1, 2].map((i) => [...payload(i, 4)]));
  });

  it('keeps appending after retention released every segment, with indexes running on', () => {
    const log = new ShardLog();
    for (let i = 0; i < 10_000; i++) log.append('old', payload(i, 10), 100);
    log.dropBefore(log.firstAfter(100));
    expect(log.firstIndex).toBe(10_000);
    expect(log.payloadBytes).toBe(0);
    expect(readAll(log, 0, 100, 1 << 20).records).toEqual([]);
    for (let i = 0; i < 5; i++) log.append('new', payload(10_000 + i, 10), 200);
    const { next, records } = readAll(log, 0, 100, 1 << 20);
    expect(records.map((r) => [r.index, r.key])).toEqual([0, 1, 2, 3, 4].map((i) => [10_000 + i, 'new']));
    expect(next).toBe(10_005);
  });

  it('releases only whole segments, so a trim point inside a segment keeps that segment readable', () => {
    const log = new ShardLog();
    for (let i = 0; i < 20_000; i++) log.append('k', payload(i, 1), i);
    log.dropBefore(log.firstAfter(9_999)); // records 0..9999 expired
    expect(log.firstIndex).toBeLessThanOrEqual(10_000);
    expect(log.firstIndex).toBeGreaterThan(0);
    expect(readAll(log, 10_000, 1, 1 << 20).records[0]?.index).toBe(10_000);
  });

  it('says whether dropping through a time would release a whole segment, exactly when dropBefore would', () => {
    expect(new ShardLog().hasWholeSegmentThrough(Infinity)).toBe(false);
    const filled = () => {
      const log = new ShardLog();
      for (let i = 0; i < 20_000; i++) log.append('k', payload(i, 1), i);
      return log;
    };
    const answers: boolean[] = [];
    for (const t of [-1, 0, 100, 8190, 8191, 8192, 16_383, 16_384, 19_999]) {
      const log = filled();
      const says = log.hasWholeSegmentThrough(t);
      const before = log.firstIndex;
      log.dropBefore(log.firstAfter(t));
      expect(says).toBe(log.firstIndex !== before);
      answers.push(says);
    }
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  it('sizes payload slabs to the records it holds, and still takes records larger than that', () => {
    const tiny = new ShardLog();
    for (let i = 0; i < 100_000; i++) tiny.append('k', payload(i, 1), 0);
    // 1-byte payloads: metadata (4 + 8 + 8 bytes) plus a slab close to the payload, not a 1 MiB slab per segment.
    expect(tiny.allocatedBytes / 100_000).toBeLessThan(30);
    tiny.append('big', payload(7, 600_000), 0);
    tiny.append('k', payload(8, 1), 0);
    const { records } = readAll(tiny, 100_000, 10, 1 << 30);
    expect(records.map((r) => r.data.length)).toEqual([600_000, 1]);
    expect(holdsPayload(records[0]!.data, 7, 600_000)).toBe(true);
  });
});

describe('ShardLog, size-only', () => {
  it('keeps sizes and 8-byte prefixes, not payloads: a few dozen bytes a record whatever its size', () => {
    const log = new ShardLog('size-only');
    const big = payload(3, 100_000);
    const count = 3 * 8192; // three full segments
    for (let i = 0; i < count; i++) log.append('k', big, i);
    expect(log.payloadBytes).toBe(count * 100_000);
    // ends 4 + arrivals 8 + key reference 8 + prefix 8 bytes.
    expect(log.allocatedBytes / count).toBeLessThanOrEqual(28);
    const { records } = readAll(log, count - 2, 10, Number.MAX_SAFE_INTEGER);
    expect(records.map((r) => r.data.length)).toEqual([100_000, 100_000]);
    expect(records.every((r) => holdsPrefix(r.data, 3, 100_000))).toBe(true);
  });

  it('hands out fresh zero-filled buffers: changing returned data changes neither the store nor the other records', () => {
    const log = new ShardLog('size-only');
    for (let i = 0; i < 3; i++) log.append('k', payload(i, 20), 0);
    const first: Uint8Array[] = [];
    log.read(0, 10, 1 << 20, (_i, _k, data) => first.push(data));
    first[0]!.fill(0xee);
    expect(holdsPrefix(first[1]!, 1, 20)).toBe(true);
    const again = readAll(log, 0, 10, 1 << 20).records;
    expect(again.every((r) => holdsPrefix(r.data, r.index, 20))).toBe(true);
    expect(again[0]!.data.buffer).not.toBe(first[0]!.buffer);
  });

  it('starts a new segment before the 32-bit end offsets could overflow, with records up to 10 MiB', () => {
    const log = new ShardLog('size-only');
    const huge = payload(9, 10 * 1024 * 1024);
    for (let i = 0; i < 250; i++) log.append('k', huge, i); // 2.5 GiB of records
    log.append('k', payload(1, 3), 250);
    expect(log.payloadBytes).toBe(250 * huge.length + 3);
    expect(log.sizeAt(249)).toBe(huge.length);
    expect(log.sizeAt(250)).toBe(3);
    const { records, next } = readAll(log, 248, 5, Number.MAX_SAFE_INTEGER);
    expect(next).toBe(251);
    expect(records.map((r) => r.data.length)).toEqual([huge.length, huge.length, 3]);
    expect(holdsPrefix(records[2]!.data, 1, 3)).toBe(true);
    expect(readAll(log, 100, 5, 25 * 1024 * 1024).records.map((r) => r.index)).toEqual([100, 101]);
  });

  it('moves its state to another size-only log, and refuses a log of the other mode', () => {
    const log = new ShardLog('size-only');
    for (let i = 0; i < 100; i++) log.append(`k${i % 3}`, payload(i, i), i);
    const copy = new ShardLog('size-only');
    copy.restoreState(log.exportState());
    expect(readAll(copy, 0, 1000, Infinity)).toEqual(readAll(log, 0, 1000, Infinity));
    expect(() => new ShardLog('copy').restoreState(log.exportState())).toThrow(/size-only log into a copy one/);
  });
});
