import { describe, expect, it } from 'vitest';
import { Kinesis, ManualClock } from '../../src/index.js';
import { rejection } from '../support/rejection.js';
import { T0, HOUR_MS } from '../support/stream-fixture.js';

const DAY_MS = 24 * HOUR_MS;

function engine() {
  const clock = new ManualClock(T0);
  return { clock, kinesis: new Kinesis({ clock }) };
}

const update = (kinesis: Kinesis, Status: 'ENABLED' | 'DISABLED') =>
  kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status } }).MinimumThroughputBillingCommitment;
const describeCommitment = (kinesis: Kinesis) => kinesis.describeAccountSettings().MinimumThroughputBillingCommitment;

describe('DescribeAccountSettings', () => {
  it('reports a commitment that was never enabled as DISABLED alone', () => {
    const { kinesis } = engine();
    expect(kinesis.describeAccountSettings()).toEqual({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } });
  });
});

describe('UpdateAccountSettings', () => {
  it('starts a commitment whose earliest allowed end is 24 h later', () => {
    const { kinesis } = engine();
    const expected = { Status: 'ENABLED', StartedAt: new Date(T0), EarliestAllowedEndAt: new Date(T0 + DAY_MS) };
    expect(update(kinesis, 'ENABLED')).toEqual(expected);
    expect(describeCommitment(kinesis)).toEqual(expected);
  });

  it('enabling an enabled commitment changes nothing', () => {
    const { clock, kinesis } = engine();
    update(kinesis, 'ENABLED');
    clock.advance(HOUR_MS);
    expect(update(kinesis, 'ENABLED')).toEqual({ Status: 'ENABLED', StartedAt: new Date(T0), EarliestAllowedEndAt: new Date(T0 + DAY_MS) });
  });

  it('schedules a disable requested early for the earliest allowed end, then reads DISABLED by the clock', () => {
    const { clock, kinesis } = engine();
    update(kinesis, 'ENABLED');
    clock.advance(2 * HOUR_MS);
    const pending = {
      Status: 'ENABLED_UNTIL_EARLIEST_ALLOWED_END',
      StartedAt: new Date(T0),
      EndedAt: new Date(T0 + DAY_MS),
      EarliestAllowedEndAt: new Date(T0 + DAY_MS),
    };
    expect(update(kinesis, 'DISABLED')).toEqual(pending);
    expect(update(kinesis, 'DISABLED')).toEqual(pending);
    clock.set(T0 + DAY_MS - 1);
    expect(describeCommitment(kinesis)!.Status).toBe('ENABLED_UNTIL_EARLIEST_ALLOWED_END');
    clock.advance(1);
    expect(describeCommitment(kinesis)).toEqual({ Status: 'DISABLED', StartedAt: new Date(T0), EndedAt: new Date(T0 + DAY_MS) });
  });

  it('cancels a scheduled end when enabled again', () => {
    const { clock, kinesis } = engine();
    update(kinesis, 'ENABLED');
    clock.advance(HOUR_MS);
    update(kinesis, 'DISABLED');
    expect(update(kinesis, 'ENABLED')).toEqual({ Status: 'ENABLED', StartedAt: new Date(T0), EarliestAllowedEndAt: new Date(T0 + DAY_MS) });
    clock.advance(2 * DAY_MS);
    expect(describeCommitment(kinesis)!.Status).toBe('ENABLED');
  });

  it('disables at once after the minimum term, and a later enable starts a new term', () => {
    const { clock, kinesis } = engine();
    update(kinesis, 'ENABLED');
    clock.advance(DAY_MS + HOUR_MS);
    const ended = T0 + DAY_MS + HOUR_MS;
    expect(update(kinesis, 'DISABLED')).toEqual({ Status: 'DISABLED', StartedAt: new Date(T0), EndedAt: new Date(ended) });
    clock.advance(HOUR_MS);
    expect(update(kinesis, 'ENABLED')).toEqual({
      Status: 'ENABLED',
      StartedAt: new Date(ended + HOUR_MS),
      EarliestAllowedEndAt: new Date(ended + HOUR_MS + DAY_MS),
    });
  });

  it('disabling a disabled commitment changes nothing', () => {
    const { kinesis } = engine();
    expect(update(kinesis, 'DISABLED')).toEqual({ Status: 'DISABLED' });
  });

  it('leaves a missing or unknown status to the validator, changing nothing', () => {
    const { kinesis } = engine();
    const unknown = { MinimumThroughputBillingCommitment: { Status: 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' } } as unknown as Parameters<
      Kinesis['updateAccountSettings']
    >[0];
    expect(rejection(() => kinesis.updateAccountSettings(unknown))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' at 'minimumThroughputBillingCommitment.status' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]',
    });
    const missing = {} as Parameters<Kinesis['updateAccountSettings']>[0];
    expect(rejection(() => kinesis.updateAccountSettings(missing))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'minimumThroughputBillingCommitment' failed to satisfy constraint: Member must not be null",
    });
    expect(describeCommitment(kinesis)).toEqual({ Status: 'DISABLED' });
  });
});
