// DescribeStreamSummary — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html

import { md5Hex } from '../keys/md5.js';
import type { Account } from '../model/account.js';
import type { Stream } from '../model/stream.js';
import type { DescribeStreamSummaryInput, DescribeStreamSummaryOutput, StreamDescriptionSummary } from '../api-types/streams.js';
import { openShardCountOf } from './describe-stream.js';
import { findStream } from './_internals/stream-ref.js';

export function describeStreamSummary(account: Account, input: DescribeStreamSummaryInput): DescribeStreamSummaryOutput {
  const nowMs = account.now();
  const stream = findStream(account, input);
  const summary: StreamDescriptionSummary = {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamId: streamIdOf(stream),
    StreamStatus: stream.status(nowMs),
    StreamModeDetails: { StreamMode: stream.mode },
    RetentionPeriodHours: stream.retentionHours,
    StreamCreationTimestamp: new Date(stream.createdAtMs),
    EnhancedMonitoring: [{ ShardLevelMetrics: [...stream.shardLevelMetrics] }],
    EncryptionType: stream.encryptionType,
    OpenShardCount: openShardCountOf(stream, nowMs),
    ConsumerCount: stream.consumerCount,
    MaxRecordSizeInKiB: stream.maxRecordSizeKiB,
  };
  if (stream.keyId !== undefined) summary.KeyId = stream.keyId;
  // Only on-demand streams of accounts with a billing commitment report warm throughput [D].
  if (stream.mode === 'ON_DEMAND' && account.billingCommitment.isEnabled(nowMs)) {
    summary.WarmThroughput = {
      TargetMiBps: stream.warmThroughputTargetMiBps ?? 0,
      CurrentMiBps: stream.warmThroughputCurrentMiBps ?? 0,
    };
  }
  return { StreamDescriptionSummary: summary };
}

/**
 * [U] How AWS makes StreamIds is not public; this one has AWS's shape (20 lowercase alphanumerics, '-',
 * 3 more) and is derived from the ARN and incarnation so it is stable and differs for a re-created stream.
 */
export function streamIdOf(stream: Stream): string {
  const hex = md5Hex(`${stream.arn}#${stream.incarnation}`);
  return `${hex.slice(0, 20)}-${hex.slice(20, 23)}`;
}
