// Errors of kinesim's CloudWatch-shaped metrics queries, named like the AWS SDK v3 CloudWatch client's exceptions.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html#API_GetMetricStatistics_Errors

/** The base of the metrics queries' errors: `name` is the SDK's exception name, `code` CloudWatch's error code. */
export class CloudWatchError extends Error {
  readonly $fault = 'client' as const;
  readonly statusCode = 400;

  constructor(name: string, readonly code: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** A parameter has a value CloudWatch does not accept. */
export class InvalidParameterValueException extends CloudWatchError {
  constructor(message: string) {
    super('InvalidParameterValueException', 'InvalidParameterValue', message);
  }
}

/** A required parameter is missing. */
export class MissingRequiredParameterException extends CloudWatchError {
  constructor(message: string) {
    super('MissingRequiredParameterException', 'MissingParameter', message);
  }
}

/** Parameters that cannot be used together (or, for GetMetricStatistics, too many datapoints). */
export class InvalidParameterCombinationException extends CloudWatchError {
  constructor(message: string) {
    super('InvalidParameterCombinationException', 'InvalidParameterCombination', message);
  }
}
