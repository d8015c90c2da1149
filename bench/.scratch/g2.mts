import { run } from '../get.js';
await run();
await run();
