// One suite, two drivers: every scenario runs on Kinesis directly and through the AWS SDK v3 KinesisClient with
// kinesim's in-process handler, and both must answer identically. A scenario whose operations Kinesis lacks
// is skipped with that reason in its name.
import { describe, expect, test } from 'vitest';
import { DRIVERS, awsSdk, direct, http } from './drivers.js';
import { missingOperations, play, type Scenario } from './scenario.js';
import { consumerScenarios } from './scenarios/consumers.js';
import { errorScenarios } from './scenarios/errors.js';
import { recordScenarios } from './scenarios/records.js';
import { reshardingScenarios } from './scenarios/resharding.js';
import { streamScenarios } from './scenarios/streams.js';
import { tagAndRetentionScenarios } from './scenarios/tags-retention.js';
import { throughputScenarios } from './scenarios/throughput.js';

const SCENARIOS: readonly Scenario[] = [
  ...streamScenarios,
  ...recordScenarios,
  ...errorScenarios,
  ...reshardingScenarios,
  ...tagAndRetentionScenarios,
  ...consumerScenarios,
  ...throughputScenarios,
];

function scenarioTest(scenario: Scenario, body: () => Promise<void>): void {
  const missing = missingOperations(scenario);
  if (missing.length > 0) {
    test.skip(`${scenario.name} — skipped: Kinesis has no ${missing.join(', ')} yet`, () => {});
  } else {
    test(scenario.name, body);
  }
}

describe.each(DRIVERS)('$name', (kind) => {
  for (const scenario of SCENARIOS) {
    scenarioTest(scenario, async () => {
      await play(scenario, kind);
    });
  }
});

describe('every driver answers alike', () => {
  for (const scenario of SCENARIOS) {
    scenarioTest(scenario, async () => {
      const expected = await play(scenario, direct);
      // Strict: a member present as undefined on one side only, or a different class, is a difference.
      expect(await play(scenario, awsSdk)).toStrictEqual(expected);
      expect(await play(scenario, http)).toStrictEqual(expected);
    });
  }
});
