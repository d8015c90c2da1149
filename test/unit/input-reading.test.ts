// How the engine reads its inputs: once, into plain data, before validating them, with per-call validation
// state (so input getters and nested calls cannot bypass or disturb a validation), and how it echoes huge
// values in messages.
import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock, type PutRecordsRequestEntry } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, engine } from '../support/stream-fixture.js';

const NAME_PATTERN = 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+';

describe('re-entrant input', () => {
  it('keeps the violations of the outer call when an input getter calls the engine', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    const input = {
      StreamName: 'bad name!',
      ShardCount: 1,
      get Tags() {
        kinesis.listStreams({});
        return { team: 'a' };
      },
    };
    expect(rejection(() => kinesis.createStream(input))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: ${NAME_PATTERN}`,
    });
    expect(kinesis.listStreams({}).StreamNames).toEqual([]);
  });

  it('keeps the violations of the outer call when a nested call has its own', () => {
    const kinesis = engine(1);
    const inner = () => rejection(() => kinesis.describeStream({ StreamName: '', Limit: 0 }));
    let innerMessage = '';
    const records: PutRecordsRequestEntry[] = [
      {
        Data: new Uint8Array(1),
        get PartitionKey() {
          innerMessage = inner().message;
          return '';
        },
      },
    ];
    expect(rejection(() => kinesis.putRecords({ StreamName: 's', Records: records })).message).toBe(
      "1 validation error detected: Value '' at 'records.1.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(innerMessage).toMatch(/^3 validation errors detected: /);
  });

  it('runs every getter exactly once and acts on what the validation saw', () => {
    const kinesis = engine(1);
    const reads = new Map<string, number>();
    const count = (name: string) => reads.set(name, (reads.get(name) ?? 0) + 1);
    // A getter that answers a valid value first and an invalid one afterwards: read twice, the action would
    // act on a value the validation never saw.
    let keyReads = 0;
    const entry = {
      get Data() {
        count('Data');
        return new Uint8Array([7]);
      },
      get PartitionKey() {
        count('PartitionKey');
        return keyReads++ === 0 ? 'good' : 'x'.repeat(300);
      },
    };
    const records = new Proxy([entry], {
      get(target, key, receiver) {
        if (typeof key === 'string') count(`Records.${key}`);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const input = {
      get StreamName() {
        count('StreamName');
        return 's';
      },
      get Records() {
        count('Records');
        return records;
      },
    };
    kinesis.putRecords(input as { StreamName: string; Records: PutRecordsRequestEntry[] });
    expect(Object.fromEntries(reads)).toEqual({ StreamName: 1, Records: 1, 'Records.length': 1, 'Records.0': 1, Data: 1, PartitionKey: 1 });
    const it = kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' });
    const stored = kinesis.getRecords({ ShardIterator: it.ShardIterator! }).Records;
    expect(stored.map((r) => [r.PartitionKey, [...r.Data]])).toEqual([['good', [7]]]);
  });

  it('acts on a copy: a getter read later cannot swap a member the validation accepted', () => {
    const kinesis = new Kinesis({ clock: new ManualClock(T0) });
    let reads = 0;
    const input = {
      get StreamName() {
        return reads++ === 0 ? 'ok' : 'bad name!';
      },
      ShardCount: 1,
    };
    kinesis.createStream(input);
    expect(kinesis.listStreams({}).StreamNames).toEqual(['ok']);
    expect(reads).toBe(1);
  });

  it('copies nested structures and dates, so a clock reading cannot change them under the action', () => {
    const timestamp = new Date(T0);
    const clock = new ManualClock(T0 + 1000);
    let armed = false;
    const kinesis = new Kinesis({
      clock: {
        now: () => {
          if (armed) timestamp.setTime(T0 + 10 ** 12); // in the future: the action must not see it
          return clock.now();
        },
      },
    });
    kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    armed = true;
    expect(() =>
      kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: timestamp }),
    ).not.toThrow();
  });
});

describe('huge values in messages', () => {
  const CUT = 65_536;
  const MARKER = '...[truncated]';

  it('[U] echoes a value longer than 65,536 characters as its first 65,536 and a marker', () => {
    const kinesis = engine(1);
    const key = 'k'.repeat(CUT + 1);
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', PartitionKey: key, Data: new Uint8Array(1) }))).toEqual({
      name: 'ValidationException',
      message:
        `1 validation error detected: Value '${'k'.repeat(CUT)}${MARKER}' at 'partitionKey' failed to satisfy constraint: ` +
        'Member must have length less than or equal to 256',
    });
    const whole = 'k'.repeat(CUT);
    expect(rejection(() => kinesis.putRecord({ StreamName: 's', PartitionKey: whole, Data: new Uint8Array(1) })).message).toContain(`'${whole}'`);
  });

  it('answers ten entries sharing one 54 MB partition key with a normal ValidationException', () => {
    const kinesis = engine(1);
    const key = 'k'.repeat(54_000_000);
    const records = Array.from({ length: 10 }, () => ({ PartitionKey: key, Data: new Uint8Array(1) }));
    const { name, message } = rejection(() => kinesis.putRecords({ StreamName: 's', Records: records }));
    expect(name).toBe('ValidationException');
    const entries = message.replace('10 validation errors detected: ', '').split('; ');
    expect(entries).toEqual(
      records.map(
        (_, i) =>
          `Value '${'k'.repeat(CUT)}${MARKER}' at 'records.${i + 1}.member.partitionKey' failed to satisfy constraint: ` +
          'Member must have length less than or equal to 256',
      ),
    );
  });

  it('stops rendering a huge list once past the bound', () => {
    const kinesis = engine(1);
    const records = Array.from({ length: 100_000 }, () => ({ PartitionKey: 'k', Data: new Uint8Array(0) }));
    const { message } = rejection(() => kinesis.putRecords({ StreamName: 's', Records: records }));
    const value = message.slice(message.indexOf("'") + 1, message.indexOf("' at 'records'"));
    expect(value.length).toBe(CUT + MARKER.length);
    expect(value.startsWith('[com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310, ')).toBe(true);
    expect(value.endsWith(MARKER)).toBe(true);
  });
});
