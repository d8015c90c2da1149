// Retention-period shapes, as in the AWS SDK v3 client.

import type { StreamRef } from './common.js';

export interface IncreaseStreamRetentionPeriodInput extends StreamRef {
  RetentionPeriodHours: number;
}

export interface DecreaseStreamRetentionPeriodInput extends StreamRef {
  RetentionPeriodHours: number;
}
