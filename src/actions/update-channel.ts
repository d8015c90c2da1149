// UpdateChannel — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateChannel.html

import { InvalidArgumentException, ResourceInUseException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import type { Account } from '../model/account.js';
import type { UpdateChannelInput, UpdateChannelOutput } from '../api-types/channels.js';
import { findChannel } from './_internals/channel-ref.js';
import { checkFreshness, resolveLogging } from './_internals/channel-rules.js';
import { channelDescription } from './output/channel-output.js';

const DESTINATION_WORDS = { S3: 'general purpose Amazon S3', S3_TABLES: 'streaming table' } as const;

/**
 * Changes the data freshness or the CloudWatch Logs settings [M]. The description shows the new values at once with
 * ChannelStatus UPDATING [M: the SDK's example]; delivery uses the new freshness from then on [U]. The channel is
 * UPDATING for `channelDelayMs`.
 * @throws ResourceNotFoundException; ResourceInUseException unless ACTIVE [U]; InvalidArgumentException for nothing
 * to update, the other destination type's settings, or a data freshness outside 300..900 s [U texts]
 */
export function updateChannel(account: Account, input: UpdateChannelInput): UpdateChannelOutput {
  const nowMs = account.timeline.now();
  const channel = findChannel(account, input.ChannelARN);
  const status = channel.status(nowMs);
  if (status !== 'ACTIVE') throw new ResourceInUseException(msg.channelNotActive(channel.name, account.accountId, status));
  const s3 = input.S3DestinationConfiguration;
  const tables = input.S3TablesDestinationConfiguration;
  const logging = input.LoggingConfiguration;
  if (s3 === undefined && tables === undefined && logging === undefined) throw new InvalidArgumentException(msg.channelUpdateNothing());
  const type = channel.destination.type;
  if ((s3 !== undefined && type !== 'S3') || (tables !== undefined && type !== 'S3_TABLES')) {
    throw new InvalidArgumentException(msg.channelUpdateWrongDestination(channel.name, DESTINATION_WORDS[type]));
  }
  const update = s3 ?? tables;
  const freshness = update === undefined ? channel.dataFreshnessSeconds : checkFreshness(update.DataFreshnessInSeconds);
  channel.dataFreshnessSeconds = freshness;
  if (logging !== undefined) channel.logging = resolveLogging(logging, channel.name, channel.id);
  channel.updatingUntilMs = nowMs + account.channelDelayMs;
  account.timeline.schedule(nowMs);
  // "Immediately after the request, the state is UPDATING" [M], even when applying it takes no time here.
  return { ChannelDescription: { ...channelDescription(channel, nowMs), ChannelStatus: 'UPDATING' } };
}
