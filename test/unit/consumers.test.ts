import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { ACCOUNT, arnOf, T0 as WHOLE_SECOND_T0 } from '../support/stream-fixture.js';

const T0 = Date.UTC(2024, 0, 1, 0, 0, 0, 250);
const T0_SECS = Math.floor(T0 / 1000);
const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
const DELAY_MS = 3000;

function engine(options: ConstructorParameters<typeof Kinesis>[0] = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  return { clock, kinesis };
}

const consumerNotFound = (consumer: string) => ({
  name: 'ResourceNotFoundException',
  message: `Consumer ${consumer}, account ${ACCOUNT} not found.`,
});
const names = (kinesis: Kinesis) => kinesis.listStreamConsumers({ StreamARN: ARN }).Consumers!.map((c) => c.ConsumerName);
const consumerCount = (kinesis: Kinesis) => kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.ConsumerCount;

describe('RegisterStreamConsumer', () => {
  it('answers CREATING with an ARN ending in the creation time in epoch seconds', () => {
    const { kinesis } = engine();
    expect(kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' })).toEqual({
      Consumer: {
        ConsumerName: 'c',
        ConsumerARN: `${ARN}/consumer/c:${T0_SECS}`,
        ConsumerStatus: 'CREATING',
        ConsumerCreationTimestamp: new Date(T0),
      },
    });
  });

  it('keeps the consumer CREATING for consumerDelayMs, then ACTIVE', () => {
    const { clock, kinesis } = engine({ consumerDelayMs: DELAY_MS });
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    expect(kinesis.describeStreamConsumer({ ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('CREATING');
    clock.advance(DELAY_MS - 1);
    expect(kinesis.describeStreamConsumer({ ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('CREATING');
    clock.advance(1);
    expect(kinesis.describeStreamConsumer({ ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('ACTIVE');
  });

  it('is ACTIVE on the next call with no delay, and counted by DescribeStreamSummary', () => {
    const { kinesis } = engine();
    expect(consumerCount(kinesis)).toBe(0);
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    expect(kinesis.describeStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).ConsumerDescription.ConsumerStatus).toBe('ACTIVE');
    expect(consumerCount(kinesis)).toBe(1);
  });

  it('refuses a name already registered with the stream, changing nothing', () => {
    const { clock, kinesis } = engine();
    const first = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    clock.advance(5000);
    expect(rejection(() => kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }))).toEqual({
      name: 'ResourceInUseException',
      message: `Consumer c under stream s already exists for account ${ACCOUNT}.`,
    });
    expect(kinesis.listStreamConsumers({ StreamARN: ARN }).Consumers).toEqual([{ ...first, ConsumerStatus: 'ACTIVE' }]);
  });

  it('allows 20 consumers per stream', () => {
    const { kinesis } = engine();
    for (let i = 0; i < 20; i++) kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: `c${i}` });
    expect(rejection(() => kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'one-more' }))).toEqual({
      name: 'LimitExceededException',
      message: 'Only 20 consumers can be registered to a stream at once',
    });
    expect(consumerCount(kinesis)).toBe(20);
  });

  it('allows 5 consumers CREATING at once across the account', () => {
    const { clock, kinesis } = engine({ consumerDelayMs: DELAY_MS });
    kinesis.createStream({ StreamName: 't', ShardCount: 1 });
    for (let i = 0; i < 3; i++) kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: `c${i}` });
    for (let i = 0; i < 2; i++) kinesis.registerStreamConsumer({ StreamARN: ARN.replace('/s', '/t'), ConsumerName: `c${i}` });
    expect(rejection(() => kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'late' }))).toEqual({
      name: 'LimitExceededException',
      message: 'Only 5 consumers can be created at the same time',
    });
    expect(names(kinesis)).toEqual(['c0', 'c1', 'c2']);
    clock.advance(DELAY_MS);
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'late' });
    expect(names(kinesis)).toEqual(['c0', 'c1', 'c2', 'late']);
  });

  it('refuses a stream that is not ACTIVE or does not exist', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 100 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(rejection(() => kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }))).toEqual({
      name: 'ResourceInUseException',
      message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state CREATING`,
    });
    clock.advance(100);
    expect(kinesis.listStreamConsumers({ StreamARN: ARN }).Consumers).toEqual([]);
    expect(rejection(() => kinesis.registerStreamConsumer({ StreamARN: ARN.replace('/s', '/x'), ConsumerName: 'c' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream x under account ${ACCOUNT} not found.`,
    });
  });
});

describe('DescribeStreamConsumer', () => {
  it('finds a consumer by ConsumerARN, by StreamARN and ConsumerName, or by all three', () => {
    const { kinesis } = engine();
    const consumer = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    const expected = { ConsumerDescription: { ...consumer, ConsumerStatus: 'ACTIVE', StreamARN: ARN } };
    expect(kinesis.describeStreamConsumer({ ConsumerARN: consumer.ConsumerARN })).toEqual(expected);
    expect(kinesis.describeStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' })).toEqual(expected);
    expect(kinesis.describeStreamConsumer({ StreamARN: ARN, ConsumerName: 'c', ConsumerARN: consumer.ConsumerARN })).toEqual(expected);
  });

  it('refuses members that do not name one consumer', () => {
    const { kinesis } = engine();
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    const required = {
      name: 'InvalidArgumentException',
      message: 'ConsumerARN or both ConsumerName and StreamARN are required for this request.',
    };
    expect(rejection(() => kinesis.describeStreamConsumer({}))).toEqual(required);
    expect(rejection(() => kinesis.describeStreamConsumer({ StreamARN: ARN }))).toEqual(required);
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerName: 'c' }))).toEqual(required);
    const mismatch = {
      name: 'InvalidArgumentException',
      message: `The given StreamARN and ConsumerName do not match ConsumerARN ${ConsumerARN}.`,
    };
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN, ConsumerName: 'd' }))).toEqual(mismatch);
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN, StreamARN: ARN.replace('/s', '/t') }))).toEqual(mismatch);
  });

  it('answers ResourceNotFoundException naming the ARN or the name that found nothing', () => {
    const { kinesis } = engine();
    const arn = `${ARN}/consumer/c:${T0_SECS}`;
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN: arn }))).toEqual(consumerNotFound(arn));
    expect(rejection(() => kinesis.describeStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }))).toEqual(consumerNotFound('c'));
    expect(rejection(() => kinesis.describeStreamConsumer({ StreamARN: ARN.replace('/s', '/x'), ConsumerName: 'c' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream x under account ${ACCOUNT} not found.`,
    });
  });

  it('does not find a re-registered consumer by its old ARN', () => {
    const { clock, kinesis } = engine();
    const old = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer.ConsumerARN;
    kinesis.deregisterStreamConsumer({ ConsumerARN: old });
    clock.advance(2000);
    const fresh = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer.ConsumerARN;
    expect(fresh).toBe(`${ARN}/consumer/c:${T0_SECS + 2}`);
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN: old }))).toEqual(consumerNotFound(old));
    expect(kinesis.describeStreamConsumer({ ConsumerARN: fresh }).ConsumerDescription.ConsumerARN).toBe(fresh);
  });
});

describe('DeregisterStreamConsumer', () => {
  it('keeps the consumer DELETING for consumerDelayMs, then it is gone', () => {
    const { clock, kinesis } = engine({ consumerDelayMs: DELAY_MS });
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    clock.advance(DELAY_MS);
    expect(kinesis.deregisterStreamConsumer({ ConsumerARN })).toEqual({});
    expect(kinesis.describeStreamConsumer({ ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('DELETING');
    expect(consumerCount(kinesis)).toBe(1);
    // Deregistering again changes nothing (in particular not when it goes).
    clock.advance(DELAY_MS - 1);
    kinesis.deregisterStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    clock.advance(1);
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN }))).toEqual(consumerNotFound(ConsumerARN));
    expect(names(kinesis)).toEqual([]);
    expect(consumerCount(kinesis)).toBe(0);
  });

  it('keeps the name taken until the consumer is gone', () => {
    const { clock, kinesis } = engine({ consumerDelayMs: DELAY_MS });
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    kinesis.deregisterStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    expect(rejection(() => kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' })).name).toBe('ResourceInUseException');
    clock.advance(DELAY_MS);
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    expect(names(kinesis)).toEqual(['c']);
  });

  it('answers like DescribeStreamConsumer for bad references', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.deregisterStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }))).toEqual(consumerNotFound('c'));
    expect(rejection(() => kinesis.deregisterStreamConsumer({ ConsumerName: 'c' })).name).toBe('InvalidArgumentException');
  });
});

describe('ListStreamConsumers', () => {
  it('lists consumers of every status in name order', () => {
    const { clock, kinesis } = engine({ consumerDelayMs: DELAY_MS });
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'b' });
    clock.advance(DELAY_MS);
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'a' });
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    kinesis.deregisterStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    const listed = kinesis.listStreamConsumers({ StreamARN: ARN });
    expect(listed.Consumers!.map((c) => [c.ConsumerName, c.ConsumerStatus])).toEqual([
      ['a', 'CREATING'],
      ['b', 'ACTIVE'],
      ['c', 'DELETING'],
    ]);
    expect(listed.NextToken).toBeUndefined();
  });

  it('pages with MaxResults and NextToken', () => {
    const { kinesis } = engine();
    for (const n of ['e', 'd', 'c', 'b', 'a']) kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: n });
    const first = kinesis.listStreamConsumers({ StreamARN: ARN, MaxResults: 2 });
    expect(first.Consumers!.map((c) => c.ConsumerName)).toEqual(['a', 'b']);
    const second = kinesis.listStreamConsumers({ StreamARN: ARN, MaxResults: 2, NextToken: first.NextToken! });
    expect(second.Consumers!.map((c) => c.ConsumerName)).toEqual(['c', 'd']);
    const last = kinesis.listStreamConsumers({ StreamARN: ARN, NextToken: second.NextToken! });
    expect(last.Consumers!.map((c) => c.ConsumerName)).toEqual(['e']);
    expect(last.NextToken).toBeUndefined();
    expect(kinesis.listStreamConsumers({ StreamARN: ARN, MaxResults: 10000 }).Consumers).toHaveLength(5);
  });

  it('refuses a NextToken after 300 s, or one issued for an earlier stream of the same name', () => {
    const { clock, kinesis } = engine();
    for (const n of ['a', 'b']) kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: n });
    const token = kinesis.listStreamConsumers({ StreamARN: ARN, MaxResults: 1 }).NextToken!;
    clock.advance(300_001);
    expect(rejection(() => kinesis.listStreamConsumers({ StreamARN: ARN, NextToken: token }))).toEqual({
      name: 'ExpiredNextTokenException',
      message: 'The timestamp in the NextToken has expired.',
    });
    const fresh = kinesis.listStreamConsumers({ StreamARN: ARN, MaxResults: 1 }).NextToken!;
    kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: true });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(rejection(() => kinesis.listStreamConsumers({ StreamARN: ARN, NextToken: fresh }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'Invalid NextToken.',
    });
  });

  it('checks StreamCreationTimestamp against the stream', () => {
    const { kinesis } = engine();
    expect(kinesis.listStreamConsumers({ StreamARN: ARN, StreamCreationTimestamp: new Date(T0) }).Consumers).toEqual([]);
    expect(rejection(() => kinesis.listStreamConsumers({ StreamARN: ARN, StreamCreationTimestamp: new Date(T0 - 5000) }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream s under account ${ACCOUNT} not found.`,
    });
  });

  it('requires StreamARN', () => {
    const { kinesis } = engine();
    const input = {} as Parameters<Kinesis['listStreamConsumers']>[0];
    expect(rejection(() => kinesis.listStreamConsumers(input))).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe('DeleteStream and consumers', () => {
  it('refuses a stream with consumers unless EnforceConsumerDeletion is true', () => {
    const { kinesis } = engine();
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    const refused = {
      name: 'ResourceInUseException',
      message:
        `DeleteStream can't delete ${ACCOUNT}:s because there are consumers associated with this data stream. ` +
        'To delete s anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the consumers that are associated with it.',
    };
    expect(rejection(() => kinesis.deleteStream({ StreamName: 's' }))).toEqual(refused);
    expect(rejection(() => kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: false }))).toEqual(refused);
    expect(kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary).toMatchObject({
      StreamStatus: 'ACTIVE',
      ConsumerCount: 1,
    });
  });

  it('deletes the consumers with the stream when EnforceConsumerDeletion is true', () => {
    const { clock, kinesis } = engine({ deleteStreamDelayMs: DELAY_MS });
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: true });
    expect(kinesis.describeStreamConsumer({ ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('DELETING');
    clock.advance(DELAY_MS);
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN }))).toEqual(consumerNotFound(ConsumerARN));
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(names(kinesis)).toEqual([]);
  });

  it('lets a stream go whose consumers are all deregistering', () => {
    const { kinesis } = engine({ consumerDelayMs: DELAY_MS });
    kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    kinesis.deregisterStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' });
    expect(kinesis.deleteStream({ StreamName: 's' })).toEqual({});
  });
});

describe('consumer ARNs are never reused', () => {
  const notFound = (arn: string) => ({ name: 'ResourceNotFoundException', message: `Consumer ${arn}, account ${ACCOUNT} not found.` });

  it('gives a consumer re-registered within the same second a new ARN; the old one finds nothing', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(WHOLE_SECOND_T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const first = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    kinesis.deregisterStreamConsumer({ ConsumerARN: first.ConsumerARN });
    const second = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    expect(first.ConsumerARN).toBe(`${arnOf('s')}/consumer/c:${WHOLE_SECOND_T0 / 1000}`);
    expect(second.ConsumerARN).not.toBe(first.ConsumerARN);
    expect(second.ConsumerCreationTimestamp).toEqual(new Date(WHOLE_SECOND_T0));
    expect(rejection(() => kinesis.describeStreamConsumer({ ConsumerARN: first.ConsumerARN }))).toEqual(notFound(first.ConsumerARN));
    expect(kinesis.describeStreamConsumer({ ConsumerARN: second.ConsumerARN }).ConsumerDescription.ConsumerName).toBe('c');
  });

  it('gives a consumer of a re-created stream a new ARN within the same second', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(WHOLE_SECOND_T0) });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const first = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: true });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    const second = kinesis.registerStreamConsumer({ StreamARN: arnOf('s'), ConsumerName: 'c' }).Consumer;
    expect(second.ConsumerARN).not.toBe(first.ConsumerARN);
    expect(rejection(() => kinesis.listTagsForResource({ ResourceARN: first.ConsumerARN }))).toEqual(notFound(first.ConsumerARN));
  });
});
