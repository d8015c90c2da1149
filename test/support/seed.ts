// One seed for every property test in a run: FC_SEED if set, else derived from the run's start.
// The global setup prints it so any failure can be replayed with FC_SEED=<seed> npm test.
export function runSeed(): number {
  const fromEnv = process.env.FC_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${fromEnv}`);
    return seed;
  }
  return Date.now() % 2_147_483_647;
}
