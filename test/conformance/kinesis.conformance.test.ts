// One suite, four drivers: every scenario runs on Kinesis directly, through the AWS SDK v3 KinesisClient with
// kinesim's in-process handler, and through the same client to kinesim/http over HTTP/1.1 and over HTTP/2 (its
// default handler); all must answer identically, SubscribeToShard's event transcripts included (on the drivers that
// stream events). Scenarios name operations by the registry's OperationName, so a scenario cannot send one the
// engine does not know, and a renamed Kinesis method fails the typecheck of src/ rather than a skip here.
import { describe, expect, test } from 'vitest';
import { DRIVERS, awsSdk, direct, http, http2, type DriverKind } from './drivers.js';
import { play, type Scenario } from './scenario.js';
import { consumerScenarios } from './scenarios/consumers.js';
import { currentApiScenarios } from './scenarios/current-api.js';
import { errorScenarios } from './scenarios/errors.js';
import { recordScenarios } from './scenarios/records.js';
import { reshardingScenarios } from './scenarios/resharding.js';
import { streamScenarios } from './scenarios/streams.js';
import { tagAndRetentionScenarios } from './scenarios/tags-retention.js';
import { subscriptionScenarios } from './scenarios/subscriptions.js';
import { throughputScenarios } from './scenarios/throughput.js';

const SCENARIOS: readonly Scenario[] = [
  ...streamScenarios,
  ...recordScenarios,
  ...errorScenarios,
  ...reshardingScenarios,
  ...tagAndRetentionScenarios,
  ...consumerScenarios,
  ...throughputScenarios,
  ...currentApiScenarios,
  ...subscriptionScenarios,
];

/** Whether `kind` can play `scenario` (SubscribeToShard needs a driver that streams events). */
const plays = (kind: DriverKind, scenario: Scenario) => kind.streamsEvents || !scenario.operations.includes('SubscribeToShard');

describe.each(DRIVERS)('$name', (kind) => {
  for (const scenario of SCENARIOS) {
    test.skipIf(!plays(kind, scenario))(scenario.name, async () => {
      await play(scenario, kind);
    });
  }
});

describe('every driver answers alike', () => {
  for (const scenario of SCENARIOS) {
    test(scenario.name, async () => {
      const expected = await play(scenario, direct);
      // Strict: a member present as undefined on one side only, or a different class, is a difference.
      expect(await play(scenario, awsSdk)).toStrictEqual(expected);
      if (plays(http, scenario)) expect(await play(scenario, http)).toStrictEqual(expected);
      if (plays(http2, scenario)) expect(await play(scenario, http2)).toStrictEqual(expected);
    });
  }
});
