// Properties of the data plane: routing against a BigInt/node:crypto reference, per-shard ordering of
// sequence numbers, and round trips of the sequence-number, iterator, base64 and sealed-token codecs.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { decodeBase64, encodeBase64 } from '../../src/encoding/base64.js';
import { TokenSealer } from '../../src/tokens/sealed-token.js';
import { decodeSequence, END_COUNTER, SequenceFormatter, MAX_INCARNATION } from '../../src/keys/sequence-number.js';
import { decodeIterator, encodeIterator, type IteratorState } from '../../src/tokens/shard-iterator.js';
import { shardId, T0 } from '../support/stream-fixture.js';

const KEY_SPACE = 1n << 128n;
const MAX_KEY = KEY_SPACE - 1n;

/** MD5 of the key's UTF-8 bytes read as an unsigned big-endian 128-bit integer (node:crypto as the oracle). */
function referenceHash(key: string): bigint {
  return BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
}

/** The shard of `count` initial shards holding `hash`: AWS gives shard i the keys from i * floor(2^128 / count). */
function referenceShard(hash: bigint, count: number): number {
  const step = KEY_SPACE / BigInt(count);
  const index = hash / step;
  return index >= BigInt(count) ? count - 1 : Number(index);
}

function sign(x: number | bigint): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

function textCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Any UTF-16 code unit, so lone surrogates (hashed as U+FFFD) turn up as well.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
// PartitionKey is 1..256 UTF-16 units; a 'binary' unit is one code point, at most two units.
const partitionKey = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 64 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 128 }),
  fc.string({ unit: codeUnit, minLength: 1, maxLength: 256 }),
);

/** How a record picks its hash key: by partition key, a random explicit key, or one next to a shard boundary. */
type KeyChoice = { kind: 'md5' } | { kind: 'explicit'; key: bigint } | { kind: 'boundary'; shard: number; delta: -1 | 0 | 1 };
const keyChoice: fc.Arbitrary<KeyChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'md5' as const }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX_KEY }).map((key) => ({ kind: 'explicit' as const, key })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ shard: fc.nat(63), delta: fc.constantFrom(-1 as const, 0 as const, 1 as const) })
      .map((b) => ({ kind: 'boundary' as const, ...b })),
  },
);

function explicitKey(choice: KeyChoice, count: number): bigint | undefined {
  if (choice.kind === 'md5') return undefined;
  if (choice.kind === 'explicit') return choice.key;
  const start = BigInt(choice.shard % count) * (KEY_SPACE / BigInt(count)) + BigInt(choice.delta);
  return start < 0n ? 0n : start > MAX_KEY ? MAX_KEY : start;
}

describe('routing', () => {
  it('puts every record in the one open shard whose inclusive range holds its hash key', () => {
    const record = fc.record({ key: partitionKey, choice: keyChoice, single: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.array(record, { minLength: 1, maxLength: 40 }), (count, records) => {
        const kinesis = new Kinesis({ clock: new ManualClock(T0) });
        kinesis.createStream({ StreamName: 's', ShardCount: count });
        const shards = kinesis.listShards({ StreamName: 's' }).Shards!;
        const ranges = shards.map((s) => [BigInt(s.HashKeyRange.StartingHashKey), BigInt(s.HashKeyRange.EndingHashKey)] as const);
        const batch = records.filter((r) => !r.single);
        const batchOut = kinesis.putRecords({
          StreamName: 's',
          Records: batch.length === 0 ? [{ PartitionKey: 'x', Data: new Uint8Array() }] : batch.map((r) => toEntry(r, count)),
        }).Records;
        let b = 0;
        for (const r of records) {
          const explicit = explicitKey(r.choice, count);
          const hash = explicit ?? referenceHash(r.key);
          const got = r.single ? kinesis.putRecord({ StreamName: 's', ...toEntry(r, count) }).ShardId : batchOut[b++]!.ShardId;
          const holders = ranges.flatMap(([start, end], i) => (start <= hash && hash <= end ? [shards[i]!.ShardId] : []));
          expect(holders).toEqual([got]);
          expect(got).toBe(shardId(referenceShard(hash, count)));
        }
      }),
    );
  });

  it("gives N new shards AWS's ranges: contiguous, covering 0..2^128-1, each starting at i * floor(2^128 / N)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (count) => {
        const kinesis = new Kinesis({ clock: new ManualClock(T0) });
        kinesis.createStream({ StreamName: 's', ShardCount: count });
        const step = KEY_SPACE / BigInt(count);
        const got = kinesis.listShards({ StreamName: 's' }).Shards!.map((s) => [s.HashKeyRange.StartingHashKey, s.HashKeyRange.EndingHashKey]);
        const expected = Array.from({ length: count }, (_, i) => [
          String(BigInt(i) * step),
          String(i === count - 1 ? MAX_KEY : BigInt(i + 1) * step - 1n),
        ]);
        expect(got).toEqual(expected);
      }),
    );
  });
});

function toEntry(r: { key: string; choice: KeyChoice }, count: number) {
  const explicit = explicitKey(r.choice, count);
  return { PartitionKey: r.key, Data: new Uint8Array([1]), ...(explicit === undefined ? {} : { ExplicitHashKey: String(explicit) }) };
}

describe('sequence numbers in the engine', () => {
  type Op = { kind: 'put'; key: string } | { kind: 'batch'; keys: string[] } | { kind: 'advance'; ms: number };
  const smallKey = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    smallKey.map((key) => ({ kind: 'put' as const, key })),
    fc.array(smallKey, { minLength: 1, maxLength: 20 }).map((keys) => ({ kind: 'batch' as const, keys })),
    fc.nat(5_000).map((ms) => ({ kind: 'advance' as const, ms })),
  );

  it('strictly increase within a shard across any mix of PutRecord and PutRecords, and read back in write order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 40 }), (count, ops) => {
        const clock = new ManualClock(T0);
        const kinesis = new Kinesis({ clock });
        kinesis.createStream({ StreamName: 's', ShardCount: count });
        const written = new Map<string, { seq: string; id: number }[]>();
        let next = 0;
        const data = (id: number) => new Uint8Array([id >> 8, id & 255]);
        const note = (shard: string, seq: string, id: number) => written.set(shard, [...(written.get(shard) ?? []), { seq, id }]);
        for (const o of ops) {
          if (o.kind === 'advance') clock.advance(o.ms);
          else if (o.kind === 'put') {
            const id = next++;
            const out = kinesis.putRecord({ StreamName: 's', PartitionKey: o.key, Data: data(id) });
            note(out.ShardId, out.SequenceNumber, id);
          } else {
            const ids = o.keys.map(() => next++);
            const out = kinesis.putRecords({ StreamName: 's', Records: o.keys.map((k, i) => ({ PartitionKey: k, Data: data(ids[i]!) })) });
            out.Records.forEach((r, i) => note(r.ShardId!, r.SequenceNumber!, ids[i]!));
          }
        }
        for (let i = 0; i < count; i++) {
          const mine = written.get(shardId(i)) ?? [];
          for (let j = 1; j < mine.length; j++) expect(BigInt(mine[j]!.seq) > BigInt(mine[j - 1]!.seq)).toBe(true);
          const it = kinesis.getShardIterator({ StreamName: 's', ShardId: shardId(i), ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
          const read = kinesis.getRecords({ ShardIterator: it }).Records.map((r) => ({ seq: r.SequenceNumber, id: (r.Data[0]! << 8) | r.Data[1]! }));
          expect(read).toEqual(mine);
        }
      }),
    );
  });
});

describe('sequence-number codec', () => {
  const incarnation = fc.integer({ min: 0, max: MAX_INCARNATION });
  const shardIndex = fc.integer({ min: 0, max: 2_147_483_647 });
  // Uniform counters, and counters next to the 10^9 steps where the cached prefix changes.
  const counter = fc.oneof(
    fc.integer({ min: 0, max: END_COUNTER - 1 }),
    fc.nat(1_000_000),
    fc.tuple(fc.nat(9_000_000), fc.integer({ min: -2, max: 2 })).map(([high, d]) => Math.max(0, high * 1_000_000_000 + d)),
  );

  it('decodes every formatted number back to its incarnation, shard index and counter', () => {
    fc.assert(
      fc.property(incarnation, shardIndex, fc.array(counter, { minLength: 1, maxLength: 20 }), (inc, index, counters) => {
        const shared = new SequenceFormatter(inc, index);
        for (const c of counters) {
          const text = shared.format(c);
          expect(text).toHaveLength(56);
          // The formatter caches a prefix; a fresh one must agree whatever came before.
          expect(text).toBe(new SequenceFormatter(inc, index).format(c));
          expect(decodeSequence(text)).toEqual({ incarnation: inc, shardIndex: index, counter: c });
        }
      }),
    );
  });

  it('orders numbers as (incarnation, shard index, counter), and string order equals BigInt order', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), counter);
    fc.assert(
      fc.property(point, point, ([i1, s1, c1], [i2, s2, c2]) => {
        const a = new SequenceFormatter(i1, s1).format(c1);
        const b = new SequenceFormatter(i2, s2).format(c2);
        const expected = sign(i1 - i2) || sign(s1 - s2) || sign(c1 - c2);
        expect(textCompare(a, b)).toBe(expected);
        expect(sign(BigInt(a) - BigInt(b))).toBe(expected);
      }),
    );
  });

  it("places a shard's EndingSequenceNumber above all its record numbers and below the next shard's start", () => {
    fc.assert(
      fc.property(incarnation, fc.integer({ min: 0, max: 2_147_483_646 }), counter, (inc, index, c) => {
        const end = new SequenceFormatter(inc, index).format(END_COUNTER);
        expect(BigInt(end) > BigInt(new SequenceFormatter(inc, index).format(c))).toBe(true);
        expect(BigInt(new SequenceFormatter(inc, index + 1).format(0)) > BigInt(end)).toBe(true);
      }),
    );
  });
});

describe('token codecs', () => {
  const sealer = new TokenSealer('property secret');
  const iteratorState: fc.Arbitrary<IteratorState> = fc.record({
    createdAtMs: fc.integer({ min: 0, max: 8_640_000_000_000_000 }),
    streamName: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,128}$/),
    streamCreatedAtMs: fc.integer({ min: 0, max: 8_640_000_000_000_000 }),
    incarnation: fc.integer({ min: 0, max: 0xffff_ffff }),
    shardIndex: fc.integer({ min: 0, max: 2_147_483_647 }),
    position: fc.maxSafeNat(),
  });

  it('round-trips any iterator state', () => {
    fc.assert(
      fc.property(iteratorState, (state) => {
        const token = encodeIterator(sealer, state);
        expect(token.length).toBeLessThanOrEqual(512);
        expect(decodeIterator(sealer, token)).toEqual(state);
      }),
    );
  });

  it('opens any sealed payload and rejects it after any single-bit flip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (payload, bitSeed) => {
        const token = sealer.seal(payload);
        expect(sealer.open(token)).toEqual(payload);
        const bytes = Buffer.from(token, 'base64');
        const bit = bitSeed % (bytes.length * 8);
        bytes[bit >> 3]! ^= 1 << (bit & 7);
        expect(sealer.open(bytes.toString('base64'))).toBeUndefined();
      }),
    );
  });
});

describe('base64 codec', () => {
  it('encodes like Buffer and decodes back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('decodes any unpadded text of the alphabet whose length is a multiple of 4 as Buffer does', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const quad = fc.array(fc.constantFrom(...alphabet), { minLength: 4, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(quad, { maxLength: 50 }), (quads) => {
        const text = quads.join('');
        expect(decodeBase64(text)).toEqual(new Uint8Array(Buffer.from(text, 'base64')));
      }),
    );
  });
});
