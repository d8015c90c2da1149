// CreateChannel — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateChannel.html

import { InvalidArgumentException, LimitExceededException, ResourceInUseException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import { Channel } from '../model/channel.js';
import { tableKey } from '../model/channel-deliveries.js';
import { STREAM_MAX_CHANNELS } from '../model/limits.js';
import type { Stream } from '../model/stream.js';
import type { CreateChannelInput, CreateChannelOutput } from '../api-types/channels.js';
import { requireActive } from './_internals/active-stream.js';
import { channelsOf } from './_internals/channel-ref.js';
import {
  checkChannelKey,
  defaultErrorOutputPrefix,
  regionOf,
  resolveDestination,
  resolveLogging,
  type ResolvedDestination,
} from './_internals/channel-rules.js';
import { findStream } from './_internals/stream-ref.js';
import { addTags } from './_internals/tag-rules.js';
import { channelDescription } from './output/channel-output.js';

const DESTINATION_WORDS = { S3: 'general purpose Amazon S3', S3_TABLES: 'streaming table' } as const;

/**
 * Order [U]: one stream; the stream exists, is ACTIVE and on-demand [M]; the name is free; the destination and
 * its settings; the per-stream and account limits; the table is new; tags. The answer always says CREATING [M];
 * the channel turns ACTIVE after `channelDelayMs` (or FAILED, when a table bucket or schema is in another Region).
 * @throws ResourceNotFoundException, ResourceInUseException, InvalidArgumentException, LimitExceededException
 */
export function createChannel(account: Account, input: CreateChannelInput): CreateChannelOutput {
  const nowMs = account.timeline.now();
  const configs = input.StreamConfigurationList;
  if (configs.length > 1) throw new InvalidArgumentException(msg.channelOneStream());
  const config = configs[0]!;
  const stream = findStream(account, { StreamARN: config.StreamARN });
  requireActive(account, stream, nowMs);
  const name = input.ChannelName;
  for (const channel of account.channels.values()) {
    if (channel.name === name) throw new ResourceInUseException(msg.channelExists(name, account.accountId));
  }
  // "This operation is only supported for data streams with the on-demand capacity mode" [M]; [U] the exception.
  if (stream.mode !== 'ON_DEMAND') throw new InvalidArgumentException(msg.channelOnProvisioned(stream.name, account.accountId));
  const resolved = resolveDestination(input, config.RecordConfiguration);
  if (input.EncryptionConfiguration !== undefined) checkChannelKey(input.EncryptionConfiguration.KeyId);
  checkLimits(account, stream, resolved);
  const destination = resolved.destination;
  if (destination.type === 'S3_TABLES') {
    // "Kinesis Data Streams creates a new table" and cannot write to an existing one [D]; [U] the exception and text.
    if (account.deliveries.tables.has(tableKey(destination.tableBucketArn, destination.namespace, destination.tableName))) {
      throw new ResourceInUseException(msg.channelTableExists(destination.namespace, destination.tableName, destination.tableBucketArn));
    }
  }
  const tags = new Map<string, string>();
  if (input.Tags !== undefined) addTags(tags, input.Tags, { kind: 'channel', name, accountId: account.accountId });

  const channel = build(account, input, stream, resolved, nowMs);
  for (const [key, value] of tags) channel.tags.set(key, value);
  if (destination.type === 'S3_TABLES') {
    account.deliveries.tables.add(tableKey(destination.tableBucketArn, destination.namespace, destination.tableName));
  }
  account.channels.set(channel.arn, channel);
  account.deliveries.byChannel.set(channel.arn, []);
  account.timeline.schedule(channel.activeAtMs);
  // "Immediately after creation, the state is CREATING" [M], even when provisioning takes no time here.
  return { ChannelDescription: { ...channelDescription(channel, nowMs), ChannelStatus: 'CREATING' } };
}

/**
 * [U] Texts; the limits are AWS's [D]: one channel per destination type and two in all per stream; the account's
 * channelCountLimit.
 * @throws LimitExceededException
 */
function checkLimits(account: Account, stream: Stream, resolved: ResolvedDestination): void {
  const type = resolved.destination.type;
  const existing = channelsOf(account, stream);
  if (existing.length >= STREAM_MAX_CHANNELS || existing.some((c) => c.destination.type === type)) {
    throw new LimitExceededException(msg.channelStreamLimit(stream.name, account.accountId, DESTINATION_WORDS[type], STREAM_MAX_CHANNELS));
  }
  if (account.channels.size >= account.channelCountLimit) {
    throw new LimitExceededException(msg.channelAccountLimit(account.accountId, account.region, account.channelCountLimit));
  }
}

function build(account: Account, input: CreateChannelInput, stream: Stream, resolved: ResolvedDestination, nowMs: number): Channel {
  const name = input.ChannelName;
  const id = account.identities.nextChannelId(account.seed, name);
  const record = input.StreamConfigurationList[0]!.RecordConfiguration;
  const dlq = resolved.deadLetterQueue;
  const channel = new Channel(
    account.identities.channelsCreated,
    name,
    id,
    account.identities.channelArn(id),
    nowMs,
    nowMs + account.channelDelayMs,
    input.ServiceExecutionRoleARN,
    {
      streamName: stream.name,
      streamArn: stream.arn,
      incarnation: stream.incarnation,
      streamCreatedAtMs: stream.createdAtMs,
      recordFormat: record.RecordFormatType,
      gsrSchemaArn: record.GSRSchemaARN,
    },
    resolved.destination,
    { ...dlq, errorOutputPrefix: dlq.errorOutputPrefix ?? defaultErrorOutputPrefix(name, id) },
    input.EncryptionConfiguration === undefined ? undefined : { keyId: input.EncryptionConfiguration.KeyId },
    resolved.dataFreshnessSeconds,
    resolveLogging(input.LoggingConfiguration, name, id),
  );
  // Records already stored are never delivered, even those of this very millisecond (see channel-delivery.ts).
  for (const shard of stream.shards) channel.delivery.next[shard.index] = shard.log.length;
  const reason = provisioningFailure(account, channel);
  if (reason !== undefined) {
    channel.failedAtMs = channel.activeAtMs;
    channel.failureReason = reason;
  }
  return channel;
}

/**
 * Why provisioning fails, if it does: the destination must be in the channel's Region [D troubleshooting: "bucket
 * ... in another Region", "schema ARN unresolvable"]. [U] Only Region mismatches of the table bucket and the schema
 * are detectable in memory (S3 bucket ARNs carry no Region); the text is kinesim's.
 */
function provisioningFailure(account: Account, channel: Channel): string | undefined {
  const destination = channel.destination;
  if (destination.type === 'S3_TABLES' && regionOf(destination.tableBucketArn) !== account.region) {
    return msg.channelWrongRegion(destination.tableBucketArn, account.region);
  }
  const schema = channel.source.gsrSchemaArn;
  if (schema !== undefined && regionOf(schema) !== account.region) return msg.channelWrongRegion(schema, account.region);
  return undefined;
}
