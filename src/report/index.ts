// kinesim/report: the self-contained HTML report of a simulation, a comparison or a minimum-shards search.

export { renderReport, type Reportable } from './render-report.js';
