import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, ACCOUNT } from '../support/stream-fixture.js';


function withStreams(names: string[], clock = new ManualClock(T0)): Kinesis {
  const kinesis = new Kinesis({ clock });
  for (const name of names) kinesis.createStream({ StreamName: name, ShardCount: 1 });
  return kinesis;
}

/** Flips one character of a token to another base64 character. */
function tamper(token: string, at: number): string {
  const c = token[at] === 'A' ? 'B' : 'A';
  return token.slice(0, at) + c + token.slice(at + 1);
}

describe('ListStreams', () => {
  it('lists nothing for an empty account, without a NextToken', () => {
    const out = withStreams([]).listStreams();
    expect(out).toEqual({ StreamNames: [], HasMoreStreams: false, StreamSummaries: [] });
  });

  it('orders names by byte order', () => {
    const kinesis = withStreams(['b', 'a', 'B', '_x', '0', '-', 'a.b']);
    expect(kinesis.listStreams().StreamNames).toEqual(['-', '0', 'B', '_x', 'a', 'a.b', 'b']);
  });

  it('gives a StreamSummary per listed name, in the same order', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock });
    kinesis.createStream({ StreamName: 'b', ShardCount: 1 });
    clock.advance(1_000);
    kinesis.createStream({ StreamName: 'a', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    const out = kinesis.listStreams();
    expect(out.StreamNames).toEqual(['a', 'b']);
    expect(out.StreamSummaries).toEqual([
      {
        StreamName: 'a',
        StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/a`,
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: 'ON_DEMAND' },
        StreamCreationTimestamp: new Date(T0 + 1_000),
      },
      {
        StreamName: 'b',
        StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/b`,
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: 'PROVISIONED' },
        StreamCreationTimestamp: new Date(T0),
      },
    ]);
  });

  it('lists streams in every status with their status', () => {
    const clock = new ManualClock(T0);
    const kinesis = new Kinesis({ clock, createStreamDelayMs: 1_000, deleteStreamDelayMs: 1_000 });
    kinesis.createStream({ StreamName: 'old', ShardCount: 1 });
    clock.advance(1_000);
    kinesis.createStream({ StreamName: 'young', ShardCount: 1 });
    kinesis.createStream({ StreamName: 'doomed', ShardCount: 1 });
    clock.advance(1_000);
    kinesis.createStream({ StreamName: 'new', ShardCount: 1 });
    kinesis.deleteStream({ StreamName: 'doomed' });
    expect(kinesis.listStreams().StreamSummaries?.map((s) => [s.StreamName, s.StreamStatus])).toEqual([
      ['doomed', 'DELETING'],
      ['new', 'CREATING'],
      ['old', 'ACTIVE'],
      ['young', 'ACTIVE'],
    ]);
  });

  it('pages with Limit and a NextToken that resumes exactly after the last name', () => {
    const kinesis = withStreams(['e', 'd', 'c', 'b', 'a']);
    const first = kinesis.listStreams({ Limit: 2 });
    expect(first.StreamNames).toEqual(['a', 'b']);
    expect(first.HasMoreStreams).toBe(true);
    expect(first.NextToken).toMatch(/^AAAAAAAAAAE/);
    const second = kinesis.listStreams({ Limit: 2, NextToken: first.NextToken! });
    expect(second.StreamNames).toEqual(['c', 'd']);
    expect(second.StreamSummaries?.map((s) => s.StreamName)).toEqual(['c', 'd']);
    expect(second.HasMoreStreams).toBe(true);
    const last = kinesis.listStreams({ Limit: 2, NextToken: second.NextToken! });
    expect(last.StreamNames).toEqual(['e']);
    expect(last.HasMoreStreams).toBe(false);
    expect(last).not.toHaveProperty('NextToken');
  });

  it('returns no NextToken when Limit covers exactly what remains', () => {
    const out = withStreams(['a', 'b']).listStreams({ Limit: 2 });
    expect(out.HasMoreStreams).toBe(false);
    expect(out).not.toHaveProperty('NextToken');
  });

  it('starts strictly after ExclusiveStartStreamName, which need not exist', () => {
    const kinesis = withStreams(['a', 'b', 'c']);
    expect(kinesis.listStreams({ ExclusiveStartStreamName: 'a' }).StreamNames).toEqual(['b', 'c']);
    expect(kinesis.listStreams({ ExclusiveStartStreamName: 'bb' }).StreamNames).toEqual(['c']);
    expect(kinesis.listStreams({ ExclusiveStartStreamName: 'c' }).StreamNames).toEqual([]);
    const paged = kinesis.listStreams({ ExclusiveStartStreamName: 'a', Limit: 1 });
    expect(paged.StreamNames).toEqual(['b']);
    expect(paged.HasMoreStreams).toBe(true);
  });

  it('caps a page at 100 names whatever Limit asks for, and by default', () => {
    const names = Array.from({ length: 105 }, (_, i) => `s${String(i).padStart(3, '0')}`);
    const kinesis = withStreams(names);
    const big = kinesis.listStreams({ Limit: 10000 });
    expect(big.StreamNames).toEqual(names.slice(0, 100));
    expect(big.HasMoreStreams).toBe(true);
    expect(kinesis.listStreams().StreamNames).toHaveLength(100);
    expect(kinesis.listStreams({ NextToken: big.NextToken! }).StreamNames).toEqual(names.slice(100));
  });

  it('honours a NextToken for 300 s and then answers ExpiredNextTokenException', () => {
    const clock = new ManualClock(T0);
    const kinesis = withStreams(['a', 'b', 'c'], clock);
    const token = kinesis.listStreams({ Limit: 1 }).NextToken!;
    clock.advance(300_000);
    expect(kinesis.listStreams({ Limit: 1, NextToken: token }).StreamNames).toEqual(['b']);
    clock.advance(1);
    // [U] AWS's message for an expired NextToken is not public.
    expect(rejection(() => kinesis.listStreams({ NextToken: token }))).toEqual({
      name: 'ExpiredNextTokenException',
      message: 'The timestamp in the NextToken has expired.',
    });
  });

  it('rejects a tampered, foreign or garbage NextToken with InvalidArgumentException', () => {
    const kinesis = withStreams(['a', 'b', 'c']);
    const token = kinesis.listStreams({ Limit: 1 }).NextToken!;
    const invalid = { name: 'InvalidArgumentException', message: 'Invalid NextToken.' };
    expect(rejection(() => kinesis.listStreams({ NextToken: tamper(token, 20) }))).toEqual(invalid);
    expect(rejection(() => kinesis.listStreams({ NextToken: tamper(token, token.length - 5) }))).toEqual(invalid);
    expect(rejection(() => kinesis.listStreams({ NextToken: 'not-a-token' }))).toEqual(invalid);
    kinesis.createStream({ StreamName: 'two', ShardCount: 2 });
    const shardsToken = kinesis.listShards({ StreamName: 'two', MaxResults: 1 }).NextToken!;
    expect(rejection(() => kinesis.listStreams({ NextToken: shardsToken }))).toEqual(invalid);
    const stranger = withStreams(['a', 'b']);
    const foreign = new Kinesis({ clock: new ManualClock(T0), tokenSecret: 'other' });
    foreign.createStream({ StreamName: 'a', ShardCount: 1 });
    foreign.createStream({ StreamName: 'b', ShardCount: 1 });
    expect(rejection(() => stranger.listStreams({ NextToken: foreign.listStreams({ Limit: 1 }).NextToken! }))).toEqual(invalid);
  });

  it('rejects a Limit outside 1..10000 with the model validation text', () => {
    const kinesis = withStreams([]);
    expect(rejection(() => kinesis.listStreams({ Limit: 0 }))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });
});
