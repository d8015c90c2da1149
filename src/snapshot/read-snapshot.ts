// Restoring a snapshot: check the container, read the document, rebuild the account with its records.

import { decodeUtf8 } from '../encoding/utf8-decode.js';
import type { Account } from '../model/account.js';
import { resolveOptions, type KinesisOptions } from '../options.js';
import { accountFrom, type SnapshotSettings } from './account-document.js';
import { Fields } from './document-fields.js';
import type { OnDemandScalingSettings } from '../model/on-demand-scaling.js';
import { SegmentReader } from './record-section.js';
import { SnapshotError } from './snapshot-error.js';
import { HEADER_BYTES, TRAILER_BYTES, checkContainer, requireLittleEndian } from './snapshot-format.js';
import { TokenSealer } from '../tokens/sealed-token.js';
import { tokenCheckOf } from './write-snapshot.js';

/**
 * What a restore may set: the clock (default SystemClock), the token secret the snapshotted engine used, a
 * channel delivery sink (a function, never in a snapshot) and how long metrics are kept (metrics are not state).
 */
export type RestoreOptions = Pick<KinesisOptions, 'clock' | 'tokenSecret' | 'channelDeliverySink' | 'metricsRetentionMs'>;

/**
 * The account a snapshot holds, running on `options.clock`. Every other setting comes from the snapshot.
 * @throws SnapshotError when the bytes are not a snapshot, are truncated or corrupt, are of a newer format, or
 * were taken with another token secret than `options.tokenSecret` (default 'kinesim').
 */
export function readSnapshot(bytes: Uint8Array, options: RestoreOptions = {}): Account {
  requireLittleEndian();
  const { documentBytes, version } = checkContainer(bytes);
  const text = decodeUtf8(bytes.subarray(HEADER_BYTES, HEADER_BYTES + documentBytes));
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) throw new SnapshotError('malformed snapshot: its document is not JSON');
  const doc = new Fields(parsed, 'snapshot');
  const settings = resolvedSettings(doc.obj('settings'), options, version);
  if (tokenCheckOf(new TokenSealer(settings.tokenSecret)) !== doc.str('tokenCheck')) {
    throw new SnapshotError(
      'the snapshot was taken with another tokenSecret: restore it with the tokenSecret its engine used, ' +
        'or its shard iterators and NextTokens would all be invalid',
    );
  }
  const records = new SegmentReader(bytes, HEADER_BYTES + documentBytes, bytes.length - TRAILER_BYTES);
  const account = accountFrom(doc, settings, records);
  if (records.offset !== records.end) throw new SnapshotError('malformed snapshot: its record section has bytes no shard owns');
  return account;
}

function resolvedSettings(f: Fields, options: RestoreOptions, version: number) {
  const saved: SnapshotSettings = {
    accountId: f.str('accountId'),
    region: f.str('region'),
    partition: f.str('partition'),
    createStreamDelayMs: f.num('createStreamDelayMs'),
    deleteStreamDelayMs: f.num('deleteStreamDelayMs'),
    updateStreamDelayMs: f.num('updateStreamDelayMs'),
    consumerDelayMs: f.num('consumerDelayMs'),
    shardLimit: f.num('shardLimit'),
    onDemandStreamCountLimit: f.num('onDemandStreamCountLimit'),
    throughputLimits: f.bool('throughputLimits'),
    seed: f.num('seed'),
    channelDelayMs: f.num('channelDelayMs'),
    channelCountLimit: f.num('channelCountLimit'),
    // Version 1 engines kept every payload.
    recordPayloads: version < 2 ? 'copy' : f.oneOf('recordPayloads', ['copy', 'size-only'] as const),
    // Version 1 engines did not scale on-demand streams.
    onDemandScaling: version < 2 ? false : scalingFrom(f),
  };
  const given: KinesisOptions = { ...saved };
  if (options.clock !== undefined) given.clock = options.clock;
  if (options.tokenSecret !== undefined) given.tokenSecret = options.tokenSecret;
  if (options.channelDeliverySink !== undefined) given.channelDeliverySink = options.channelDeliverySink;
  if (options.metricsRetentionMs !== undefined) given.metricsRetentionMs = options.metricsRetentionMs;
  try {
    return resolveOptions(given);
  } catch (error) {
    throw new SnapshotError(`malformed snapshot: its settings are invalid (${(error as Error).message})`);
  }
}

/** The scaling parameters a snapshot kept (false: off). resolveOptions checks each, and refuses unknown ones. */
function scalingFrom(f: Fields): OnDemandScalingSettings | false {
  if (f.raw('onDemandScaling') === false) return false;
  f.obj('onDemandScaling');
  return f.raw('onDemandScaling') as OnDemandScalingSettings;
}
