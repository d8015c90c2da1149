// Input validation against the model: AWS's exact ValidationException and SerializationException texts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KinesisError } from '../../src/errors/kinesis-error.js';
import { AWS_OPERATION_NAMES as OPERATION_NAMES, OPERATIONS, type OperationName } from '../../src/operations/registry.js';
import type { Shape } from '../../src/service-model/shapes.js';
import { patternAsRegExp } from '../support/pattern-regexp.js';
import { validateInput as validateAgainst } from '../../src/validation/validate.js';

/** Validates `input` as the input of `operation`, against the registry's input shape. */
const validateInput = (operation: OperationName, input: unknown) => validateAgainst(OPERATIONS[operation].input, input);

const NAME_PATTERN = 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+';
const ITERATOR_TYPES = '[AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]';
const ENTRY = 'com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310';
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const CONSUMER_ARN = `${STREAM_ARN}/consumer/c:1700000000`;

function rejection(operation: OperationName, input: unknown): { name: string; message: string } {
  try {
    validateInput(operation, input);
  } catch (error) {
    if (error instanceof KinesisError) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error('expected validation to fail');
}

function validation(operation: OperationName, input: unknown): string {
  const { name, message } = rejection(operation, input);
  expect(name).toBe('ValidationException');
  return message;
}

function serialization(operation: OperationName, input: unknown): string {
  const { name, message } = rejection(operation, input);
  expect(name).toBe('SerializationException');
  return message;
}

const entry = (path: string, value: string, constraint: string) =>
  `Value ${value} at '${path}' failed to satisfy constraint: ${constraint}`;

describe('ValidationException texts (as kinesalite recorded AWS answering)', () => {
  it('reports a value above the maximum', () => {
    expect(validation('GetRecords', { ShardIterator: 'x', Limit: 100000 })).toBe(
      "1 validation error detected: Value '100000' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
  });

  it('reports an empty StreamName as pattern then minimum length', () => {
    expect(validation('CreateStream', { StreamName: '' })).toBe(
      "2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('lists ShardIteratorType values in AWS order', () => {
    expect(validation('GetShardIterator', { ShardId: 's', ShardIteratorType: 'NOPE' })).toBe(
      `1 validation error detected: ${entry('shardIteratorType', "'NOPE'", `Member must satisfy enum value set: ${ITERATOR_TYPES}`)}`,
    );
  });

  it('reports missing required members as null, in member order', () => {
    expect(validation('GetShardIterator', {})).toBe(
      '2 validation errors detected: ' +
        "Value null at 'shardId' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null",
    );
    expect(validation('GetShardIterator', { ShardId: 's', ShardIteratorType: null })).toBe(
      "1 validation error detected: Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports a long string and a value below the minimum', () => {
    expect(validation('DescribeStream', { StreamName: 'a'.repeat(129), Limit: 0 })).toBe(
      '2 validation errors detected: ' +
        entry('streamName', `'${'a'.repeat(129)}'`, 'Member must have length less than or equal to 128') +
        '; ' +
        entry('limit', "'0'", 'Member must have value greater than or equal to 1'),
    );
  });

  it('floors fractions and clamps integers to int32 before checking and printing', () => {
    expect(validation('DescribeStream', { Limit: 1e11 })).toContain("Value '2147483647' at 'limit'");
    expect(validation('DescribeStream', { Limit: 0.9 })).toContain("Value '0' at 'limit'");
    expect(() => validateInput('DescribeStream', { Limit: 10000.9 })).not.toThrow();
    expect(validation('CreateStream', { StreamName: 's', ShardCount: -1e12 })).toContain("Value '-2147483648'");
  });

  it('names PutRecords entry members with 1-based indexes, in model order', () => {
    const records = [
      { Data: new Uint8Array(1), PartitionKey: 'ok' },
      { Data: new Uint8Array(10485761), PartitionKey: '', ExplicitHashKey: '01' },
    ];
    expect(validation('PutRecords', { StreamName: 's', Records: records })).toBe(
      '3 validation errors detected: ' +
        entry(
          'records.2.member.data',
          "'java.nio.HeapByteBuffer[pos=0 lim=10485761 cap=10485761]'",
          'Member must have length less than or equal to 10485760',
        ) +
        '; ' +
        entry('records.2.member.explicitHashKey', "'01'", 'Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})') +
        '; ' +
        entry('records.2.member.partitionKey', "''", 'Member must have length greater than or equal to 1'),
    );
  });

  it('reports missing entry members and null entries (PartitionKey is optional in the model since AUTO)', () => {
    expect(validation('PutRecords', { StreamName: 's', Records: [{}, null] })).toBe(
      '2 validation errors detected: ' +
        entry('records.1.member.data', 'null', 'Member must not be null') +
        '; ' +
        entry('records.2.member', 'null', 'Member must not be null'),
    );
  });

  it('checks the Records count and renders entries as AWS does', () => {
    expect(validation('PutRecords', { StreamName: 's', Records: [] })).toBe(
      `1 validation error detected: ${entry('records', "'[]'", 'Member must have length greater than or equal to 1')}`,
    );
    const records = Array.from({ length: 501 }, () => ({ Data: new Uint8Array(0), PartitionKey: 'k' }));
    expect(validation('PutRecords', { StreamName: 's', Records: records })).toBe(
      `1 validation error detected: ${entry('records', `'[${Array(501).fill(ENTRY).join(', ')}]'`, 'Member must have length less than or equal to 500')}`,
    );
  });

  it('reports Tags map keys and values as whole-map constraints', () => {
    const tags = { ['k'.repeat(129)]: 'v', b: 'w'.repeat(257) };
    expect(validation('AddTagsToStream', { StreamName: 's', Tags: tags })).toBe(
      '2 validation errors detected: ' +
        entry(
          'tags',
          `'{${'k'.repeat(129)}=v, b=${'w'.repeat(257)}}'`,
          'Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]',
        ) +
        '; ' +
        entry(
          'tags',
          `'{${'k'.repeat(129)}=v, b=${'w'.repeat(257)}}'`,
          'Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]',
        ),
    );
    expect(validation('TagResource', { ResourceARN: STREAM_ARN, Tags: {} })).toBe(
      `1 validation error detected: ${entry('tags', "'{}'", 'Member must have length greater than or equal to 1')}`,
    );
    expect(validation('TagResource', { ResourceARN: STREAM_ARN, Tags: { a: null } })).toBe(
      `1 validation error detected: ${entry('tags.a.member', 'null', 'Member must not be null')}`,
    );
  });

  it('reports list element constraints on the list', () => {
    expect(validation('RemoveTagsFromStream', { StreamName: 's', TagKeys: ['a', ''] })).toBe(
      `1 validation error detected: ${entry(
        'tagKeys',
        "'[a, ]'",
        'Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]',
      )}`,
    );
    expect(validation('EnableEnhancedMonitoring', { StreamName: 's', ShardLevelMetrics: ['ALL', 'Nope'] })).toContain(
      "Value '[ALL, Nope]' at 'shardLevelMetrics' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [IncomingBytes,",
    );
    expect(validation('UntagResource', { ResourceARN: STREAM_ARN, TagKeys: Array(51).fill('k') })).toContain(
      "at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  });

  it('names members of nested structures', () => {
    expect(validation('ListShards', { ShardFilter: { ShardId: 'x' } })).toBe(
      `1 validation error detected: ${entry('shardFilter.type', 'null', 'Member must not be null')}`,
    );
    expect(validation('UpdateStreamMode', { StreamARN: STREAM_ARN, StreamModeDetails: { StreamMode: 'FAST' } })).toBe(
      `1 validation error detected: ${entry('streamModeDetails.streamMode', "'FAST'", 'Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]')}`,
    );
    expect(validation('SubscribeToShard', { ConsumerARN: CONSUMER_ARN, ShardId: 's', StartingPosition: { Type: 'X' } })).toBe(
      `1 validation error detected: ${entry('startingPosition.type', "'X'", `Member must satisfy enum value set: ${ITERATOR_TYPES}`)}`,
    );
    expect(validation('UpdateAccountSettings', { MinimumThroughputBillingCommitment: {} })).toBe(
      `1 validation error detected: ${entry('minimumThroughputBillingCommitment.status', 'null', 'Member must not be null')}`,
    );
  });

  it('checks ARN patterns and the optional StreamId', () => {
    expect(validation('DescribeStreamSummary', { StreamARN: 'arn:aws:kinesis:us-east-1:1234:stream/s' })).toContain(
      "at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+",
    );
    expect(() => validateInput('DescribeStreamSummary', { StreamARN: STREAM_ARN, StreamId: 'abcdefghij0123456789-abc' })).not.toThrow();
    expect(validation('GetRecords', { ShardIterator: 'i', StreamId: 'ABC' })).toBe(
      `1 validation error detected: ${entry('streamId', "'ABC'", 'Member must satisfy regular expression pattern: [a-z0-9]{20}-[a-z0-9]{3}')}`,
    );
    expect(validation('DeregisterStreamConsumer', { ConsumerARN: `${STREAM_ARN}/consumer/c` })).toContain("at 'consumerARN'");
    // Java's \S treats only ASCII whitespace as space.
    expect(() => validateInput('ListTagsForResource', { ResourceARN: `${STREAM_ARN}\u00a0x` })).not.toThrow();
    expect(validation('ListTagsForResource', { ResourceARN: `${STREAM_ARN} x` })).toContain("at 'resourceARN'");
  });

  it('reports at most 10 entries and then says 10', () => {
    const records = Array.from({ length: 12 }, () => ({ Data: new Uint8Array(0), PartitionKey: '' }));
    const message = validation('PutRecords', { StreamName: 's', Records: records });
    expect(message.startsWith('10 validation errors detected: ')).toBe(true);
    expect(message.split('; ')).toHaveLength(10);
    expect(message).toContain("'records.10.member.partitionKey'");
    expect(message).not.toContain("'records.11.member.partitionKey'");
  });
});

describe('SerializationException texts (as kinesalite recorded AWS answering)', () => {
  const cases: [string, OperationName, unknown, string][] = [
    ['boolean for a string', 'DescribeStreamSummary', { StreamName: true }, 'class java.lang.Boolean can not be converted to an String'],
    ['number for a string', 'DescribeStreamSummary', { StreamName: 1 }, 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String'],
    ['string for an integer', 'DescribeStream', { Limit: '5' }, 'class java.lang.String can not be converted to an Integer'],
    ['boolean for an integer', 'DescribeStream', { Limit: false }, 'class java.lang.Boolean can not be converted to an Integer'],
    ['NaN for an integer', 'DescribeStream', { Limit: Number.NaN }, 'class java.lang.String can not be converted to an Integer'],
    ['string for a boolean', 'DeleteStream', { StreamName: 's', EnforceConsumerDeletion: 'yes' }, "'YES' can not be converted to an Boolean"],
    ['number for a boolean', 'DeleteStream', { EnforceConsumerDeletion: 1 }, 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean'],
    ['boolean for a blob', 'PutRecord', { Data: true, PartitionKey: 'k' }, 'class java.lang.Boolean can not be converted to a Blob'],
    ['number for a blob', 'PutRecord', { Data: 3, PartitionKey: 'k' }, 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob'],
    ['string for a blob', 'PutRecord', { Data: 'aGk=', PartitionKey: 'k' }, 'class java.lang.String can not be converted to a Blob'],
    ['string for a timestamp', 'GetShardIterator', { ShardId: 's', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: '2020-01-01' }, 'class java.lang.String can not be converted to milliseconds since epoch'],
    ['boolean for a timestamp', 'ListShards', { StreamCreationTimestamp: true }, 'class java.lang.Boolean can not be converted to milliseconds since epoch'],
    ['invalid Date', 'ListShards', { StreamCreationTimestamp: new Date(Number.NaN) }, 'class java.lang.String can not be converted to milliseconds since epoch'],
    ['array for a scalar', 'DescribeStreamSummary', { StreamName: ['s'] }, 'Start of list found where not expected'],
    ['object for a scalar', 'DescribeStreamSummary', { StreamName: { a: 1 } }, 'Start of structure or map found where not expected.'],
    ['Date for a string', 'DescribeStreamSummary', { StreamName: new Date(0) }, 'Start of structure or map found where not expected.'],
    ['scalar for a list', 'PutRecords', { Records: 'x' }, 'Expected list or null'],
    ['object for a list', 'PutRecords', { Records: {} }, 'Start of structure or map found where not expected.'],
    ['scalar for a map', 'AddTagsToStream', { Tags: 'x' }, 'Expected map or null'],
    ['array for a map', 'AddTagsToStream', { Tags: [] }, 'Start of list found where not expected'],
    ['scalar for a structure', 'ListShards', { ShardFilter: 'AT_LATEST' }, 'Expected null'],
    ['scalar PutRecords entry', 'PutRecords', { Records: ['x'] }, 'Expected null'],
    ['array PutRecords entry', 'PutRecords', { Records: [[]] }, 'Start of list found where not expected'],
    ['number in a tag value', 'TagResource', { ResourceARN: STREAM_ARN, Tags: { a: 1 } }, 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String'],
    ['number in TagKeys', 'UntagResource', { ResourceARN: STREAM_ARN, TagKeys: [1] }, 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String'],
    ['array as the input', 'DescribeLimits', [], 'Start of list found where not expected'],
    ['string as the input', 'DescribeLimits', 'x', 'Expected null'],
  ];
  it.each(cases)('%s', (_label, operation, input, message) => {
    expect(serialization(operation, input)).toBe(message);
  });

  it('wins over constraint violations anywhere in the input', () => {
    const records = [{ Data: new Uint8Array(0), PartitionKey: '' }, { Data: new Uint8Array(0), PartitionKey: 7 }];
    expect(serialization('PutRecords', { StreamName: '', Records: records })).toContain('can not be converted to an String');
  });
});

describe('accepted inputs', () => {
  it('accepts absent, undefined and null optional members, and no input at all', () => {
    expect(() => validateInput('DescribeLimits', undefined)).not.toThrow();
    expect(() => validateInput('DescribeLimits', null)).not.toThrow();
    expect(() => validateInput('ListStreams', { Limit: undefined, NextToken: null })).not.toThrow();
  });

  it('ignores unknown members', () => {
    expect(() => validateInput('DescribeStreamSummary', { StreamName: 's', Bogus: 1, DryRun: 'x' })).not.toThrow();
  });

  it('accepts a full PutRecords request without touching it', () => {
    const input = Object.freeze({
      StreamName: 's',
      Records: Object.freeze(
        Array.from({ length: 500 }, (_, i) =>
          Object.freeze({ Data: new Uint8Array(i), PartitionKey: `k${i}`, ExplicitHashKey: String(i) }),
        ),
      ),
    });
    const before = structuredClone(input);
    expect(() => validateInput('PutRecords', input)).not.toThrow();
    expect(input).toEqual(before);
  });

  it('leaves an invalid input unchanged', () => {
    const input = { StreamName: 's', MaxRecordSizeInKiB: 2.5e10, Tags: { a: 'b' } };
    const before = structuredClone(input);
    expect(validation('CreateStream', input)).toContain("'2147483647'");
    expect(input).toEqual(before);
  });
});

// An arbitrary value that satisfies `shape`; only length-bounded where the model bounds it.
function arbitraryFor(shape: Shape): fc.Arbitrary<unknown> {
  const minLength = shape.minLength ?? 0;
  switch (shape.type) {
    case 'string': {
      if (shape.enum) return fc.constantFrom(...shape.enum.values);
      const maxLength = Math.min(shape.maxLength ?? 64, 64);
      const base = shape.pattern ? fc.stringMatching(patternAsRegExp(shape.pattern.text)) : fc.string({ unit: 'binary', minLength, maxLength });
      return base.filter((s) => s.length >= minLength && s.length <= (shape.maxLength ?? Infinity));
    }
    case 'integer':
    case 'long': {
      const min = shape.min ?? -(2 ** 31);
      const max = shape.max ?? 2 ** 31 - 1;
      // A fraction is floored by AWS, so n + 0.25 is as valid as n.
      return fc.tuple(fc.integer({ min, max }), fc.boolean()).map(([n, fraction]) => (fraction ? n + 0.25 : n));
    }
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.date({ noInvalidDate: true });
    case 'blob':
      return fc.uint8Array({ minLength, maxLength: Math.min(shape.maxLength ?? 32, 32) });
    case 'list':
      return fc.array(arbitraryFor(shape.member!), { minLength, maxLength: Math.min(shape.maxLength ?? 4, 4) });
    case 'map':
      return fc.dictionary(arbitraryFor(shape.key!) as fc.Arbitrary<string>, arbitraryFor(shape.value!), {
        minKeys: minLength,
        maxKeys: Math.min(shape.maxLength ?? 4, 4),
      });
    case 'structure': {
      const model: Record<string, fc.Arbitrary<unknown>> = { Unmodelled: fc.anything() };
      for (const member of shape.members ?? []) {
        const value = arbitraryFor(member.shape);
        model[member.name] = member.required ? value : fc.oneof(value, fc.constant(undefined), fc.constant(null));
      }
      return fc.record(model);
    }
  }
}

const JUNK = fc.anything({ withBigInt: true, withDate: true, withTypedArray: true, withNullPrototype: true, withBoxedValues: true });

describe('properties', () => {
  it.each(OPERATION_NAMES)('%s accepts any input built from its own descriptor, unchanged', (operation) => {
    fc.assert(
      fc.property(arbitraryFor(OPERATIONS[operation].input), (input) => {
        const before = structuredClone(input);
        validateInput(operation, input);
        expect(input).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });

  it('dropping a required top-level member reports exactly that member as null', () => {
    for (const operation of OPERATION_NAMES) {
      const shape = OPERATIONS[operation].input;
      const requiredMembers = (shape.members ?? []).filter((member) => member.required);
      if (requiredMembers.length === 0) continue;
      fc.assert(
        fc.property(arbitraryFor(shape), fc.constantFrom(...requiredMembers), (input, dropped) => {
          const partial = { ...(input as Record<string, unknown>), [dropped.name]: undefined };
          expect(validation(operation, partial)).toBe(
            `1 validation error detected: Value null at '${dropped.path}' failed to satisfy constraint: Member must not be null`,
          );
        }),
        { numRuns: 20 },
      );
    }
  });

  it('answers junk members only with ValidationException or SerializationException', () => {
    for (const operation of OPERATION_NAMES) {
      const names = (OPERATIONS[operation].input.members ?? []).map((member) => member.name);
      if (names.length === 0) continue;
      const junkInput = fc.dictionary(fc.constantFrom(...names), JUNK, { maxKeys: names.length });
      fc.assert(
        fc.property(junkInput, (input) => {
          try {
            validateInput(operation, input);
          } catch (error) {
            expect(error).toBeInstanceOf(KinesisError);
            expect(['ValidationException', 'SerializationException']).toContain((error as KinesisError).name);
          }
        }),
        { numRuns: 20 },
      );
    }
  });

  it('covers all 45 operations of the current model', () => {
    expect(OPERATION_NAMES).toHaveLength(45);
  });
});
