// KinesisMetrics: the CloudWatch metrics an engine keeps (namespace AWS/Kinesis), read with CloudWatch's
// GetMetricStatistics and ListMetrics shapes. A kinesim extension: `kinesis.metrics`, never on the wire.

import type {
  GetMetricStatisticsInput, GetMetricStatisticsOutput, ListMetricsInput, ListMetricsOutput,
} from '../api-types/metrics.js';
import type { Account } from '../model/account.js';
import { getMetricStatistics } from './get-metric-statistics.js';
import { listMetrics } from './list-metrics.js';

export class KinesisMetrics {
  readonly #account: Account;

  /** @internal Kinesis makes one per engine. */
  constructor(account: Account) {
    this.#account = account;
  }

  /** How long a minute of metrics is kept, in ms of engine time (KinesisOptions.metricsRetentionMs). */
  get retentionMs(): number {
    return this.#account.metrics.retentionMs;
  }

  /**
   * A metric's statistics per period, like CloudWatch's GetMetricStatistics: `Namespace: 'AWS/Kinesis'`, a
   * MetricName, exactly its Dimensions, StartTime (rounded down to the minute; datapoints align to it), EndTime
   * (exclusive), Period (a multiple of 60 s) and Statistics. Datapoints come oldest first, one per period with samples.
   * @throws MissingRequiredParameterException, InvalidParameterValueException, InvalidParameterCombinationException
   */
  getMetricStatistics(input: GetMetricStatisticsInput): GetMetricStatisticsOutput {
    const nowMs = this.#account.timeline.now();
    return getMetricStatistics(this.#account.metrics, nowMs, input);
  }

  /** The metrics with data inside the retention window, like CloudWatch's ListMetrics (one page: no NextToken). */
  listMetrics(input: ListMetricsInput = {}): ListMetricsOutput {
    const nowMs = this.#account.timeline.now();
    this.#account.metrics.prune(nowMs, this.#account.streams);
    return listMetrics(this.#account.metrics, nowMs, input);
  }
}
