// The progress bar of long runs, on stderr: drawn only on a terminal and only once a run has taken a
// second, redrawn at most ten times a second, erased when done.

import type { SimulationProgress } from '../sim/index.js';
import type { CommandIo } from './command.js';

const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 100;

export class ProgressBar {
  readonly #startMs: number;
  #drawnAtMs = -Infinity;
  #drawn = false;

  constructor(private readonly io: CommandIo, private readonly label: string) {
    this.#startMs = io.nowMs();
  }

  update(p: SimulationProgress): void {
    if (this.io.stderr.isTTY !== true) return;
    const now = this.io.nowMs();
    if (now - this.#startMs < SHOW_AFTER_MS || now - this.#drawnAtMs < REDRAW_MS) return;
    this.#drawnAtMs = now;
    const width = Math.max(10, Math.min(40, (this.io.stderr.columns ?? 80) - 60));
    const filled = Math.round(p.fraction * width);
    const phase = p.phase === 'drain' ? 'draining' : `${Math.round(p.simulatedSeconds)}/${p.durationSeconds} s`;
    const text = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(p.fraction * 100)}% ${phase}, ${(p.recordsProduced / 1e6).toFixed(2)}M records, ${((now - this.#startMs) / 1000).toFixed(1)} s`;
    this.io.stderr.write(`\r\x1b[2K${text}`);
    this.#drawn = true;
  }

  /** Erases the bar (if drawn). */
  done(): void {
    if (this.#drawn) this.io.stderr.write('\r\x1b[2K');
  }

  elapsedMs(): number {
    return this.io.nowMs() - this.#startMs;
  }
}
