import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: ['kinesis:GetRecords'], Resource: ARN }],
});

function engine(options: ConstructorParameters<typeof Kinesis>[0] = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  return { clock, kinesis };
}

const policyOf = (kinesis: Kinesis, ResourceARN = ARN) => kinesis.getResourcePolicy({ ResourceARN }).Policy;

describe('PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on a stream', () => {
  it('store the policy verbatim, replace it, and delete it', () => {
    const { kinesis } = engine();
    expect(policyOf(kinesis)).toBe('{}');
    expect(kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: POLICY })).toEqual({});
    expect(kinesis.getResourcePolicy({ ResourceARN: ARN })).toEqual({ Policy: POLICY });
    kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: '{"Version":"2012-10-17","Statement":[]}' });
    expect(policyOf(kinesis)).toBe('{"Version":"2012-10-17","Statement":[]}');
    expect(kinesis.deleteResourcePolicy({ ResourceARN: ARN })).toEqual({});
    expect(policyOf(kinesis)).toBe('{}');
    expect(kinesis.deleteResourcePolicy({ ResourceARN: ARN })).toEqual({});
  });

  it.each(['not json', '[1]', '"text"', 'null'])('refuses the policy %j, changing nothing', (policy) => {
    const { kinesis } = engine();
    kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: POLICY });
    expect(rejection(() => kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: policy }))).toEqual({
      name: 'InvalidArgumentException',
      message: 'The resource policy is not a valid JSON policy document.',
    });
    expect(policyOf(kinesis)).toBe(POLICY);
  });

  it('refuse changes while the stream is not ACTIVE, but read the policy', () => {
    const { clock, kinesis } = engine({ updateStreamDelayMs: 100 });
    kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: POLICY });
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'k' });
    const busy = { name: 'ResourceInUseException', message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state UPDATING` };
    expect(rejection(() => kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: '{}' }))).toEqual(busy);
    expect(rejection(() => kinesis.deleteResourcePolicy({ ResourceARN: ARN }))).toEqual(busy);
    expect(policyOf(kinesis)).toBe(POLICY);
    clock.advance(100);
    kinesis.deleteResourcePolicy({ ResourceARN: ARN });
    expect(policyOf(kinesis)).toBe('{}');
  });

  it('answer ResourceNotFoundException for a missing stream, and forget the policy of a deleted one', () => {
    const { kinesis } = engine();
    kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: POLICY });
    kinesis.deleteStream({ StreamName: 's' });
    const notFound = { name: 'ResourceNotFoundException', message: `Stream s under account ${ACCOUNT} not found.` };
    expect(rejection(() => kinesis.getResourcePolicy({ ResourceARN: ARN }))).toEqual(notFound);
    expect(rejection(() => kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: POLICY }))).toEqual(notFound);
    expect(rejection(() => kinesis.deleteResourcePolicy({ ResourceARN: ARN }))).toEqual(notFound);
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expect(policyOf(kinesis)).toBe('{}');
  });
});

describe('resource policies on a consumer', () => {
  it('are kept apart from the stream policy', () => {
    const { kinesis } = engine();
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    kinesis.putResourcePolicy({ ResourceARN: ConsumerARN, Policy: POLICY });
    expect(policyOf(kinesis, ConsumerARN)).toBe(POLICY);
    expect(policyOf(kinesis)).toBe('{}');
    kinesis.deleteResourcePolicy({ ResourceARN: ConsumerARN });
    expect(policyOf(kinesis, ConsumerARN)).toBe('{}');
  });

  it('refuse changes while the consumer is CREATING, with AWS message', () => {
    const { clock, kinesis } = engine({ consumerDelayMs: 1000 });
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    expect(rejection(() => kinesis.putResourcePolicy({ ResourceARN: ConsumerARN, Policy: POLICY }))).toEqual({
      name: 'ResourceInUseException',
      message: `Consumer c with creation timestamp ${T0 / 1000} under stream s and account ${ACCOUNT} is not in ACTIVE status.`,
    });
    expect(policyOf(kinesis, ConsumerARN)).toBe('{}');
    clock.advance(1000);
    kinesis.putResourcePolicy({ ResourceARN: ConsumerARN, Policy: POLICY });
    expect(policyOf(kinesis, ConsumerARN)).toBe(POLICY);
  });

  it('answer ResourceNotFoundException naming the consumer ARN', () => {
    const { kinesis } = engine();
    const consumerArn = `${ARN}/consumer/c:${T0 / 1000}`;
    expect(rejection(() => kinesis.getResourcePolicy({ ResourceARN: consumerArn }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Consumer ${consumerArn}, account ${ACCOUNT} not found.`,
    });
  });

  it('leave a malformed ResourceARN to the validator', () => {
    const { kinesis } = engine();
    const error = rejection(() => kinesis.getResourcePolicy({ ResourceARN: 'arn:aws:s3:::bucket' }));
    expect(error).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'arn:aws:s3:::bucket' at 'resourceARN' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:.*(stream|channel)/\\S+',
    });
  });
});
