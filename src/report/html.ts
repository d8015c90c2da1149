// Small HTML helpers for the report: escaping, number formats and tables.

/** Text safe inside HTML or SVG text and attributes. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A count with thousands separators (exact). */
export function int(n: number): string {
  const s = Math.round(n).toString();
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A compact number for axes: 950, 1.2k, 3.4M, 5.6G. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${trim(n / 1e9)}G`;
  if (a >= 1e6) return `${trim(n / 1e6)}M`;
  if (a >= 1e3) return `${trim(n / 1e3)}k`;
  return trim(n);
}

function trim(n: number): string {
  const a = Math.abs(n);
  const s = a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : n.toFixed(2);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A share as a percentage with sensible precision. */
export function pct(share: number): string {
  const p = share * 100;
  if (p === 0) return '0%';
  if (p < 0.01) return '<0.01%';
  if (p < 10) return `${p.toFixed(2)}%`;
  return `${p.toFixed(1)}%`;
}

/** Bytes in binary units. */
export function bytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** Simulated seconds as h:mm:ss or m:ss. */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const two = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

export interface Column<T> {
  head: string;
  cell: (row: T) => string | number;
  /** Right-aligned numbers (default true for numbers). */
  numeric?: boolean;
}

/** A table; `caption` says what it holds; long tables scroll inside their box. */
export function table<T>(caption: string, columns: readonly Column<T>[], rows: readonly T[], options: { scroll?: boolean } = {}): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric === false ? '' : ' class="num"'}>${esc(c.head)}</th>`).join('');
  // Cells are text (escaped here); numbers get thousands separators and align right.
  const body = rows.map((r) => `<tr>${columns.map((c) => {
    const v = c.cell(r);
    const numeric = c.numeric ?? typeof v === 'number';
    return `<td${numeric ? ' class="num"' : ''}>${esc(typeof v === 'number' ? int(v) : v)}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<div class="table${options.scroll === true ? ' scroll' : ''}"><table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
