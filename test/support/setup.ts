import fc from 'fast-check';
import { runSeed } from './seed.js';

// Every property test in every worker uses the run's seed; fast-check prints seed and path on failure.
fc.configureGlobal({ seed: runSeed(), numRuns: Number(process.env.FC_RUNS ?? 100) });

// The AWS SDK v3's notice that its 2027 releases need Node 22 is noise in every test that builds a client.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
