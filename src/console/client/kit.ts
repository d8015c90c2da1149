// The console's browser code is a set of module functions, each self-contained (no imports at run time, no
// references outside its own body) so that its compiled text can be served as it is (console-script.ts). Each
// receives the kit: the modules built before it, by name. Only types cross files.

import type { apiModule } from './api.js';
import type { chartsModule } from './charts.js';
import type { domModule } from './dom.js';
import type { shardMapModule } from './shard-map.js';
import type { streamsViewModule } from './streams-view.js';
import type { streamViewModule } from './stream-view.js';
import type { monitoringViewModule } from './monitoring-view.js';
import type { shardsViewModule } from './shards-view.js';
import type { recordsViewModule } from './records-view.js';
import type { settingsViewModule } from './settings-view.js';

export interface Kit {
  dom: ReturnType<typeof domModule>;
  api: ReturnType<typeof apiModule>;
  charts: ReturnType<typeof chartsModule>;
  shardMap: ReturnType<typeof shardMapModule>;
  streamsView: ReturnType<typeof streamsViewModule>;
  streamView: ReturnType<typeof streamViewModule>;
  monitoringView: ReturnType<typeof monitoringViewModule>;
  shardsView: ReturnType<typeof shardsViewModule>;
  recordsView: ReturnType<typeof recordsViewModule>;
  settingsView: ReturnType<typeof settingsViewModule>;
}

/** What a view returns: its element, and how to stop its timers when the page moves on. */
export interface View {
  readonly element: HTMLElement;
  dispose(): void;
}

/** The engine as the header last saw it (POST /_kinesim/api/overview). */
export interface Overview {
  version: string;
  nowMs: number;
  manualClock: boolean;
  region: string;
  accountId: string;
  metricsRetentionMs: number;
  metrics: { MetricName: string; Unit: string; DimensionNames: string[] }[];
}

/** Shared state of the page: the latest overview, and a hook to refresh the header after an action. */
export interface Session {
  overview: Overview;
  refreshOverview(): Promise<void>;
  navigate(hash: string): void;
}
