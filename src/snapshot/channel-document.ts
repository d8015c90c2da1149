// Delivery channels and what they delivered, in the snapshot's document and back. A channel is plain data; a
// delivery holds byte arrays (object bodies, record data) that go to the record section, and Dates kept as epoch ms.
// Table rows' values are the records' own JSON objects, written as they are.

import type { Account } from '../model/account.js';
import { Channel } from '../model/channel.js';
import type { ChannelDelivery, DeliveredRecord, FailedRecord, TableRow } from '../model/channel-deliveries.js';
import { Fields, malformed } from './document-fields.js';
import type { SegmentReader } from './record-section.js';

/** The document of the account's channels (in creation order) and deliveries; byte arrays are appended to `blobs`. */
export function channelsDocument(account: Account, blobs: Uint8Array[]): object {
  return {
    channelsCreated: account.identities.channelsCreated,
    channels: [...account.channels.values()].map(channelDocument),
    deliveries: [...account.deliveries.byChannel].map(([arn, list]) => [arn, list.map((d) => deliveryDocument(d, blobs))]),
    tables: [...account.deliveries.tables],
  };
}

function channelDocument(c: Channel): object {
  return {
    serial: c.serial,
    name: c.name,
    id: c.id,
    arn: c.arn,
    createdAtMs: c.createdAtMs,
    activeAtMs: c.activeAtMs,
    roleArn: c.roleArn,
    source: c.source,
    destination: c.destination,
    deadLetterQueue: c.deadLetterQueue,
    encryption: c.encryption,
    dataFreshnessSeconds: c.dataFreshnessSeconds,
    logging: c.logging,
    updatingUntilMs: c.updatingUntilMs,
    failedAtMs: c.failedAtMs,
    failureReason: c.failureReason,
    deletingAtMs: c.deletingAtMs,
    goneAtMs: c.goneAtMs,
    tags: [...c.tags],
    policy: c.policy,
    delivery: c.delivery,
  };
}

function deliveryDocument(d: ChannelDelivery, blobs: Uint8Array[]): object {
  const base = { type: d.DeliveryType, channelArn: d.ChannelARN, channelName: d.ChannelName, deliveredAtMs: d.DeliveredAt.getTime() };
  switch (d.DeliveryType) {
    case 'S3_OBJECT':
      blobs.push(d.Body);
      return {
        ...base, bucketArn: d.BucketARN, bucket: d.Bucket, key: d.Key, storageClass: d.StorageClass,
        contentEncoding: d.ContentEncoding, body: d.Body.length, records: d.Records.map((r) => recordDocument(r, blobs)),
      };
    case 'S3_ERROR_OBJECT':
      blobs.push(d.Body);
      return {
        ...base, bucketArn: d.BucketARN, bucket: d.Bucket, key: d.Key, body: d.Body.length,
        records: d.Records.map((r) => ({ ...recordDocument(r, blobs), errorCode: r.ErrorCode, errorMessage: r.ErrorMessage })),
      };
    case 'S3_TABLES_ROWS':
      return {
        ...base, tableBucketArn: d.TableBucketARN, namespace: d.Namespace, tableName: d.TableName, compressionType: d.CompressionType,
        rows: d.Rows.map((row) => ({ values: row.Values, partition: row.Partition, record: recordDocument(row.Record, blobs) })),
      };
  }
}

function recordDocument(r: DeliveredRecord, blobs: Uint8Array[]): { [key: string]: unknown } {
  blobs.push(r.Data);
  return { shardId: r.ShardId, sequenceNumber: r.SequenceNumber, arrivalMs: r.ApproximateArrivalTimestamp.getTime(), data: r.Data.length, partitionKey: r.PartitionKey };
}

/**
 * Restores the channels and deliveries of `doc` (channelsDocument's) into `account`, reading byte arrays from `blobs`.
 * @throws SnapshotError naming the first malformed member.
 */
export function restoreChannels(doc: Fields, account: Account, blobs: SegmentReader): void {
  account.identities.channelsCreated = doc.num('channelsCreated');
  doc.arr('channels').forEach((value, i) => {
    const channel = channelFrom(new Fields(value, `${doc.where}.channels[${i}]`));
    account.channels.set(channel.arn, channel);
  });
  doc.arr('deliveries').forEach((value, i) => {
    const where = `${doc.where}.deliveries[${i}]`;
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !Array.isArray(value[1])) {
      throw malformed(where, 'a [channel ARN, deliveries] pair');
    }
    const list = (value[1] as unknown[]).map((d, j) => deliveryFrom(new Fields(d, `${where}[${j}]`), blobs));
    account.deliveries.byChannel.set(value[0], list);
  });
  for (const table of doc.arr('tables')) {
    if (typeof table !== 'string') throw malformed(`${doc.where}.tables`, 'an array of strings');
    account.deliveries.tables.add(table);
  }
}

function channelFrom(f: Fields): Channel {
  const channel = new Channel(
    f.num('serial'), f.str('name'), f.str('id'), f.str('arn'), f.num('createdAtMs'), f.num('activeAtMs'), f.str('roleArn'),
    plain<Channel['source']>(f, 'source'),
    plain<Channel['destination']>(f, 'destination'),
    plain<Channel['deadLetterQueue']>(f, 'deadLetterQueue'),
    f.raw('encryption') === undefined ? undefined : plain<{ keyId: string }>(f, 'encryption'),
    f.num('dataFreshnessSeconds'),
    plain<Channel['logging']>(f, 'logging'),
  );
  channel.updatingUntilMs = f.optNum('updatingUntilMs');
  channel.failedAtMs = f.optNum('failedAtMs');
  channel.failureReason = f.optStr('failureReason');
  channel.deletingAtMs = f.optNum('deletingAtMs');
  channel.goneAtMs = f.optNum('goneAtMs');
  for (const [key, value] of f.pairs<string>('tags', 'string')) channel.tags.set(key, value);
  channel.policy = f.optStr('policy');
  const delivery = f.obj('delivery');
  Object.assign(channel.delivery, {
    started: delivery.bool('started'),
    ended: delivery.bool('ended'),
    next: delivery.nums('next'),
    objects: delivery.num('objects'),
    errorObjects: delivery.num('errorObjects'),
  });
  return channel;
}

/** A delivery, its members in the order the engine makes them (so outputs serialize alike). */
function deliveryFrom(f: Fields, blobs: SegmentReader): ChannelDelivery {
  const base = { ChannelARN: f.str('channelArn'), ChannelName: f.str('channelName'), DeliveredAt: new Date(f.num('deliveredAtMs')) };
  const type = f.oneOf('type', ['S3_OBJECT', 'S3_ERROR_OBJECT', 'S3_TABLES_ROWS'] as const);
  if (type === 'S3_TABLES_ROWS') {
    const rows = f.arr('rows').map((value, i): TableRow => {
      const row = new Fields(value, `${f.where}.rows[${i}]`);
      return { Values: plain(row, 'values'), Partition: plain<TableRow['Partition']>(row, 'partition'), Record: recordFrom(row.obj('record'), blobs) };
    });
    return {
      ...base, DeliveryType: type, TableBucketARN: f.str('tableBucketArn'), Namespace: f.str('namespace'), TableName: f.str('tableName'),
      CompressionType: f.str('compressionType') as 'NONE', Rows: rows,
    };
  }
  // The body was written before the records' data.
  const Body = blobs.blob(f.num('body'), `${f.where}.body`);
  const records = f.arr('records').map((value, i) => new Fields(value, `${f.where}.records[${i}]`));
  const place = { BucketARN: f.str('bucketArn'), Bucket: f.str('bucket'), Key: f.str('key') };
  if (type === 'S3_ERROR_OBJECT') {
    const failed = records.map((r): FailedRecord => ({ ...recordFrom(r, blobs), ErrorCode: r.str('errorCode'), ErrorMessage: r.str('errorMessage') }));
    return { ...base, DeliveryType: type, ...place, Body, Records: failed };
  }
  const delivery: ChannelDelivery = {
    ...base, DeliveryType: type, ...place, StorageClass: f.str('storageClass') as 'STANDARD', Body, Records: records.map((r) => recordFrom(r, blobs)),
  };
  const encoding = f.optStr('contentEncoding');
  if (encoding !== undefined) delivery.ContentEncoding = encoding as 'gzip';
  return delivery;
}

function recordFrom(f: Fields, blobs: SegmentReader): DeliveredRecord {
  const record: DeliveredRecord = {
    ShardId: f.str('shardId'),
    SequenceNumber: f.str('sequenceNumber'),
    ApproximateArrivalTimestamp: new Date(f.num('arrivalMs')),
    Data: blobs.blob(f.num('data'), `${f.where}.data`),
  };
  const key = f.optStr('partitionKey');
  if (key !== undefined) record.PartitionKey = key;
  return record;
}

/** A member that is plain JSON data (an object), taken as it is. */
function plain<T = Record<string, unknown>>(f: Fields, name: string): T {
  const value = f.raw(name);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${f.where}.${name}`, 'an object');
  return value as T;
}
