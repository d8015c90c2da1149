// Billing commitment: the account's MinimumThroughputBillingCommitment and its 24 h minimum term.

import { BILLING_COMMITMENT_MIN_MS } from './limits.js';

import type { CommitmentStatus } from '../service-model/enums.js';


/** The commitment as AWS reports it; absent times are omitted. */
export interface CommitmentView {
  status: CommitmentStatus;
  startedAtMs?: number;
  endedAtMs?: number;
  earliestAllowedEndAtMs?: number;
}

/** The commitment's state: when it started, its earliest allowed end, and when it ends (open-ended if undefined). */
export interface CommitmentState {
  readonly startedAtMs: number | undefined;
  readonly earliestEndAtMs: number | undefined;
  readonly endAtMs: number | undefined;
}

/**
 * The account's commitment. Its status is a function of the clock: a disable requested before the earliest
 * allowed end is scheduled for that end, and the commitment reads DISABLED once the clock passes it.
 */
export class BillingCommitment {
  #startedAtMs: number | undefined;
  #earliestEndAtMs: number | undefined;
  /** When the commitment ends or ended; undefined while it runs open-ended. */
  #endAtMs: number | undefined;

  /** The commitment's three times, for snapshots (undefined where unset). */
  exportState(): CommitmentState {
    return { startedAtMs: this.#startedAtMs, earliestEndAtMs: this.#earliestEndAtMs, endAtMs: this.#endAtMs };
  }

  /** Takes the times a snapshot kept (see exportState). */
  restoreState(state: CommitmentState): void {
    this.#startedAtMs = state.startedAtMs;
    this.#earliestEndAtMs = state.earliestEndAtMs;
    this.#endAtMs = state.endAtMs;
  }

  status(nowMs: number): CommitmentStatus {
    if (this.#startedAtMs === undefined) return 'DISABLED';
    if (this.#endAtMs === undefined) return 'ENABLED';
    return this.#endAtMs <= nowMs ? 'DISABLED' : 'ENABLED_UNTIL_EARLIEST_ALLOWED_END';
  }

  /** Whether the commitment is in force (ENABLED, or ENABLED until its earliest allowed end). */
  isEnabled(nowMs: number): boolean {
    return this.status(nowMs) !== 'DISABLED';
  }

  /** Starts a new commitment, or cancels a scheduled end; enabling an enabled commitment changes nothing. */
  enable(nowMs: number): void {
    const status = this.status(nowMs);
    if (status === 'ENABLED') return;
    if (status === 'ENABLED_UNTIL_EARLIEST_ALLOWED_END') {
      this.#endAtMs = undefined;
      return;
    }
    this.#startedAtMs = nowMs;
    this.#earliestEndAtMs = nowMs + BILLING_COMMITMENT_MIN_MS;
    this.#endAtMs = undefined;
  }

  /** Ends the commitment now, or at its earliest allowed end when that is still ahead. */
  disable(nowMs: number): void {
    if (this.status(nowMs) !== 'ENABLED') return;
    const earliest = this.#earliestEndAtMs ?? nowMs;
    this.#endAtMs = earliest > nowMs ? earliest : nowMs;
  }

  view(nowMs: number): CommitmentView {
    const status = this.status(nowMs);
    const view: CommitmentView = { status };
    if (this.#startedAtMs === undefined) return view;
    view.startedAtMs = this.#startedAtMs;
    if (this.#endAtMs !== undefined) view.endedAtMs = this.#endAtMs;
    // [U] Once the commitment has ended, its earliest allowed end no longer matters and is not reported.
    if (status !== 'DISABLED' && this.#earliestEndAtMs !== undefined) view.earliestAllowedEndAtMs = this.#earliestEndAtMs;
    return view;
  }
}
