// DescribeStreamSummary — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html

import type { Account } from '../model/account.js';
import type { DescribeStreamSummaryInput, DescribeStreamSummaryOutput } from '../api-types/streams.js';
import { findStream } from './_internals/stream-ref.js';
import { streamDescriptionSummary } from './output/stream-description.js';

export function describeStreamSummary(account: Account, input: DescribeStreamSummaryInput): DescribeStreamSummaryOutput {
  const nowMs = account.timeline.now();
  const stream = findStream(account, input);
  return { StreamDescriptionSummary: streamDescriptionSummary(account, stream, nowMs) };
}
