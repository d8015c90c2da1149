// Tagging shapes (stream-only legacy operations and the ARN-addressed ones), as in the AWS SDK v3 client.

import type { StreamRef, Tag } from './common.js';

export interface AddTagsToStreamInput extends StreamRef {
  Tags: Record<string, string>;
}

export interface RemoveTagsFromStreamInput extends StreamRef {
  TagKeys: string[];
}

export interface ListTagsForStreamInput extends StreamRef {
  ExclusiveStartTagKey?: string | undefined;
  Limit?: number | undefined;
}

export interface ListTagsForStreamOutput {
  Tags: Tag[];
  HasMoreTags: boolean;
}

export interface TagResourceInput {
  Tags: Record<string, string>;
  /** A stream ARN or a consumer ARN. */
  ResourceARN: string;
  StreamId?: string | undefined;
}

export interface UntagResourceInput {
  TagKeys: string[];
  ResourceARN: string;
  StreamId?: string | undefined;
}

export interface ListTagsForResourceInput {
  ResourceARN: string;
  StreamId?: string | undefined;
}

export interface ListTagsForResourceOutput {
  Tags?: Tag[];
}
