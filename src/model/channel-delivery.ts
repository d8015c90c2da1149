// Channel delivery, emulated on the engine clock: a channel buffers the records its stream receives from the moment
// it is ACTIVE, and delivers them when the oldest undelivered one reaches the data freshness age
// (https://docs.aws.amazon.com/streams/latest/dev/data-delivery-concepts.html). No timer runs: deliveries due
// by a clock reading are made when that reading is taken (Timeline.now), in due order.
//
// Exactly once [U: AWS documents no guarantee for S3]: each channel keeps, per shard of its stream, the index of
// the next record to deliver, so a record is delivered once, in shard order, whatever splits and merges happen
// (children are read after their parents because their indexes are higher).

import type { Account } from './account.js';
import type { Channel, S3TablesDestination } from './channel.js';
import {
  type ChannelDelivery,
  type DeliveredRecord,
  type FailedRecord,
  type TableRow,
} from './channel-deliveries.js';
import { NOT_A_ROW, checkRecord, extensionOf, objectBody } from './delivery-format.js';
import { renderKey, uniqueSuffix } from './s3-key-template.js';
import type { Stream } from './stream.js';
import { encodeBase64 } from '../encoding/base64.js';
import { utf8Bytes } from '../encoding/utf8.js';

/**
 * Applies every channel transition and delivery due by `nowMs` (gone channels are dropped); returns when the next
 * one is due (Infinity if none).
 */
export function settleChannels(account: Account, nowMs: number): number {
  let next = Infinity;
  for (const [arn, channel] of account.channels) {
    if (channel.goneAtMs !== undefined) {
      if (channel.goneAtMs <= nowMs) {
        account.channels.delete(arn);
        continue;
      }
      next = Math.min(next, channel.goneAtMs);
    }
    next = Math.min(next, deliverDue(account, channel, nowMs));
  }
  return next;
}

/** Makes the deliveries of `channel` due by `nowMs`; returns when it next needs the clock. */
function deliverDue(account: Account, channel: Channel, nowMs: number): number {
  const position = channel.delivery;
  if (position.ended) return Infinity;
  if (channel.failedAtMs !== undefined && channel.failedAtMs <= nowMs) {
    // [U] A FAILED channel delivers nothing more, not even what it had buffered.
    position.ended = true;
    return Infinity;
  }
  if (nowMs < channel.activeAtMs) return Math.min(channel.activeAtMs, channel.failedAtMs ?? Infinity);
  const stream = sourceStream(account, channel);
  if (stream === undefined) {
    position.ended = true;
    return Infinity;
  }
  if (!position.started) start(channel, stream);
  const freshnessMs = channel.dataFreshnessSeconds * 1000;
  for (;;) {
    const oldest = oldestUndelivered(channel, stream);
    // Nothing buffered: look again one freshness period later (a record arriving meanwhile is then due no earlier).
    if (oldest === undefined) return nowMs + freshnessMs;
    const dueMs = oldest + freshnessMs;
    if (dueMs > nowMs) return dueMs;
    deliver(account, channel, stream, dueMs, dueMs);
  }
}

/**
 * Delivers everything `channel` has buffered, as of `atMs`, and ends its delivery: what DeleteChannel does
 * [U: AWS does not say whether buffered records are delivered or dropped; kinesim delivers them].
 */
export function deliverRemaining(account: Account, channel: Channel, atMs: number): void {
  const position = channel.delivery;
  if (position.ended) return;
  const stream = sourceStream(account, channel);
  if (stream !== undefined && position.started) deliver(account, channel, stream, Infinity, atMs);
  position.ended = true;
}

function sourceStream(account: Account, channel: Channel): Stream | undefined {
  const stream = account.streams.get(channel.source.streamName);
  return stream?.incarnation === channel.source.incarnation ? stream : undefined;
}

/**
 * Delivery covers the records that arrive from the moment the channel is ACTIVE (no backfill [D]); `next` already
 * holds each shard's length at CreateChannel, so records of the creation's millisecond stored before it stay out.
 */
function start(channel: Channel, stream: Stream): void {
  const next = channel.delivery.next;
  for (const shard of stream.shards) {
    next[shard.index] = Math.max(next[shard.index] ?? 0, shard.log.firstAtOrAfter(channel.activeAtMs));
  }
  channel.delivery.started = true;
}

function oldestUndelivered(channel: Channel, stream: Stream): number | undefined {
  let oldest: number | undefined;
  const next = channel.delivery.next;
  for (const shard of stream.shards) {
    const log = shard.log;
    const at = Math.max(next[shard.index] ?? 0, log.firstIndex);
    if (at >= log.length) continue;
    const arrival = log.arrivalAt(at);
    if (oldest === undefined || arrival < oldest) oldest = arrival;
  }
  return oldest;
}

/** Delivers the buffered records that arrived before `cutMs`, stamped `atMs`. */
function deliver(account: Account, channel: Channel, stream: Stream, cutMs: number, atMs: number): void {
  const records = takeRecords(channel, stream, cutMs);
  if (records.length === 0) return;
  const format = channel.source.recordFormat;
  const valid: { record: DeliveredRecord; value: unknown }[] = [];
  const failed: FailedRecord[] = [];
  const tables = channel.destination.type === 'S3_TABLES';
  for (const record of records) {
    const checked = checkRecord(format, record.Data);
    if (!checked.ok) failed.push({ ...record, ErrorCode: checked.code, ErrorMessage: checked.message });
    else if (tables && !isObject(checked.value)) failed.push({ ...record, ErrorCode: NOT_A_ROW.code, ErrorMessage: NOT_A_ROW.message });
    else valid.push({ record, value: checked.value });
  }
  const base = { ChannelARN: channel.arn, ChannelName: channel.name, DeliveredAt: new Date(atMs) };
  const out: ChannelDelivery[] = [];
  if (valid.length > 0) {
    const destination = channel.destination;
    if (destination.type === 'S3') {
      const body = objectBody(format, valid.map((v) => v.record.Data), destination.compression);
      const key = renderKey(destination.outputKeyTemplate, {
        channelName: channel.name,
        channelId: channel.id,
        streamName: channel.source.streamName,
        atMs,
        extension: extensionOf(format, destination.compression),
        suffix: uniqueSuffix(++channel.delivery.objects),
      });
      const object: ChannelDelivery = {
        ...base,
        DeliveryType: 'S3_OBJECT',
        BucketARN: destination.bucketArn,
        Bucket: bucketOf(destination.bucketArn),
        Key: key,
        StorageClass: destination.storageClass,
        Body: body,
        Records: valid.map((v) => v.record),
      };
      if (destination.compression !== 'NONE') object.ContentEncoding = destination.compression === 'GZIP' ? 'gzip' : 'zstd';
      out.push(object);
    } else {
      const rows = valid.map((v): TableRow => tableRow(v.value as Record<string, unknown>, destination.partitionFields, v.record));
      out.push({
        ...base,
        DeliveryType: 'S3_TABLES_ROWS',
        TableBucketARN: destination.tableBucketArn,
        Namespace: destination.namespace,
        TableName: destination.tableName,
        CompressionType: destination.compression,
        Rows: rows,
      });
    }
  }
  if (failed.length > 0) out.push(errorObject(channel, base, failed, atMs));
  for (const delivery of out) record(account, delivery);
}

/** The records of every shard (in shard order) from the channel's position up to `cutMs`; advances the position. */
function takeRecords(channel: Channel, stream: Stream, cutMs: number): DeliveredRecord[] {
  const records: DeliveredRecord[] = [];
  const next = channel.delivery.next;
  for (const shard of stream.shards) {
    const log = shard.log;
    const from = Math.max(next[shard.index] ?? 0, log.firstIndex);
    const end = cutMs === Infinity ? log.length : log.firstAtOrAfter(cutMs);
    if (end > from) {
      log.read(from, end - from, Infinity, (index, key, data, arrivalMs) => {
        const delivered: DeliveredRecord = {
          ShardId: shard.id,
          SequenceNumber: shard.readSequence.format(index + 1),
          ApproximateArrivalTimestamp: new Date(arrivalMs),
          Data: data,
        };
        if (key !== undefined) delivered.PartitionKey = key;
        records.push(delivered);
      });
    }
    next[shard.index] = Math.max(from, end);
  }
  return records;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A row with its TIME_HOUR partition values [U: the column is read as an ISO-8601 timestamp string]. */
function tableRow(values: Record<string, unknown>, fields: S3TablesDestination['partitionFields'], record: DeliveredRecord): TableRow {
  const partition: Record<string, string | null> = {};
  for (const { sourceName: column } of fields ?? []) {
    const value = values[column];
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    partition[column] = Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 13).replace('T', '-');
  }
  return { Values: values, Partition: partition, Record: record };
}

/**
 * The dead-letter object for records that failed validation. [U] Its key and body are not public: the key is the
 * error prefix, the UTC hour path and a per-channel counter; the body is JSON Lines, one object per record with
 * its error context and the raw data in base64.
 */
function errorObject(channel: Channel, base: { ChannelARN: string; ChannelName: string; DeliveredAt: Date }, failed: FailedRecord[], atMs: number): ChannelDelivery {
  const dlq = channel.deadLetterQueue;
  const hourPath = new Date(atMs).toISOString().slice(0, 13).replace(/[-T]/g, '/');
  const key = `${dlq.errorOutputPrefix}${hourPath}/${channel.name}-${channel.id}${uniqueSuffix(++channel.delivery.errorObjects)}.json`;
  const lines = failed.map((r) => JSON.stringify({
    errorCode: r.ErrorCode,
    errorMessage: r.ErrorMessage,
    shardId: r.ShardId,
    sequenceNumber: r.SequenceNumber,
    approximateArrivalTimestamp: r.ApproximateArrivalTimestamp.getTime(),
    ...(r.PartitionKey === undefined ? {} : { partitionKey: r.PartitionKey }),
    rawData: encodeBase64(r.Data),
  }) + '\n');
  return {
    ...base,
    DeliveryType: 'S3_ERROR_OBJECT',
    BucketARN: dlq.bucketArn,
    Bucket: bucketOf(dlq.bucketArn),
    Key: key,
    Body: utf8Bytes(lines.join('')),
    Records: failed,
  };
}

/** Keeps a delivery, or hands it to the engine's sink (which then owns it). */
function record(account: Account, delivery: ChannelDelivery): void {
  const sink = account.channelDeliverySink;
  if (sink !== undefined) {
    sink(delivery);
    return;
  }
  account.deliveries.byChannel.get(delivery.ChannelARN)!.push(delivery);
}

/** `arn:aws:s3:::my-bucket` -> `my-bucket`. */
function bucketOf(bucketArn: string): string {
  return bucketArn.slice(bucketArn.lastIndexOf(':') + 1);
}

