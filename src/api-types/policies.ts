// Resource-based policy shapes (streams and consumers), as in the AWS SDK v3 client.

export interface PutResourcePolicyInput {
  /** A stream ARN or a consumer ARN. */
  ResourceARN: string;
  Policy: string;
  StreamId?: string | undefined;
}

export interface GetResourcePolicyInput {
  ResourceARN: string;
  StreamId?: string | undefined;
}

export interface GetResourcePolicyOutput {
  Policy: string;
}

export interface DeleteResourcePolicyInput {
  ResourceARN: string;
  StreamId?: string | undefined;
}
