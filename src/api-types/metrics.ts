// CloudWatch shapes of kinesim's metrics queries (kinesis.metrics), as in the AWS SDK v3 CloudWatch client.

/** CloudWatch's basic statistics. */
export type Statistic = 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';

/** CloudWatch's units (Kinesis metrics use Bytes, Count and Milliseconds). */
export type StandardUnit =
  | 'Seconds' | 'Microseconds' | 'Milliseconds' | 'Bytes' | 'Kilobytes' | 'Megabytes' | 'Gigabytes' | 'Terabytes'
  | 'Bits' | 'Kilobits' | 'Megabits' | 'Gigabits' | 'Terabits' | 'Percent' | 'Count' | 'Bytes/Second'
  | 'Kilobytes/Second' | 'Megabytes/Second' | 'Gigabytes/Second' | 'Terabytes/Second' | 'Bits/Second'
  | 'Kilobits/Second' | 'Megabits/Second' | 'Gigabits/Second' | 'Terabits/Second' | 'Count/Second' | 'None';

export interface Dimension {
  Name: string;
  Value: string;
}

/** A dimension to match by name, and by value when one is given. */
export interface DimensionFilter {
  Name: string;
  Value?: string;
}

export interface GetMetricStatisticsInput {
  /** 'AWS/Kinesis'; any other namespace has no data here. */
  Namespace: string;
  MetricName: string;
  /** Exactly the metric's dimensions: StreamName; StreamName and ShardId; or StreamName and ConsumerName. */
  Dimensions?: Dimension[];
  /** Inclusive; rounded down to the minute. Datapoints are aligned to it. */
  StartTime: Date;
  /** Exclusive. */
  EndTime: Date;
  /** Seconds, a positive multiple of 60. */
  Period: number;
  Statistics?: Statistic[];
  /** Percentiles are not computed by kinesim (see the README's Divergences). */
  ExtendedStatistics?: string[];
  /** Only datapoints in this unit (a Kinesis metric has one unit). */
  Unit?: StandardUnit;
}

export interface Datapoint {
  /** The start of the datapoint's period. */
  Timestamp?: Date;
  SampleCount?: number;
  Average?: number;
  Sum?: number;
  Minimum?: number;
  Maximum?: number;
  Unit?: StandardUnit;
}

export interface GetMetricStatisticsOutput {
  /** The metric name. */
  Label?: string;
  /** Periods with at least one sample, oldest first (CloudWatch does not promise an order; kinesim does). */
  Datapoints?: Datapoint[];
}

export interface ListMetricsInput {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: DimensionFilter[];
}

export interface Metric {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: Dimension[];
}

export interface ListMetricsOutput {
  /** Every metric with a datapoint inside the retention window, by stream, then catalog order, then dimension values. */
  Metrics?: Metric[];
}
