// Laws of the CBOR 1.1 codec against the JSON 1.1 codec, with cbor2 (an independent CBOR library) writing the
// requests and reading the answers: the same document in either format is the same input, and the same output
// reads back the same.
import { decode as oracleDecode, encode as oracleEncode, Tag as OracleTag } from 'cbor2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CBOR_CODEC } from '../../src/protocol/cbor/cbor-codec.js';
import { JSON_CODEC } from '../../src/protocol/json/json-codec.js';

const utf8 = new TextEncoder();
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const entry = fc.record(
  {
    Data: fc.uint8Array({ maxLength: 64 }),
    PartitionKey: fc.string({ unit: 'binary', maxLength: 30 }),
    ExplicitHashKey: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }).map(String),
  },
  { requiredKeys: ['Data', 'PartitionKey'] },
);
const timestampMs = fc.integer({ min: 0, max: 4_102_444_800_000 });

describe('CBOR and JSON requests', () => {
  it('PutRecords: the same document decodes to the same input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(entry, { maxLength: 20 }), (StreamName, Records) => {
        const viaCbor = CBOR_CODEC.decodeInput('PutRecords', oracleEncode({ StreamName, Records }));
        const json = JSON.stringify({ StreamName, Records: Records.map((r) => ({ ...r, Data: base64(r.Data) })) });
        expect(viaCbor).toEqual(JSON_CODEC.decodeInput('PutRecords', utf8.encode(json)));
      }),
    );
  });

  it('timestamps: tag 1 milliseconds in CBOR and seconds in JSON are the same instant', () => {
    fc.assert(
      fc.property(timestampMs, fc.boolean(), (ms, tagged) => {
        const viaCbor = CBOR_CODEC.decodeInput('GetShardIterator', oracleEncode({ Timestamp: tagged ? new OracleTag(1, ms) : ms }));
        const viaJson = JSON_CODEC.decodeInput('GetShardIterator', `{"Timestamp":${ms / 1000}}`);
        expect(viaCbor).toEqual(viaJson);
      }),
    );
  });
});

describe('CBOR and JSON answers', () => {
  const record = fc.record({
    SequenceNumber: fc.stringMatching(/^\d{56}$/),
    ApproximateArrivalTimestamp: timestampMs.map((ms) => new Date(ms)),
    Data: fc.uint8Array({ maxLength: 64 }),
    PartitionKey: fc.string({ unit: 'binary', maxLength: 30 }),
  });

  it('GetRecords-shaped outputs read back the same from either format', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.nat(), (Records, MillisBehindLatest) => {
        const output = { Records, NextShardIterator: 'AAAA', MillisBehindLatest };
        const viaCbor = oracleDecode(CBOR_CODEC.encodeOutput('GetRecords', output), { ignoreGlobalTags: true }) as typeof output;
        const viaJson = JSON.parse(new TextDecoder().decode(JSON_CODEC.encodeOutput('GetRecords', output)));
        expect(viaCbor.Records.map((r) => ({ ...r, ApproximateArrivalTimestamp: (r.ApproximateArrivalTimestamp as unknown as OracleTag).contents }))).toEqual(
          viaJson.Records.map((r: Record<string, unknown>) => ({
            ...r,
            Data: new Uint8Array(Buffer.from(r.Data as string, 'base64')),
            ApproximateArrivalTimestamp: Math.round((r.ApproximateArrivalTimestamp as number) * 1000),
          })),
        );
        expect([viaCbor.NextShardIterator, viaCbor.MillisBehindLatest]).toEqual([viaJson.NextShardIterator, viaJson.MillisBehindLatest]);
      }),
    );
  });
});
