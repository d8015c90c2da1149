// Delivery, emulated: what a channel writes (S3 objects, dead-letter objects, table rows), when (the data freshness
// age of the oldest buffered record, on the engine clock), and how a test sees it (describeChannelDeliveries, or a sink).
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ChannelDelivery, S3ErrorObjectDelivery, S3ObjectDelivery, S3TablesRowsDelivery } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { ACCOUNT, T0, arnOf } from '../support/stream-fixture.js';
import { BUCKET, DLQ_BUCKET, TABLE_BUCKET, onDemandFixture, s3Channel, tableChannel, utf8 } from '../support/channel-fixture.js';

const SECOND = 1000;
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function deliveries(kinesis: ReturnType<typeof onDemandFixture>['kinesis'], ChannelARN: string): ChannelDelivery[] {
  return kinesis.describeChannelDeliveries({ ChannelARN }).Deliveries;
}

describe('delivery to a general purpose S3 bucket', () => {
  it('delivers the records put once ACTIVE, when the oldest has waited DataFreshnessInSeconds [D]', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: 10 * SECOND });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'before', Data: utf8('{"n":0}') });
    const { ChannelARN, ChannelId } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'creating', Data: utf8('{"n":1}') });
    clock.advance(10 * SECOND);
    const first = kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('{"n":2}') });
    clock.advance(60 * SECOND);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('{"n":3}') });
    clock.advance(240 * SECOND - 1);
    expect(deliveries(kinesis, ChannelARN)).toEqual([]);
    clock.advance(1);
    const [object, ...rest] = deliveries(kinesis, ChannelARN) as S3ObjectDelivery[];
    expect(rest).toEqual([]);
    const due = T0 + 10 * SECOND + 300 * SECOND; // 00:05:10 UTC
    expect(object).toMatchObject({
      DeliveryType: 'S3_OBJECT',
      ChannelARN,
      ChannelName: 'c',
      DeliveredAt: new Date(due),
      BucketARN: BUCKET,
      Bucket: 'delivery-bucket',
      StorageClass: 'STANDARD',
      Key: `kinesis-channel/c/${ChannelId}/2024/01/01/00/c-${ChannelId}-2024-01-01-00-05-000001.json`,
    });
    expect(object).not.toHaveProperty('ContentEncoding');
    // [U] JSON records one per line.
    expect(decode(object!.Body)).toBe('{"n":2}\n{"n":3}\n');
    expect(object!.Records).toEqual([
      { ShardId: first.ShardId, SequenceNumber: first.SequenceNumber, ApproximateArrivalTimestamp: new Date(T0 + 10 * SECOND), PartitionKey: 'k', Data: utf8('{"n":2}') },
      expect.objectContaining({ Data: utf8('{"n":3}') }),
    ]);
  });

  it('delivers a record of the channel creation\'s own millisecond only if it came after CreateChannel', () => {
    const { kinesis, clock } = onDemandFixture();
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('"before"') });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('"after"') });
    clock.advance(300 * SECOND);
    expect(deliveries(kinesis, ChannelARN).flatMap((d) => (d as S3ObjectDelivery).Records.map((r) => decode(r.Data)))).toEqual(['"after"']);
  });

  it('writes one object per freshness period of buffered records, each with its own unique suffix [U]', () => {
    const { kinesis, clock } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c', {}, 'STRING')).ChannelDescription;
    for (let minute = 0; minute < 12; minute++) {
      kinesis.putRecord({ StreamName: 's', PartitionKey: 'one shard', Data: utf8(`line ${minute}`) });
      clock.advance(60 * SECOND);
    }
    const objects = deliveries(kinesis, ChannelARN) as S3ObjectDelivery[];
    expect(objects.map((o) => o.DeliveredAt.getTime() - T0)).toEqual([300 * SECOND, 600 * SECOND]);
    expect(objects.map((o) => o.Key.slice(-11))).toEqual(['-000001.txt', '-000002.txt']);
    expect(objects.map((o) => decode(o.Body))).toEqual([
      'line 0\nline 1\nline 2\nline 3\nline 4\n',
      'line 5\nline 6\nline 7\nline 8\nline 9\n',
    ]);
  });

  it('renders a custom template: stream name, two-digit year, the suffix before the extension [U]', () => {
    const { kinesis, clock } = onDemandFixture();
    const input = s3Channel('c', {}, 'BYTE_ARRAY');
    input.S3DestinationConfiguration!.StorageConfiguration.OutputKeyTemplate = 'raw/!{stream-name}/!{yy}-!{MM}-!{dd}T!{HH}!{mm}!{extension}';
    const { ChannelARN } = kinesis.createChannel(input).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([0, 255]) });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([7]) });
    clock.advance(300 * SECOND);
    const [object] = deliveries(kinesis, ChannelARN) as S3ObjectDelivery[];
    expect(object!.Key).toBe('raw/s/24-01-01T0005-000001.bin');
    // [U] BYTE_ARRAY records back to back.
    expect([...object!.Body]).toEqual([0, 255, 7]);
  });

  it('GZIP objects are real gzip files [U: stored blocks, not smaller]', () => {
    const { kinesis, clock } = onDemandFixture();
    const input = s3Channel('c');
    input.S3DestinationConfiguration!.StorageConfiguration.CompressionType = 'GZIP';
    const { ChannelARN } = kinesis.createChannel(input).ChannelDescription;
    const big = JSON.stringify({ pad: 'x'.repeat(70_000) });
    kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: utf8(big) }, { PartitionKey: 'b', Data: utf8('{}') }] });
    clock.advance(300 * SECOND);
    const [object] = deliveries(kinesis, ChannelARN) as S3ObjectDelivery[];
    expect(object!.ContentEncoding).toBe('gzip');
    expect(object!.Key.endsWith('-000001.json.gz')).toBe(true);
    expect(decode(gunzipSync(object!.Body))).toBe(`${big}\n{}\n`);
  });

  const zstd = (() => {
    try {
      execFileSync('zstd', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!zstd)('ZSTD objects are real Zstandard frames, read back by the zstd command [U: raw blocks, not smaller]', () => {
    const { kinesis, clock } = onDemandFixture();
    const input = s3Channel('c', {}, 'STRING');
    input.S3DestinationConfiguration!.StorageConfiguration.CompressionType = 'ZSTD';
    const { ChannelARN } = kinesis.createChannel(input).ChannelDescription;
    const lines = Array.from({ length: 3 }, (_, i) => `${i}`.repeat(100_000));
    for (const line of lines) kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8(line) });
    clock.advance(300 * SECOND);
    const [object] = deliveries(kinesis, ChannelARN) as S3ObjectDelivery[];
    expect([object!.ContentEncoding, object!.Key.slice(-8)]).toEqual(['zstd', '.txt.zst']);
    expect(execFileSync('zstd', ['-d', '-c', '-q'], { input: object!.Body }).toString()).toBe(lines.map((l) => `${l}\n`).join(''));
  });

  it('sends records that fail validation to the dead-letter queue with error context [D][U layout]', () => {
    const { kinesis, clock } = onDemandFixture();
    const { ChannelARN, ChannelId } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'ok', Data: utf8('[1]') });
    const bad = kinesis.putRecord({ StreamName: 's', PartitionKey: 'bad', Data: utf8('{nope') });
    clock.advance(300 * SECOND);
    const [object, error] = deliveries(kinesis, ChannelARN) as [S3ObjectDelivery, S3ErrorObjectDelivery];
    expect(decode(object.Body)).toBe('[1]\n');
    expect(error).toMatchObject({
      DeliveryType: 'S3_ERROR_OBJECT',
      BucketARN: BUCKET,
      Key: `kinesis-channel/errors/c/${ChannelId}/2024/01/01/00/c-${ChannelId}-000001.json`,
    });
    expect(error.Records).toEqual([expect.objectContaining({
      SequenceNumber: bad.SequenceNumber, ErrorCode: 'InvalidJson', ErrorMessage: 'The record is not a valid JSON payload.',
    })]);
    expect(JSON.parse(decode(error.Body))).toEqual({
      errorCode: 'InvalidJson',
      errorMessage: 'The record is not a valid JSON payload.',
      shardId: bad.ShardId,
      sequenceNumber: bad.SequenceNumber,
      approximateArrivalTimestamp: T0,
      partitionKey: 'bad',
      rawData: Buffer.from('{nope').toString('base64'),
    });
  });

  it('STRING records must be UTF-8 [D]', () => {
    const { kinesis, clock } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c', {}, 'STRING')).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([0xc3, 0x28]) });
    clock.advance(300 * SECOND);
    expect(deliveries(kinesis, ChannelARN).map((d) => d.DeliveryType)).toEqual(['S3_ERROR_OBJECT']);
  });
});

describe('delivery to a streaming table', () => {
  it('appends JSON objects as rows with their TIME_HOUR partition; the rest goes to the dead-letter queue', () => {
    const { kinesis, clock } = onDemandFixture();
    const input = tableChannel('t');
    input.S3TablesDestinationConfiguration!.S3TablesConfigurationList[0]!.PartitionSpec = {
      PartitionFields: [{ Transform: 'TIME_HOUR', SourceName: 'at' }],
    };
    const { ChannelARN } = kinesis.createChannel(input).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('{"id":1,"at":"2024-03-04T05:06:07Z"}') });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('{"id":2}') });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('[3]') });
    clock.advance(300 * SECOND);
    const [rows, errors] = deliveries(kinesis, ChannelARN) as [S3TablesRowsDelivery, S3ErrorObjectDelivery];
    expect(rows).toMatchObject({ DeliveryType: 'S3_TABLES_ROWS', TableBucketARN: TABLE_BUCKET, Namespace: 'sales', TableName: 'orders', CompressionType: 'ZSTD' });
    expect(rows.Rows.map((r) => [r.Values, r.Partition])).toEqual([
      [{ id: 1, at: '2024-03-04T05:06:07Z' }, { at: '2024-03-04-05' }],
      [{ id: 2 }, { at: null }],
    ]);
    expect(errors).toMatchObject({ DeliveryType: 'S3_ERROR_OBJECT', BucketARN: DLQ_BUCKET });
    expect(errors.Records.map((r) => r.ErrorCode)).toEqual(['InvalidRow']);
  });

  it('reads GSR_JSON records through their Glue Schema Registry header [C]', () => {
    const { kinesis, clock } = onDemandFixture();
    const input = tableChannel('t');
    input.StreamConfigurationList[0]!.RecordConfiguration = { RecordFormatType: 'GSR_JSON' };
    const { ChannelARN } = kinesis.createChannel(input).ChannelDescription;
    const gsr = (json: string, compression = 0) => new Uint8Array([3, compression, ...new Uint8Array(16).fill(9), ...utf8(json)]);
    kinesis.putRecords({ StreamName: 's', Records: [
      { PartitionKey: 'k', Data: gsr('{"id":1}') }, { PartitionKey: 'k', Data: utf8('{"id":2}') }, { PartitionKey: 'k', Data: gsr('{}', 5) },
    ] });
    clock.advance(300 * SECOND);
    const [rows, errors] = deliveries(kinesis, ChannelARN) as [S3TablesRowsDelivery, S3ErrorObjectDelivery];
    expect(rows.Rows.map((r) => r.Values)).toEqual([{ id: 1 }]);
    expect(errors.Records.map((r) => r.ErrorCode)).toEqual(['InvalidGsrRecord', 'InvalidGsrRecord']);
  });
});

describe('the channel lifecycle and delivery', () => {
  it('UpdateChannel changes the freshness used from then on [U]', () => {
    const { kinesis, clock } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('1') });
    clock.advance(100 * SECOND);
    kinesis.updateChannel({ ChannelARN, S3DestinationConfiguration: { DataFreshnessInSeconds: 900 } });
    clock.advance(800 * SECOND - 1);
    expect(deliveries(kinesis, ChannelARN)).toEqual([]);
    clock.advance(1);
    expect(deliveries(kinesis, ChannelARN).map((d) => d.DeliveredAt.getTime() - T0)).toEqual([900 * SECOND]);
  });

  it('DeleteChannel delivers what was buffered at once [U]; deliveries stay after the channel is gone [M]', () => {
    const { kinesis, clock } = onDemandFixture({ channelDelayMs: SECOND });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    clock.advance(SECOND);
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('1') });
    clock.advance(10 * SECOND);
    kinesis.deleteChannel({ ChannelARN });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('2') });
    clock.advance(3600 * SECOND);
    expect(rejection(() => kinesis.describeChannel({ ChannelARN })).name).toBe('ResourceNotFoundException');
    const all = deliveries(kinesis, ChannelARN) as S3ObjectDelivery[];
    expect(all.map((d) => [d.DeliveredAt.getTime() - T0, decode(d.Body)])).toEqual([[11 * SECOND, '1\n']]);
    const unknown = `arn:aws:kinesis:us-east-1:${ACCOUNT}:channel/none`;
    expect(rejection(() => kinesis.describeChannelDeliveries({ ChannelARN: unknown })).name).toBe('ResourceNotFoundException');
  });

  // Regression (FC_SEED=486543859): a channel deleted with no delay before delivering anything was unknown afterwards.
  it('a channel gone before it delivered anything still answers describeChannelDeliveries, with nothing', () => {
    const { kinesis } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.updateChannel({ ChannelARN, S3DestinationConfiguration: { DataFreshnessInSeconds: 300 } });
    kinesis.deleteChannel({ ChannelARN });
    expect(rejection(() => kinesis.describeChannel({ ChannelARN })).name).toBe('ResourceNotFoundException');
    expect(kinesis.describeChannelDeliveries({ ChannelARN })).toEqual({ ChannelARN, Deliveries: [] });
  });

  it('a FAILED channel delivers nothing more, not even what it had buffered [U]', () => {
    const { kinesis, clock } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('1') });
    clock.advance(SECOND);
    kinesis.failChannel({ ChannelARN, Reason: 'The IAM role cannot write to the bucket.' });
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('2') });
    clock.advance(3600 * SECOND);
    expect(deliveries(kinesis, ChannelARN)).toEqual([]);
    const d = kinesis.describeChannel({ ChannelARN }).ChannelDescription;
    expect([d.ChannelStatus, d.ChannelStatusReason]).toEqual(['FAILED', 'The IAM role cannot write to the bucket.']);
    expect(rejection(() => kinesis.failChannel({ ChannelARN, Reason: 'again' })).name).toBe('ResourceInUseException');
  });

  it('keeps delivering across a switch to provisioned and a reshard, parents before children', () => {
    const { kinesis, clock } = onDemandFixture();
    const { ChannelARN } = kinesis.createChannel(s3Channel('c', {}, 'STRING')).ChannelDescription;
    kinesis.updateStreamMode({ StreamARN: arnOf('s'), StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    const before = kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('before') });
    const range = kinesis.listShards({ StreamName: 's' }).Shards!.find((x) => x.ShardId === before.ShardId)!.HashKeyRange;
    const middle = (BigInt(range.StartingHashKey) + BigInt(range.EndingHashKey)) / 2n;
    kinesis.splitShard({ StreamName: 's', ShardToSplit: before.ShardId, NewStartingHashKey: middle.toString() });
    const after = kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('after') });
    expect(after.ShardId).not.toBe(before.ShardId);
    clock.advance(300 * SECOND);
    const [object] = deliveries(kinesis, ChannelARN) as S3ObjectDelivery[];
    expect(object!.Records.map((r) => [r.ShardId, decode(r.Data)])).toEqual([[before.ShardId, 'before'], [after.ShardId, 'after']]);
  });

  it('a channelDeliverySink receives each delivery as it is made; the engine then keeps none', () => {
    const received: ChannelDelivery[] = [];
    const { kinesis, clock } = onDemandFixture({ channelDeliverySink: (delivery) => received.push(delivery) });
    const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
    kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: utf8('1') });
    clock.advance(300 * SECOND);
    expect(received).toEqual([]); // no call has read the clock since
    kinesis.listStreams();
    expect(received.map((d) => d.DeliveryType)).toEqual(['S3_OBJECT']);
    expect(kinesis.describeChannelDeliveries({ ChannelARN }).Deliveries).toEqual([]);
  });

  it('is deterministic: the same calls and clock give byte-identical deliveries', () => {
    const run = () => {
      const { kinesis, clock } = onDemandFixture({ seed: 3 });
      kinesis.updateStreamRecordDistributionStrategy({ StreamARN: arnOf('s'), RecordDistributionStrategy: 'AUTO' });
      const { ChannelARN } = kinesis.createChannel(s3Channel('c')).ChannelDescription;
      for (let i = 0; i < 50; i++) {
        kinesis.putRecord({ StreamName: 's', Data: utf8(String(i)) });
        clock.advance(17 * SECOND);
      }
      clock.advance(900 * SECOND);
      return deliveries(kinesis, ChannelARN);
    };
    expect(run()).toEqual(run());
  });

  it('the option is checked', () => {
    expect(() => onDemandFixture({ channelDeliverySink: 'nope' as never })).toThrow(/channelDeliverySink must be a function/);
    expect(() => onDemandFixture({ channelDelayMs: -1 })).toThrow(/channelDelayMs/);
    expect(() => onDemandFixture({ channelCountLimit: 1.5 })).toThrow(/channelCountLimit must be a whole number/);
    expect(() => onDemandFixture({ seed: 0.5 })).toThrow(/seed must be a safe integer/);
  });
});
