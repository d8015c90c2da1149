import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';

describe('Kinesis options', () => {
  it('uses AWS-like defaults: account 000000000000, us-east-1, 20000 shards there and 1000 elsewhere', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(0) });
    expect([kinesis.accountId, kinesis.region]).toEqual(['000000000000', 'us-east-1']);
    expect(kinesis.describeLimits().ShardLimit).toBe(20_000);
    expect(new Kinesis({ region: 'ap-south-2' }).describeLimits().ShardLimit).toBe(1_000);
  });

  it.each([
    [{ accountId: '123' }, /accountId must be twelve digits/],
    [{ region: 'US East' }, /region must be like us-east-1/],
    [{ partition: 'azure' }, /partition must be like aws or aws-cn/],
    [{ createStreamDelayMs: -1 }, /createStreamDelayMs must be a finite number of ms >= 0/],
    [{ updateStreamDelayMs: Number.NaN }, /updateStreamDelayMs/],
    [{ shardLimit: 1.5 }, /shardLimit must be a whole number >= 0/],
    [{ onDemandStreamCountLimit: -2 }, /onDemandStreamCountLimit/],
  ])('refuses the impossible option %o with a RangeError', (options, message) => {
    expect(() => new Kinesis(options)).toThrow(RangeError);
    expect(() => new Kinesis(options)).toThrow(message);
  });

  it('puts the partition, region and account into ARNs', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(0), partition: 'aws-cn', region: 'cn-north-1', accountId: '111122223333' });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamARN).toBe(
      'arn:aws-cn:kinesis:cn-north-1:111122223333:stream/s',
    );
    expect(kinesis.describeStreamSummary({ StreamARN: 'arn:aws-cn:kinesis:cn-north-1:111122223333:stream/s' })
      .StreamDescriptionSummary.StreamName).toBe('s');
    expect(() => kinesis.describeStreamSummary({ StreamARN: 'arn:aws:kinesis:cn-north-1:111122223333:stream/s' })).toThrow(
      'Stream s under account 111122223333 not found.',
    );
  });
});
