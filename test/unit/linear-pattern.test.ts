// LinearPattern: the model's patterns with Java's meaning, in work linear in the input (counted in steps,
// never timed): the worst inputs of issue 9 and a fuzz over random patterns against a RegExp oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearPattern } from '../../src/service-model/linear-pattern.js';
import { CONSUMER_ARN, RESOURCE_ARN, STREAM_ARN } from '../../src/service-model/kinesis-shapes.js';
import { OPERATIONS, type OperationName } from '../../src/operations/registry.js';
import type { Shape } from '../../src/service-model/shapes.js';
import { validateInput } from '../../src/validation/validate.js';
import { patternAsRegExp } from '../support/pattern-regexp.js';

/** The work bound by construction: one step per unit, and at most one new DFA state per unit, each O(size). */
const bound = (pattern: LinearPattern, length: number) => (length + 2) * (4 * pattern.size + 1);

const matcherOf = (shape: Shape) => shape.pattern!.matcher;

/** Validates `input` and returns the steps the member's pattern took (the validator ran it once). */
function stepsOfValidation(operation: OperationName, input: unknown, shape: Shape): number {
  expect(() => validateInput(OPERATIONS[operation].input, input)).toThrow(/failed to satisfy constraint/);
  return matcherOf(shape).steps;
}

describe('LinearPattern', () => {
  it('matches the model patterns with Java semantics', () => {
    const streamArn = matcherOf(STREAM_ARN);
    expect(streamArn.test('arn:aws:kinesis:us-east-1:123456789012:stream/s')).toBe(true);
    expect(streamArn.test('arn:aws-cn:kinesis:cn-north-1:123456789012:stream/a/b')).toBe(true);
    expect(streamArn.test('arn:aws:kinesis:us-east-1:12345678901:stream/s')).toBe(false);
    expect(streamArn.test('arn:aws:kinesis:us-east-1:123456789012:stream/')).toBe(false);
    // Java's \S is ASCII-only; Java's . refuses the line terminators, \u0085 included.
    expect(streamArn.test('arn:aws:kinesis:us-east-1:123456789012:stream/s\u00a0x')).toBe(true);
    expect(streamArn.test('arn:aws:kinesis:us-east-1:123456789012:stream/s\tx')).toBe(false);
    expect(streamArn.test('arn:aws:kinesis:us\u0085east:123456789012:stream/s')).toBe(false);
    expect(streamArn.test('arn:aws:kinesis:us\u2029east:123456789012:stream/s')).toBe(false);
    const consumerArn = matcherOf(CONSUMER_ARN);
    expect(consumerArn.test('arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1700000000')).toBe(true);
    expect(consumerArn.test('arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:')).toBe(false);
    const hashKey = new LinearPattern('0|([1-9]\\d{0,38})');
    expect(['0', '1', '9'.repeat(39)].map((s) => hashKey.test(s))).toEqual([true, true, true]);
    expect(['', '00', '01', '1'.repeat(40), '1a'].map((s) => hashKey.test(s))).toEqual([false, false, false, false, false]);
  });

  it('supports anchors, classes, counts, lazy quantifiers and non-capturing groups', () => {
    expect(new LinearPattern('^(arn):x$').test('arn:x')).toBe(true);
    expect(new LinearPattern('a$b').test('ab')).toBe(false);
    expect(new LinearPattern('[^a-c\\d]+').test('xyz')).toBe(true);
    expect(new LinearPattern('[^a-c\\d]+').test('xbz')).toBe(false);
    expect(new LinearPattern('(?:ab){2,3}').test('ababab')).toBe(true);
    expect(new LinearPattern('(?:ab){2,3}').test('abababab')).toBe(false);
    expect(new LinearPattern('a{2,}?').test('aaaa')).toBe(true);
    expect(new LinearPattern('[-a]\\/[a-]').test('-/-')).toBe(true);
  });

  it('refuses what it does not implement rather than misreading it', () => {
    for (const text of ['a(?=b)', '(a)\\1', 'a++', '\\p{L}', '[a[b]]', '[a&&b]', '(a', 'a)', '*a', 'a{3,2}']) {
      expect(() => new LinearPattern(text), text).toThrow(SyntaxError);
    }
  });

  it('answers the worst inputs of issue 9 in work linear in their length', () => {
    // 22 KB ConsumerARN / ResourceARN and 288 KB StreamARN: seconds to minutes for a backtracking RegExp.
    const consumer = `arn:aws:kinesis:${':'.repeat(22_000)}`;
    const resource = `arn:aws:kinesis:${':123456789012'.repeat(1_700)}`;
    const stream = `arn:aws${':kinesis:'.repeat(32_000)}`;
    const cases: [OperationName, Record<string, string>, Shape, string][] = [
      ['DescribeStreamConsumer', { ConsumerARN: consumer }, CONSUMER_ARN, consumer],
      ['ListTagsForResource', { ResourceARN: resource }, RESOURCE_ARN, resource],
      ['DescribeStreamSummary', { StreamARN: stream }, STREAM_ARN, stream],
      ['PutRecord', { StreamARN: stream, PartitionKey: 'k' }, STREAM_ARN, stream],
    ];
    for (const [operation, members, shape, value] of cases) {
      const input = operation === 'PutRecord' ? { ...members, Data: new Uint8Array(1) } : members;
      const steps = stepsOfValidation(operation, input, shape);
      expect(steps).toBeGreaterThanOrEqual(value.length);
      // A handful of DFA states, each built once: far below the general bound.
      expect(steps).toBeLessThanOrEqual(value.length + 20 * matcherOf(shape).size);
    }
  });

  it('keeps the work bound when the DFA cache overflows and is rebuilt', () => {
    // (a|b)*a(a|b){12} needs 2^13 DFA states, more than the cache holds.
    const pattern = new LinearPattern('(a|b)*a(a|b){12}');
    const oracle = patternAsRegExp(pattern.source);
    const text = Array.from({ length: 50_000 }, (_, i) => ((i * 7919) % 13 < 6 ? 'a' : 'b')).join('');
    expect(pattern.test(text)).toBe(oracle.test(text));
    expect(pattern.steps).toBeLessThanOrEqual(bound(pattern, text.length));
    expect(pattern.test(`${text}a${'b'.repeat(12)}`)).toBe(true);
  });
});

// Random patterns of the supported subset over a small alphabet, so that inputs often get far into them.
const atom = fc.constantFrom('a', 'b', ':', '.', '\\d', '\\S', '[ab]', '[^a]', '[0-9a]', '\\/');
const patternText: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('node'), tie('node')).map(([x, y]) => x + y),
    fc.tuple(tie('node'), tie('node')).map(([x, y]) => `(${x}|${y})`),
    fc.tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{0,3}', '{1,}', '*?')).map(([x, q]) => `(?:${x})${q}`),
  ),
})).node;
const inputText = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '1', ' ', '\n', '\u00a0', '\u0085'), maxLength: 40 });

describe('LinearPattern properties', () => {
  it('accepts exactly what the RegExp oracle accepts, within the linear work bound', () => {
    fc.assert(
      fc.property(patternText, fc.array(inputText, { minLength: 1, maxLength: 8 }), (text, inputs) => {
        const pattern = new LinearPattern(text);
        const oracle = patternAsRegExp(text);
        for (const input of inputs) {
          expect(pattern.test(input), `${text} on ${JSON.stringify(input)}`).toBe(oracle.test(input));
          expect(pattern.steps).toBeLessThanOrEqual(bound(pattern, input.length));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays within the bound on long hostile inputs for every model pattern', () => {
    const shapes = [STREAM_ARN, CONSUMER_ARN, RESOURCE_ARN];
    const pieces = fc.constantFrom('arn', ':aws', ':kinesis:', ':', '123456789012', 'stream/', '/consumer/', 'x', ' ', '1');
    fc.assert(
      fc.property(fc.constantFrom(...shapes), fc.array(pieces, { maxLength: 3000 }), (shape, parts) => {
        const value = parts.join('');
        const matcher = matcherOf(shape);
        matcher.test(value);
        expect(matcher.steps).toBeLessThanOrEqual(bound(matcher, value.length));
        // The oracle backtracks, so it only checks a prefix short enough for it.
        const prefix = value.slice(0, 200);
        expect(matcher.test(prefix)).toBe(patternAsRegExp(shape.pattern!.text).test(prefix));
      }),
      { numRuns: 100 },
    );
  });
});
