// The envelope of a KPL aggregated record: magic, protobuf AggregatedRecord, MD5 of the protobuf bytes.
// Format: https://github.com/awslabs/amazon-kinesis-producer/blob/master/aggregation-format.md

/** The four bytes every aggregated record starts with. */
export const KPL_MAGIC: readonly number[] = [0xf3, 0x89, 0x9a, 0xc2];

/** The MD5 trailer's length in bytes. */
export const KPL_DIGEST_SIZE = 16;
