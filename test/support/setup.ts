import fc from 'fast-check';
import { runSeed } from './seed.js';

// Every property test in every worker uses the run's seed; fast-check prints seed and path on failure.
fc.configureGlobal({ seed: runSeed(), numRuns: Number(process.env.FC_RUNS ?? 100) });
