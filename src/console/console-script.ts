// The console page's script: the client module functions (src/console/client/), each compiled with the package and
// served as its own source text. They are self-contained, so their text runs as it is in the browser; this file
// only strings them together in dependency order. Not checked by the portable project (its modules use the DOM).

import { apiModule } from './client/api.js';
import { appModule } from './client/app.js';
import { chartsModule } from './client/charts.js';
import { domModule } from './client/dom.js';
import { monitoringViewModule } from './client/monitoring-view.js';
import { recordsViewModule } from './client/records-view.js';
import { settingsViewModule } from './client/settings-view.js';
import { shardMapModule } from './client/shard-map.js';
import { shardsViewModule } from './client/shards-view.js';
import { streamViewModule } from './client/stream-view.js';
import { streamsViewModule } from './client/streams-view.js';

/** Each kit member and the module function that builds it, in the order they are built. */
const MODULES: readonly (readonly [string, (kit: never) => unknown])[] = [
  ['dom', domModule],
  ['api', apiModule],
  ['charts', chartsModule],
  ['shardMap', shardMapModule],
  ['monitoringView', monitoringViewModule],
  ['shardsView', shardsViewModule],
  ['recordsView', recordsViewModule],
  ['settingsView', settingsViewModule],
  ['streamView', streamViewModule],
  ['streamsView', streamsViewModule],
];

/** The script's text. */
export function consoleScript(): string {
  return [
    '// kinesim console (generated from src/console/client/; see console-script.ts)',
    '"use strict";',
    // Compilers that keep function names (esbuild's keepNames, as tsx uses) call this helper inside function bodies.
    'var __name = function (target) { return target; };',
    '(function () {',
    'var kit = {};',
    ...MODULES.map(([name, fn]) => `kit.${name} = (${fn.toString()})(kit);`),
    `(${appModule.toString()})(kit);`,
    '})();',
    '',
  ].join('\n');
}
