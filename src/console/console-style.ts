// The console's stylesheet: AWS console-like (dark header, white panels, orange primary action), readable at a
// laptop's 1280 px, visible focus everywhere, colours that stay apart in greyscale.

export const CONSOLE_STYLE = `
:root {
  --ink: #16191f; --muted: #5f6b7a; --line: #d5dbdb; --panel: #fff; --page: #f2f3f3; --head: #232f3e;
  --accent: #ec7211; --accent-dark: #b65a0b; --blue: #0972d3; --open: #0972d3; --closed: #8d99a8; --ok: #037f0c;
  --bad: #d91515; --focus: #0972d3; --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
html { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--page); }
body { margin: 0; min-width: 1024px; }
a { color: var(--blue); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 4px; background: #fff; padding: 6px 10px; z-index: 10; }
.skip:focus { left: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { display: flex; align-items: center; gap: 14px; background: var(--head); color: #fff; padding: 8px 20px; min-height: 52px; flex-wrap: wrap; }
.top .brand { color: #fff; font-weight: 700; font-size: 18px; text-decoration: none; letter-spacing: .2px; }
.top .logo { color: var(--accent); font-size: 20px; }
.top .product { color: #d1d5db; border-left: 1px solid #414d5c; padding-left: 16px; }
.top .about { color: #aab7b8; font-size: 12px; border-left: 1px solid #414d5c; padding-left: 14px; }
.clock { margin-left: auto; display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.clock-label { color: #aab7b8; font-size: 12px; text-transform: uppercase; letter-spacing: .5px; }
.clock-time { font-family: var(--mono); font-size: 14px; background: #0f1b2a; padding: 3px 8px; border-radius: 4px; }
.clock-kind { font-size: 12px; color: #aab7b8; }
.clock-controls { display: flex; gap: 6px; align-items: center; }
.clock-controls[hidden] { display: none; }
.clock-controls button, .clock-controls input { background: #2c3e50; color: #fff; border: 1px solid #546a80; padding: 2px 10px; font-size: 13px; }
.clock-controls input.short { width: 64px; border-radius: 6px; padding: 2px 6px; }
.clock-controls button:hover { background: #3a526b; }
.clock-controls label { font-size: 12px; color: #aab7b8; }
form.inline { display: flex; gap: 6px; align-items: center; margin: 0; }
main { padding: 20px 28px 48px; max-width: 1440px; margin: 0 auto; }
main:focus { outline: none; }
h1 { font-size: 24px; margin: 4px 0 14px; font-weight: 700; }
h1:focus { outline: none; }
h2 { font-size: 16px; margin: 0 0 12px; }
h3 { font-size: 14px; margin: 0 0 10px; }
.crumbs { font-size: 13px; color: var(--muted); }
.panel { background: var(--panel); border-radius: 8px; box-shadow: 0 1px 1px rgba(0,28,36,.3), 1px 1px 1px rgba(0,28,36,.15), -1px 1px 1px rgba(0,28,36,.15); padding: 16px 20px; margin-bottom: 16px; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; align-items: start; }
.columns.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; }
.field label, legend { font-weight: 600; font-size: 13px; }
.hint { color: var(--muted); font-size: 12px; margin: 0 0 10px; }
fieldset { border: 0; padding: 0; margin: 0 0 12px; }
.choice { display: flex; gap: 6px; align-items: baseline; margin: 4px 0; font-weight: 400; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=number], select, textarea { border: 1px solid #7d8998; border-radius: 6px; padding: 5px 8px; background: #fff; color: var(--ink); min-width: 0; }
input:disabled, select:disabled { background: #f4f4f4; color: #8d99a8; border-color: #c6c6cd; }
input.wide { width: 100%; font-family: var(--mono); font-size: 12px; }
input.short { width: 72px; }
textarea { width: 100%; font-family: var(--mono); font-size: 13px; resize: vertical; }
button { border: 1px solid var(--blue); color: var(--blue); background: #fff; border-radius: 18px; padding: 5px 16px; font-weight: 700; cursor: pointer; }
button:hover { background: #f2f8fd; }
button:disabled { border-color: #c6c6cd; color: #8d99a8; background: #fff; cursor: default; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.primary:hover { background: var(--accent-dark); border-color: var(--accent-dark); }
button.link { border: 0; background: none; padding: 0; color: var(--blue); font-weight: 400; border-radius: 0; text-decoration: underline; }
button.link.danger { color: var(--bad); }
.actions { display: flex; gap: 8px; margin-top: 4px; }
table.data { width: 100%; border-collapse: collapse; }
table.data th, table.data td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #e9ebed; vertical-align: top; }
table.data thead th { font-size: 12px; color: var(--muted); font-weight: 700; border-bottom: 2px solid var(--line); white-space: nowrap; }
table.data tbody th { font-weight: 600; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.records { table-layout: fixed; }
table.records th:nth-child(1) { width: 33%; }
table.records th:nth-child(2) { width: 14%; }
table.records th:nth-child(3) { width: 17%; }
table.records th:nth-child(5) { width: 8%; }
table.records td:nth-child(2) { font-size: 13px; }
table.records td:nth-child(3) code { word-break: break-all; }
table.data tr.selected { background: #f2f8fd; }
table.data .nowrap { white-space: nowrap; }
table.compact th, table.compact td { padding: 5px 8px; font-size: 13px; }
.badge { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: 12px; font-weight: 700; border: 1px solid currentColor; }
.badge.active, .badge.open { color: var(--ok); }
.badge.creating, .badge.updating { color: var(--blue); }
.badge.deleting, .badge.expired { color: var(--bad); }
.badge.closed { color: var(--muted); }
.empty-state { color: var(--muted); padding: 12px 0; margin: 0; }
.error { color: var(--bad); font-weight: 600; margin: 8px 0; }
.result { margin: 10px 0 0; font-size: 13px; word-break: break-all; }
.result.ok { color: var(--ok); }
.result.error { color: var(--bad); }
.summary { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px 24px; margin: 0; }
.summary dt { font-size: 12px; color: var(--muted); }
.summary dd { margin: 2px 0 0; overflow-wrap: anywhere; }
.summary div:last-child { grid-column: span 2; }
code { font-family: var(--mono); font-size: 12px; }
.tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--line); margin: 8px 0 16px; }
.tabs [role=tab] { padding: 8px 16px; color: var(--muted); text-decoration: none; font-weight: 700; border-bottom: 3px solid transparent; }
.tabs [role=tab][aria-selected=true] { color: var(--ink); border-bottom-color: var(--blue); }
.tabs [role=tab]:hover { color: var(--ink); }
.toolbar { display: flex; gap: 16px; flex-wrap: wrap; align-items: flex-end; }
.toolbar .field { margin-bottom: 8px; }
.toolbar .choice { margin-bottom: 14px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 14px; }
figure.chart { margin: 0; background: var(--panel); border-radius: 8px; padding: 10px 12px 4px; box-shadow: 0 1px 1px rgba(0,28,36,.25); }
figure.chart figcaption { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.chart-title { font-weight: 700; font-size: 13px; }
.chart-stat { color: var(--muted); font-size: 12px; }
.chart-last { margin-left: auto; font-size: 12px; font-variant-numeric: tabular-nums; }
figure.chart svg { width: 100%; height: 170px; display: block; }
figure.chart .grid { stroke: #e9ebed; }
figure.chart .axis { stroke: #8d99a8; }
figure.chart .tick { font-size: 10px; fill: var(--muted); }
figure.chart .line { fill: none; stroke: var(--blue); stroke-width: 2; vector-effect: non-scaling-stroke; }
figure.chart .area { fill: rgba(9,114,211,.12); }
figure.chart .dot { fill: var(--blue); }
figure.chart .empty { font-size: 12px; fill: var(--muted); }
.map-box svg { width: 100%; height: auto; display: block; }
.shard-map .shard rect { fill: var(--open); stroke: #fff; stroke-width: 1; cursor: pointer; }
.shard-map .shard text { fill: #fff; font-size: 12px; font-weight: 700; pointer-events: none; }
.shard-map .shard text .count { font-weight: 400; }
.shard-map .shard.closed rect { fill: #c6ccd4; }
.shard-map .shard.closed text { fill: #16191f; }
.shard-map .shard.expired rect { fill: #fff; stroke: #8d99a8; stroke-dasharray: 4 3; }
.shard-map .shard.expired text { fill: var(--muted); }
.shard-map .shard.selected rect { stroke: var(--accent); stroke-width: 3; }
.shard-map .shard:focus { outline: none; }
.shard-map .shard:focus-visible rect { stroke: var(--ink); stroke-width: 3; }
.shard-map .edge { fill: none; stroke: #8d99a8; stroke-width: 1.5; }
.shard-map .axis { stroke: #8d99a8; }
.shard-map .tick { font-size: 12px; fill: var(--muted); }
.legend .key { display: inline-block; width: 14px; height: 10px; border-radius: 2px; vertical-align: middle; margin-left: 6px; }
.legend .key.open { background: var(--open); }
.legend .key.closed { background: #c6ccd4; }
.legend .key.expired { border: 1px dashed #8d99a8; }
.action-row { display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 24px; }
.actions-panel { display: grid; grid-template-columns: minmax(0, 2.3fr) minmax(0, 1fr); gap: 24px; }
.actions-panel > .hint { grid-column: 1; margin: 0; align-self: center; }
form.action { margin: 0; }
.table-box { background: var(--panel); border-radius: 8px; padding: 8px 12px; box-shadow: 0 1px 1px rgba(0,28,36,.25); }
.viewer .toolbar .field { min-width: 120px; }
.viewer .toolbar .field:nth-child(3) { flex: 1 1 260px; }
pre.data-cell { margin: 0; font-family: var(--mono); font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 160px; overflow: auto; }
pre.muted { color: var(--muted); font-style: italic; }
code.seq { font-size: 11px; word-break: break-all; }
code.arn { font-size: 11px; word-break: break-all; }
.checks .choice { font-size: 13px; }
.toast { position: fixed; right: 20px; bottom: 20px; background: var(--head); color: #fff; padding: 10px 16px; border-radius: 6px; max-width: 520px; box-shadow: 0 4px 12px rgba(0,0,0,.25); }
.toast.error { background: #7d1010; }
.toast.hidden { opacity: 0; pointer-events: none; }
`;
