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
    [{ metricsRetentionMs: 90_000 }, /metricsRetentionMs must be a whole number of minutes in ms \(a multiple of 60000\) >= 0/],
    [{ metricsRetentionMs: -60_000 }, /metricsRetentionMs/],
  ])('refuses the impossible option %o with a RangeError', (options, message) => {
    expect(() => new Kinesis(options)).toThrow(RangeError);
    expect(() => new Kinesis(options)).toThrow(message);
  });

  it.each([
    [{ accountId: 123456789012 }, 'Kinesis option accountId must be a string, got number 123456789012'],
    [{ region: 42 }, 'Kinesis option region must be a string, got number 42'],
    [{ partition: ['aws'] }, 'Kinesis option partition must be a string, got an array'],
    [{ clock: {} }, 'Kinesis option clock must be an object with a now() method returning epoch ms, got an object'],
    [{ clock: () => 0 }, 'Kinesis option clock must be an object with a now() method returning epoch ms, got a function'],
    [{ clock: { now: 5 } }, 'Kinesis option clock must be an object with a now() method returning epoch ms, got an object'],
    [{ createStreamDelayMs: '500' }, 'Kinesis option createStreamDelayMs must be a number of ms, got "500"'],
    [{ consumerDelayMs: 10n }, 'Kinesis option consumerDelayMs must be a number of ms, got bigint 10'],
    [{ shardLimit: '10' }, 'Kinesis option shardLimit must be a number, got "10"'],
    [{ onDemandStreamCountLimit: true }, 'Kinesis option onDemandStreamCountLimit must be a number, got boolean true'],
    [{ tokenSecret: 42 }, 'Kinesis option tokenSecret must be a string, got number 42'],
    [{ throughputLimits: 'yes' }, 'Kinesis option throughputLimits must be true or false, got "yes"'],
    [{ throughputLimits: 1 }, 'Kinesis option throughputLimits must be true or false, got number 1'],
    [{ seed: '7' }, 'Kinesis option seed must be a number, got "7"'],
    [{ channelDelayMs: '5' }, 'Kinesis option channelDelayMs must be a number of ms, got "5"'],
    [{ channelDeliverySink: 'log' }, 'Kinesis option channelDeliverySink must be a function, got "log"'],
    [{ metricsRetentionMs: '60000' }, 'Kinesis option metricsRetentionMs must be a number, got "60000"'],
  ])('refuses an option of the wrong type, %o, with a TypeError naming it', (options, message) => {
    expect(() => new Kinesis(options as never)).toThrow(new TypeError(message));
  });

  it('refuses options that are not an object', () => {
    expect(() => new Kinesis(null as never)).toThrow(new TypeError('Kinesis options must be an object, got null'));
    expect(() => new Kinesis('us-east-1' as never)).toThrow(TypeError);
  });

  it('accepts any clock object with a now() method, and refuses a reading that is not a finite number', () => {
    let reading: unknown = 1000;
    const kinesis = new Kinesis({ clock: { now: () => reading as number } });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    reading = Number.NaN;
    expect(() => kinesis.listStreams()).toThrow(new TypeError("The Kinesis clock's now() must return finite epoch ms, got NaN"));
    reading = '2000';
    expect(() => kinesis.listStreams()).toThrow(TypeError);
    reading = 2000;
    expect(kinesis.listStreams().StreamNames).toEqual(['s']);
    // Every engine time must be a valid Date (ApproximateArrivalTimestamp, StreamCreationTimestamp...).
    reading = 8.64e15 + 1;
    expect(() => kinesis.listStreams()).toThrow(new RangeError("The Kinesis clock's now() must return epoch ms a Date can hold (within +-8640000000000000), got 8640000000000001"));
    reading = 8.64e15;
    expect(kinesis.listStreams().StreamNames).toEqual(['s']);
  });

  it('keeps a ManualClock within the times a Date can hold', () => {
    expect(() => new ManualClock(8.64e15 + 1)).toThrow(RangeError);
    expect(() => new ManualClock(-8.64e15 - 1)).toThrow(RangeError);
    const clock = new ManualClock(8.64e15 - 10);
    expect(() => clock.advance(11)).toThrow(new RangeError('ManualClock.advance(11) would pass the last time a Date can hold (8640000000000000 ms, +275760-09-13)'));
    expect(clock.now()).toBe(8.64e15 - 10);
    expect(clock.advance(10)).toBe(8.64e15);
    expect(() => clock.set(1e20)).toThrow(RangeError);
    expect(clock.now()).toBe(8.64e15);
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
