// The kinesim console: a web console for an engine served under /_kinesim/ (see the README's "The console"). A
// transport-free request handler: a server routes requests to it before AWS's protocol.

import { consoleScript } from './console-script.js';
import { KinesimConsole, type ConsoleOptions } from './kinesim-console.js';

let script: string | undefined;

/**
 * A console for `options.kinesis`: `handle(request)` answers what it owns under /_kinesim/ (the page, its assets,
 * /_kinesim/health, the API) and returns undefined for everything else.
 * @throws RangeError when the token is shorter than 16 characters.
 */
export function createConsole(options: ConsoleOptions): KinesimConsole {
  script ??= consoleScript();
  return new KinesimConsole(options, script);
}

export { KinesimConsole, kinesimNotFound, type ConsoleOptions } from './kinesim-console.js';
export { isKinesimPath, KINESIM_PREFIX, TOKEN_HEADER } from './console-security.js';
