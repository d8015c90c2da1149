import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';

const ARN = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s`;

const INVALID_CHARACTERS = {
  name: 'InvalidArgumentException',
  message: 'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.',
};
const illegalPercent = (verb: string, kind = 'stream', name = 's') => ({
  name: 'InvalidArgumentException',
  message:
    `Failed to ${verb} ${kind} ${name} under account ${ACCOUNT} because some tags contained illegal characters. ` +
    "The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
});
const notActive = (status: string) => ({
  name: 'ResourceInUseException',
  message: `Stream s under account ${ACCOUNT} not ACTIVE, instead in state ${status}`,
});

function engine(options: ConstructorParameters<typeof Kinesis>[0] = {}) {
  const clock = new ManualClock(T0);
  const kinesis = new Kinesis({ clock, ...options });
  kinesis.createStream({ StreamName: 's', ShardCount: 1 });
  return { clock, kinesis };
}

function manyTags(n: number, prefix = 'k'): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let i = 0; i < n; i++) tags[`${prefix}${String(i).padStart(2, '0')}`] = `v${i}`;
  return tags;
}

const tagsOf = (kinesis: Kinesis) => kinesis.listTagsForStream({ StreamName: 's' }).Tags;

describe('AddTagsToStream', () => {
  it('adds tags, overwrites existing keys and answers with an empty object', () => {
    const { kinesis } = engine();
    expect(kinesis.addTagsToStream({ StreamName: 's', Tags: { team: 'a', env: 'dev' } })).toEqual({});
    kinesis.addTagsToStream({ StreamARN: ARN, Tags: { env: 'prod' } });
    expect(tagsOf(kinesis)).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'a' },
    ]);
  });

  it('accepts Unicode letters, digits, white space and _ . / = + - @, and empty values', () => {
    const { kinesis } = engine();
    kinesis.addTagsToStream({ StreamName: 's', Tags: { 'Ünïcödé key_1 ./=+-@': '', ÿ: 'ÿ' } });
    expect(tagsOf(kinesis)).toHaveLength(2);
  });

  it.each([';', '\t', '\n', ',', 'a:b'])('refuses a key or value containing %j', (text) => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { [text]: 'v' } }))).toEqual(INVALID_CHARACTERS);
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { k: text } }))).toEqual(INVALID_CHARACTERS);
    expect(tagsOf(kinesis)).toEqual([]);
  });

  it("refuses '%' with its own message, after checking every tag for invalid characters", () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { 'a%': 'v' } }))).toEqual(illegalPercent('add tags to'));
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { 'a%': 'v', b: ';' } }))).toEqual(INVALID_CHARACTERS);
    expect(tagsOf(kinesis)).toEqual([]);
  });

  it("refuses keys with the reserved prefix 'aws:'", () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { 'aws:x': '1', ok: '2', 'aws:y': '3' } }))).toEqual({
      name: 'InvalidArgumentException',
      message: "Cannot start tags with 'aws:'. Invalid keys: aws:x, aws:y",
    });
    expect(tagsOf(kinesis)).toEqual([]);
  });

  it('allows 50 tags per stream and refuses the 51st, changing nothing', () => {
    const { kinesis } = engine();
    kinesis.addTagsToStream({ StreamName: 's', Tags: manyTags(45) });
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { ...manyTags(5, 'n'), k00: 'new', x: '1' } }))).toEqual({
      name: 'InvalidArgumentException',
      message: `Failed to add tags to stream s under account ${ACCOUNT} because a given stream cannot have more than 50 tags associated with it.`,
    });
    expect(tagsOf(kinesis)).toHaveLength(45);
    expect(tagsOf(kinesis)[0]).toEqual({ Key: 'k00', Value: 'v0' });
    // Overwriting existing keys does not count against the limit.
    kinesis.addTagsToStream({ StreamName: 's', Tags: { ...manyTags(5, 'n'), k00: 'new' } });
    expect(tagsOf(kinesis)).toHaveLength(50);
  });

  it('answers ResourceNotFoundException for a missing stream', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 'nope', Tags: { a: 'b' } }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream nope under account ${ACCOUNT} not found.`,
    });
  });

  it('leaves more than 200 tags in one request to the validator', () => {
    const { kinesis } = engine();
    const error = rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: manyTags(201) }));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200");
  });
});

describe('RemoveTagsFromStream', () => {
  it('removes the named keys and ignores unknown ones', () => {
    const { kinesis } = engine();
    kinesis.addTagsToStream({ StreamName: 's', Tags: { a: '1', b: '2', c: '3' } });
    expect(kinesis.removeTagsFromStream({ StreamName: 's', TagKeys: ['a', 'zz', 'c'] })).toEqual({});
    expect(tagsOf(kinesis)).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('checks the keys like AddTagsToStream, with "remove tags from" in the % message', () => {
    const { kinesis } = engine();
    kinesis.addTagsToStream({ StreamName: 's', Tags: { a: '1' } });
    expect(rejection(() => kinesis.removeTagsFromStream({ StreamName: 's', TagKeys: ['a', 'b;'] }))).toEqual(INVALID_CHARACTERS);
    expect(rejection(() => kinesis.removeTagsFromStream({ StreamName: 's', TagKeys: ['a', '5%'] }))).toEqual(illegalPercent('remove tags from'));
    expect(tagsOf(kinesis)).toEqual([{ Key: 'a', Value: '1' }]);
  });
});

describe('ListTagsForStream', () => {
  it('lists keys in code-unit order', () => {
    const { kinesis } = engine();
    const keys = ['ÿ', 'a', '_', 'Zb', '@', '=', '0', '/', '+', ' '];
    kinesis.addTagsToStream({ StreamName: 's', Tags: Object.fromEntries(keys.map((k) => [k, 'v'])) });
    expect(tagsOf(kinesis).map((t) => t.Key)).toEqual([' ', '+', '/', '0', '=', '@', 'Zb', '_', 'a', 'ÿ']);
  });

  it('starts strictly after ExclusiveStartTagKey, which need not exist', () => {
    const { kinesis } = engine();
    kinesis.addTagsToStream({ StreamName: 's', Tags: { a: '1', b: '2', c: '3' } });
    expect(kinesis.listTagsForStream({ StreamName: 's', ExclusiveStartTagKey: 'a' }).Tags.map((t) => t.Key)).toEqual(['b', 'c']);
    expect(kinesis.listTagsForStream({ StreamName: 's', ExclusiveStartTagKey: 'bb' }).Tags.map((t) => t.Key)).toEqual(['c']);
    expect(kinesis.listTagsForStream({ StreamName: 's', ExclusiveStartTagKey: 'c' })).toEqual({ Tags: [], HasMoreTags: false });
  });

  it('pages with Limit and HasMoreTags, returning up to 50 by default', () => {
    const { kinesis } = engine();
    kinesis.addTagsToStream({ StreamName: 's', Tags: manyTags(50) });
    const first = kinesis.listTagsForStream({ StreamName: 's', Limit: 20 });
    expect(first.Tags).toHaveLength(20);
    expect(first.HasMoreTags).toBe(true);
    const rest = kinesis.listTagsForStream({ StreamName: 's', ExclusiveStartTagKey: first.Tags[19]!.Key });
    expect(rest.Tags).toHaveLength(30);
    expect(rest.HasMoreTags).toBe(false);
    expect(kinesis.listTagsForStream({ StreamName: 's' })).toMatchObject({ HasMoreTags: false });
    expect(kinesis.listTagsForStream({ StreamName: 's', Limit: 50 }).Tags).toHaveLength(50);
  });

  it('shows the tags given to CreateStream', () => {
    const { kinesis } = engine();
    kinesis.createStream({ StreamName: 't', ShardCount: 1, Tags: { owner: 'me' } });
    expect(kinesis.listTagsForStream({ StreamName: 't' }).Tags).toEqual([{ Key: 'owner', Value: 'me' }]);
  });
});

describe('tagging and stream status', () => {
  it('refuses tag changes while CREATING but lists tags, then accepts changes once ACTIVE', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 1000 });
    kinesis.createStream({ StreamName: 's', ShardCount: 1, Tags: { a: '1' } });
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { b: '2' } }))).toEqual(notActive('CREATING'));
    expect(rejection(() => kinesis.removeTagsFromStream({ StreamName: 's', TagKeys: ['a'] }))).toEqual(notActive('CREATING'));
    expect(rejection(() => kinesis.tagResource({ ResourceARN: ARN, Tags: { b: '2' } }))).toEqual(notActive('CREATING'));
    expect(tagsOf(kinesis)).toEqual([{ Key: 'a', Value: '1' }]);
    clock.advance(1000);
    kinesis.addTagsToStream({ StreamName: 's', Tags: { b: '2' } });
    expect(tagsOf(kinesis)).toHaveLength(2);
  });

  it('refuses tag changes while UPDATING', () => {
    const { clock, kinesis } = engine({ updateStreamDelayMs: 500 });
    kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' });
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { b: '2' } }))).toEqual(notActive('UPDATING'));
    expect(rejection(() => kinesis.untagResource({ ResourceARN: ARN, TagKeys: ['b'] }))).toEqual(notActive('UPDATING'));
    clock.advance(500);
    kinesis.addTagsToStream({ StreamName: 's', Tags: { b: '2' } });
    expect(tagsOf(kinesis)).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('refuses tag changes while DELETING', () => {
    const { kinesis } = engine({ deleteStreamDelayMs: 500 });
    kinesis.deleteStream({ StreamName: 's' });
    expect(rejection(() => kinesis.addTagsToStream({ StreamName: 's', Tags: { b: '2' } }))).toEqual(notActive('DELETING'));
    expect(tagsOf(kinesis)).toEqual([]);
  });
});

describe('TagResource, UntagResource and ListTagsForResource', () => {
  it('tag a stream by its ARN, sharing its tags with the stream-only operations', () => {
    const { kinesis } = engine();
    expect(kinesis.tagResource({ ResourceARN: ARN, Tags: { b: '2', a: '1' } })).toEqual({});
    expect(kinesis.listTagsForResource({ ResourceARN: ARN })).toEqual({
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    });
    expect(tagsOf(kinesis)).toHaveLength(2);
    expect(kinesis.untagResource({ ResourceARN: ARN, TagKeys: ['a', 'missing'] })).toEqual({});
    expect(kinesis.listTagsForResource({ ResourceARN: ARN }).Tags).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('tag a consumer by its ARN, separately from its stream', () => {
    const { kinesis } = engine();
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c', Tags: { x: '1' } }).Consumer;
    kinesis.tagResource({ ResourceARN: ConsumerARN, Tags: { y: '2' } });
    kinesis.untagResource({ ResourceARN: ConsumerARN, TagKeys: ['x'] });
    expect(kinesis.listTagsForResource({ ResourceARN: ConsumerARN }).Tags).toEqual([{ Key: 'y', Value: '2' }]);
    expect(kinesis.listTagsForResource({ ResourceARN: ARN }).Tags).toEqual([]);
  });

  it('apply the tag rules to consumers, naming the consumer', () => {
    const { kinesis } = engine();
    const { ConsumerARN } = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c' }).Consumer;
    expect(rejection(() => kinesis.tagResource({ ResourceARN: ConsumerARN, Tags: { 'p%': '1' } }))).toEqual(
      illegalPercent('add tags to', 'consumer', 'c'),
    );
    expect(rejection(() => kinesis.tagResource({ ResourceARN: ConsumerARN, Tags: manyTags(51) }))).toEqual({
      name: 'InvalidArgumentException',
      message: `Failed to add tags to consumer c under account ${ACCOUNT} because a given consumer cannot have more than 50 tags associated with it.`,
    });
    expect(kinesis.listTagsForResource({ ResourceARN: ConsumerARN }).Tags).toEqual([]);
  });

  it('refuse changes to a consumer that is not ACTIVE, but list its tags', () => {
    const { clock, kinesis } = engine({ consumerDelayMs: 5000 });
    const consumer = kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c', Tags: { x: '1' } }).Consumer;
    const secs = Math.floor(T0 / 1000);
    expect(rejection(() => kinesis.tagResource({ ResourceARN: consumer.ConsumerARN, Tags: { y: '2' } }))).toEqual({
      name: 'ResourceInUseException',
      message: `Consumer c with creation timestamp ${secs} under stream s and account ${ACCOUNT} is not in ACTIVE status.`,
    });
    expect(kinesis.listTagsForResource({ ResourceARN: consumer.ConsumerARN }).Tags).toEqual([{ Key: 'x', Value: '1' }]);
    clock.advance(5000);
    kinesis.tagResource({ ResourceARN: consumer.ConsumerARN, Tags: { y: '2' } });
    expect(kinesis.listTagsForResource({ ResourceARN: consumer.ConsumerARN }).Tags).toHaveLength(2);
  });

  it('answer ResourceNotFoundException for a missing stream or consumer', () => {
    const { kinesis } = engine();
    const missing = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/nope`;
    expect(rejection(() => kinesis.listTagsForResource({ ResourceARN: missing }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream nope under account ${ACCOUNT} not found.`,
    });
    const consumerArn = `${ARN}/consumer/c:1704067200`;
    expect(rejection(() => kinesis.tagResource({ ResourceARN: consumerArn, Tags: { a: '1' } }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Consumer ${consumerArn}, account ${ACCOUNT} not found.`,
    });
  });

  it('refuse an invalid tag given to RegisterStreamConsumer, registering nothing', () => {
    const { kinesis } = engine();
    expect(rejection(() => kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'c', Tags: { 'a;': '1' } }))).toEqual(
      INVALID_CHARACTERS,
    );
    expect(kinesis.listStreamConsumers({ StreamARN: ARN }).Consumers).toEqual([]);
  });
});
