import { runSeed } from './seed.js';

// Runs once per `vitest run`: fixes the seed for all workers and prints it.
export default function setup(): void {
  const seed = runSeed();
  process.env.FC_SEED = String(seed);
  console.log(`fast-check seed: FC_SEED=${seed} (replay with FC_SEED=${seed} npm test)`);
}
