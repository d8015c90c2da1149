// Figures each benchmark reports, their printing, and the final markdown summary table.

import os from 'node:os';
import { SMOKE } from './mode.js';

export interface Target {
  op: '<=' | '>=';
  value: number;
}

/** One number a benchmark reports; those with a target appear as pass/fail in the summary. */
export interface Figure {
  bench: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  /** Context for the summary, e.g. the baseline a ratio was taken against. */
  note?: string;
}

/** A benchmark's outcome: its figures, or why it did not run. */
export interface BenchResult {
  bench: string;
  figures: Figure[];
  skipped?: string;
}

/** Three significant digits, thousands separated; small values keep their decimals. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

export function passes(figure: Figure): boolean | undefined {
  const t = figure.target;
  if (t === undefined) return undefined;
  return t.op === '<=' ? figure.value <= t.value : figure.value >= t.value;
}

/** Pass/fail against the target; smoke-mode sizes are too small for either to mean anything. */
function verdict(figure: Figure, smoke: boolean): string {
  const ok = passes(figure);
  if (ok === undefined) return '';
  if (smoke) return 'n/a (smoke)';
  return ok ? 'pass' : 'FAIL';
}

/** One figure as a console line. */
export function line(figure: Figure): string {
  const target = figure.target === undefined ? '' : `   target ${figure.target.op} ${fmt(figure.target.value)} ${figure.unit}: ${verdict(figure, SMOKE)}`;
  const note = figure.note === undefined ? '' : `   (${figure.note})`;
  return `  ${figure.name.padEnd(58)} ${fmt(figure.value).padStart(12)} ${figure.unit}${target}${note}`;
}

/** Collects figures for one benchmark and prints each as it is added. */
export class Reporter {
  readonly figures: Figure[] = [];

  constructor(readonly bench: string) {
    console.log(`\n## ${bench}`);
  }

  add(name: string, value: number, unit: string, extra: { target?: Target; note?: string } = {}): Figure {
    const figure: Figure = { bench: this.bench, name, value, unit, ...extra };
    this.figures.push(figure);
    console.log(line(figure));
    return figure;
  }

  /** A detail line that does not go into the summary. */
  info(text: string): void {
    console.log(`    ${text}`);
  }
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM`;
}

/** The summary the README's Performance section takes verbatim. */
export function summaryTable(results: readonly BenchResult[], smoke: boolean): string {
  const out: string[] = [];
  out.push(`Machine: ${machine()}; Node ${process.version}; ${os.type()} ${os.release()}; ${new Date().toISOString().slice(0, 10)}${smoke ? ' (SMOKE MODE: sizes are tiny, figures mean nothing)' : ''}`);
  out.push('');
  out.push('| benchmark | figure | value | unit | target | result |');
  out.push('|---|---|---:|---|---|---|');
  for (const result of results) {
    if (result.skipped !== undefined) {
      out.push(`| ${result.bench} | skipped: ${result.skipped} | | | | |`);
      continue;
    }
    for (const f of result.figures) {
      const name = f.note === undefined ? f.name : `${f.name} (${f.note})`;
      const target = f.target === undefined ? '' : `${f.target.op} ${fmt(f.target.value)}`;
      const result = verdict(f, smoke);
      out.push(`| ${f.bench} | ${name} | ${fmt(f.value)} | ${f.unit} | ${target} | ${result === 'FAIL' ? '**FAIL**' : result} |`);
    }
  }
  return out.join('\n');
}
