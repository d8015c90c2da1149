// Properties of the engine's metrics over random histories of puts, reads and clock moves: sums match what was
// stored and read, minutes merge into any period without loss, and every statistic stays consistent.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type Datapoint } from '../../src/index.js';
import { T0 } from '../support/stream-fixture.js';

const MINUTE = 60_000;

type Step =
  | { kind: 'put'; sizes: number[] }
  | { kind: 'putOne'; size: number }
  | { kind: 'read'; limit: number }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), sizes: fc.array(fc.integer({ min: 0, max: 64 }), { minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('putOne' as const), size: fc.integer({ min: 0, max: 64 }) }),
  fc.record({ kind: fc.constant('read' as const), limit: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5 * MINUTE }) }),
);

describe('metrics over random histories', () => {
  it('sum to what was stored and read, for any period, with Min <= Average <= Max', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.constantFrom(60, 120, 300, 3600), (steps, period) => {
        const clock = new ManualClock(T0 + 17_000);
        const kinesis = new Kinesis({ clock, metricsRetentionMs: 24 * 60 * MINUTE }); // longer than any history here
        kinesis.createStream({ StreamName: 's', ShardCount: 1 });
        let iterator = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
        let stored = 0;
        let storedBytes = 0;
        let read = 0;
        let readBytes = 0;
        let reads = 0;
        for (const s of steps) {
          if (s.kind === 'put') {
            kinesis.putRecords({ StreamName: 's', Records: s.sizes.map((n, i) => ({ PartitionKey: `k${i}`, Data: new Uint8Array(n) })) });
            stored += s.sizes.length;
            storedBytes += s.sizes.reduce((a, b) => a + b, 0);
          } else if (s.kind === 'putOne') {
            kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(s.size) });
            stored++;
            storedBytes += s.size;
          } else if (s.kind === 'read') {
            // A fresh iterator each time, from where the last read stopped (iterators live 5 minutes).
            const page = kinesis.getRecords({ ShardIterator: iterator, Limit: s.limit });
            reads++;
            read += page.Records.length;
            readBytes += page.Records.reduce((a, r) => a + r.Data.length, 0);
            iterator = page.NextShardIterator!;
          } else {
            clock.advance(s.ms);
            if (s.ms > 0) {
              const last = kinesis.getRecords({ ShardIterator: iterator, Limit: 1 });
              reads++;
              read += last.Records.length;
              readBytes += last.Records.reduce((a, r) => a + r.Data.length, 0);
              iterator = last.NextShardIterator!;
            }
          }
        }
        const query = (MetricName: string, Period: number) =>
          kinesis.metrics.getMetricStatistics({
            Namespace: 'AWS/Kinesis', MetricName, Dimensions: [{ Name: 'StreamName', Value: 's' }],
            StartTime: new Date(T0), EndTime: new Date(clock.now() + 1), Period,
            Statistics: ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'],
          }).Datapoints!;
        const total = (points: Datapoint[], key: 'Sum' | 'SampleCount') => points.reduce((a, p) => a + p[key]!, 0);
        for (const Period of [60, period]) {
          expect(total(query('IncomingRecords', Period), 'Sum')).toBe(stored);
          expect(total(query('IncomingBytes', Period), 'Sum')).toBe(storedBytes);
          expect(total(query('GetRecords.Records', Period), 'Sum')).toBe(read);
          expect(total(query('GetRecords.Bytes', Period), 'Sum')).toBe(readBytes);
          expect(total(query('GetRecords.Success', Period), 'SampleCount')).toBe(reads);
          for (const p of query('IncomingBytes', Period)) {
            expect(p.Minimum!).toBeLessThanOrEqual(p.Average! + 1e-9);
            expect(p.Average!).toBeLessThanOrEqual(p.Maximum! + 1e-9);
            expect((p.Timestamp!.getTime() - T0) % (Period * 1000)).toBe(0);
          }
        }
        // Coarser periods are exact merges of the 1-minute datapoints.
        const fine = query('IncomingBytes', 60);
        const coarse = query('IncomingBytes', period);
        expect(Math.max(...coarse.map((p) => p.Maximum!), -Infinity)).toBe(Math.max(...fine.map((p) => p.Maximum!), -Infinity));
        expect(total(coarse, 'SampleCount')).toBe(total(fine, 'SampleCount'));
      }),
    );
  });
});
