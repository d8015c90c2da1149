// The report's stylesheet: one column of sections, each chart with its table beside it; prints cleanly.

export const STYLES = `
:root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --panel: #f6f7f9; --accent: #08519c; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1280px; margin: 0 auto; padding: 28px 32px 64px; }
header.report { border-bottom: 2px solid var(--ink); padding-bottom: 14px; margin-bottom: 18px; }
header.report h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
header.report p { margin: 2px 0; color: var(--muted); }
.facts { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 8px; color: var(--muted); font-size: 13px; }
.facts b { color: var(--ink); font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 16px 0 8px; }
.card { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.card .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; margin-top: 2px; }
.card .sub { font-size: 12px; color: var(--muted); }
.card.warn { border-color: #b2182b; box-shadow: inset 4px 0 0 #b2182b; }
.card.good { box-shadow: inset 4px 0 0 #1b9e77; }
section { margin-top: 34px; }
section > h2 { font-size: 19px; margin: 0 0 4px; }
section > p.lead { margin: 0 0 12px; color: var(--muted); max-width: 900px; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(280px, 400px); gap: 18px; align-items: start; }
.pair.wide-table { grid-template-columns: minmax(0, 1fr) minmax(320px, 480px); }
@media (max-width: 1000px) { .pair, .pair.wide-table { grid-template-columns: 1fr; } }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; background: #fff; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; }
.table { border: 1px solid var(--rule); border-radius: 6px; overflow: auto; }
.table.scroll { max-height: 420px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 8px 10px; background: var(--panel); border-bottom: 1px solid var(--rule); }
th, td { padding: 4px 8px; border-bottom: 1px solid #eef0f4; text-align: left; white-space: nowrap; }
thead th { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--rule); font-weight: 600; }
td.num, th.num { text-align: right; }
tr.bad td { color: #b2182b; }
.note { background: #fff8e6; border: 1px solid #f0d48a; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
details.run { border: 1px solid var(--rule); border-radius: 8px; padding: 4px 18px 18px; margin-top: 18px; }
details.run > summary { cursor: pointer; font-size: 18px; font-weight: 650; padding: 10px 0; }
pre { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; overflow: auto; font-size: 12px; max-height: 360px; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 10px; }
svg text { font-family: inherit; }
.axis text { font-size: 11px; fill: #3d4454; }
.axis line, .axis path { stroke: #9aa1ae; }
.grid line { stroke: #eceef2; }
.axis-title { font-size: 12px; fill: #1d2330; font-weight: 600; }
.legend text { font-size: 12px; fill: #1d2330; }
@media print { main { padding: 0; } section { break-inside: avoid; } .table.scroll { max-height: none; } }
`;
