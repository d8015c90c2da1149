// What every lab consumer does the way KCL does: one lease per shard, a child shard started only when all its
// parents have been read to their end (ChildShards), and every record it gets checked against what producers had
// acknowledged on that shard, in order. How records are fetched (GetRecords, SubscribeToShard) is the subclass's.
//
// A child waits for its parents (KCL BlockOnParentShardTask, re-checked every parentShardPollIntervalMillis,
// default 10 s).

import { deaggregateRecords, type HashKeyRange, type KinesisRecord, type UserRecord } from '../index.js';
import type { EventQueue } from './event-queue.js';
import { ticketIn } from './payload.js';
import { comparePositions } from './pending-records.js';
import type { ResolvedConsumer } from './scenario.js';
import type { ShardState } from './shard-state.js';
import type { SimContext } from './sim-context.js';

export interface Lease {
  shardId: string;
  shard: ShardState;
  parents: string[];
  range: HashKeyRange | undefined;
  state: 'blocked' | 'reading' | 'done';
  /** The last Kinesis record processed (where a new iterator or subscription resumes). */
  lastSeq: string | undefined;
}

/** A child shard as GetRecords and SubscribeToShard name it. */
export interface ChildShardRef {
  ShardId: string;
  ParentShards: string[];
  HashKeyRange: HashKeyRange;
}

/** What one consumer saw, for the summary. */
export interface ConsumerTotals {
  name: string;
  type: ResolvedConsumer['type'];
  recordsConsumed: number;
  duplicatesAtConsumer: number;
  lostAtConsumer: number;
  orderingViolations: number;
  /** Records the consumer got that no producer had acknowledged there (never expected: an engine fault). */
  unmatchedAtConsumer: number;
  getRecordsCalls: number;
  /** GetRecords calls refused for the shard's read limits (polling consumers). */
  readThrottles: number;
  /** SubscribeToShard calls that opened a subscription (enhanced consumers). */
  subscribeToShardCalls: number;
}

export abstract class ShardConsumer {
  readonly totals: ConsumerTotals;
  protected readonly leases = new Map<string, Lease>();
  /** The creation serial of the last record seen per key identity (order check). */
  readonly #lastSerial: Float64Array;

  constructor(
    protected readonly ctx: SimContext,
    protected readonly spec: ResolvedConsumer,
    /** Position of this consumer's cursor in every ShardState's `cursors`. */
    protected readonly slot: number,
    protected readonly queue: EventQueue,
    keyIdentities: number,
    private readonly deaggregate: boolean,
  ) {
    this.totals = {
      name: spec.name, type: spec.type, recordsConsumed: 0, duplicatesAtConsumer: 0, lostAtConsumer: 0, orderingViolations: 0,
      unmatchedAtConsumer: 0, getRecordsCalls: 0, readThrottles: 0, subscribeToShardCalls: 0,
    };
    this.#lastSerial = new Float64Array(keyIdentities).fill(-1);
  }

  /** Takes a lease on every shard of the stream; starts those with no unread parent. */
  start(atMs: number): void {
    const shards = [];
    let page = this.ctx.kinesis.listShards({ StreamName: this.ctx.streamName });
    shards.push(...(page.Shards ?? []));
    while (page.NextToken !== undefined) {
      page = this.ctx.kinesis.listShards({ NextToken: page.NextToken });
      shards.push(...(page.Shards ?? []));
    }
    const known = new Set(shards.map((s) => s.ShardId));
    for (const s of shards) {
      const parents = [s.ParentShardId, s.AdjacentParentShardId].filter((p): p is string => p !== undefined && known.has(p));
      this.#lease(s.ShardId, parents, s.HashKeyRange);
    }
    for (const lease of this.leases.values()) this.#startIfReady(lease, atMs);
  }

  /** Records acknowledged on leased shards that this consumer has not reached yet. */
  unconsumed(): number {
    let n = 0;
    for (const s of this.ctx.shards.values()) n += s.pending.base + s.pending.length - s.cursors[this.slot]!;
    return n;
  }

  /** Starts reading a lease whose parents are done, at run time `atMs`. */
  protected abstract begin(lease: Lease, atMs: number): void;

  #lease(shardId: string, parents: string[], range: HashKeyRange | undefined): Lease {
    let lease = this.leases.get(shardId);
    if (lease === undefined) {
      lease = { shardId, shard: this.ctx.shard(shardId), parents, range, state: 'blocked', lastSeq: undefined };
      this.leases.set(shardId, lease);
    }
    return lease;
  }

  #startIfReady(lease: Lease, atMs: number): void {
    if (lease.state !== 'blocked') return;
    if (!lease.parents.every((p) => this.leases.get(p)?.state === 'done')) return;
    lease.state = 'reading';
    this.begin(lease, atMs);
  }

  /** The lease's shard was read to its end: its children are leased, and start once all their parents are done. */
  protected finish(lease: Lease, atMs: number, children: readonly ChildShardRef[]): void {
    lease.state = 'done';
    // Every parent counts, known yet or not: the other parent of a merge may still be waiting on its own parent.
    for (const child of children) this.#lease(child.ShardId, child.ParentShards, child.HashKeyRange);
    // KCL's child shard consumer was blocked on its parents and notices they are done at its next check.
    for (const child of children) this.#startIfReady(this.leases.get(child.ShardId)!, atMs + this.spec.parentShardPollIntervalMs);
  }

  /** The shard expired (retention) before it was read to its end: what it held is lost to this consumer. */
  protected lost(lease: Lease, atMs: number): void {
    const s = lease.shard;
    const left = s.pending.base + s.pending.length - s.cursors[this.slot]!;
    this.totals.lostAtConsumer += left;
    s.cursors[this.slot] = s.pending.base + s.pending.length;
    this.finish(lease, atMs, []);
  }

  /** Checks and books the Kinesis records of one answer or event; returns how many user records they held. */
  protected process(lease: Lease, records: KinesisRecord[], atMs: number): number {
    const ctx = this.ctx;
    const s = lease.shard;
    if (records.length === 0) return 0;
    // OutgoingRecords, OutgoingBytes and IteratorAgeMilliseconds are the engine's metrics; the cost is the lab's.
    for (let i = 0; i < records.length; i++) ctx.cost.read(records[i]!.Data.length);
    const before = lease.lastSeq;
    lease.lastSeq = records[records.length - 1]!.SequenceNumber;
    const users: readonly (KinesisRecord | UserRecord)[] = this.deaggregate ? deaggregateRecords(records, lease.range) : records;
    this.#match(s, users, atMs, before);
    return users.length;
  }

  /**
   * Matches records against the shard's acknowledged list from this consumer's cursor. `previousSeq`: the Kinesis
   * record this consumer processed last on the shard (where a re-read starts from).
   */
  #match(s: ShardState, users: readonly (KinesisRecord | UserRecord)[], atMs: number, previousSeq: string | undefined): void {
    const pend = s.pending;
    const t = this.totals;
    const lastSerial = this.#lastSerial;
    const latency = this.ctx.latency;
    const perRecordMs = this.spec.processingMsPerRecord;
    const bySequence = this.ctx.keepSequenceNumbers;
    let i = s.cursors[this.slot]! - pend.base;
    let lastSeq = previousSeq;
    for (let r = 0; r < users.length; r++) {
      const rec = users[r]!;
      // Fast path: the ticket in the payload is the expected record's (see payload.ts).
      const ticket = ticketIn(rec.Data);
      const expected = ticket >= 0 && i < pend.length && ticket === pend.serial[i]! >>> 0;
      if (!expected && !bySequence) {
        // Not the expected record, told by tickets alone: one acknowledged later (those before it were lost), or
        // else a re-read (at or before the last record processed) or a record no producer wrote here.
        let j = i;
        while (j < pend.length && pend.serial[j]! >>> 0 !== ticket) j++;
        if (j === pend.length) {
          if (lastSeq !== undefined && comparePositions(rec.SequenceNumber, 0, lastSeq, 0) <= 0) t.duplicatesAtConsumer++;
          else t.unmatchedAtConsumer++;
          continue;
        }
        t.lostAtConsumer += j - i;
        i = j;
      } else if (!expected) {
        const seq = rec.SequenceNumber;
        const sub = (rec as UserRecord).SubSequenceNumber ?? 0;
        while (i < pend.length && comparePositions(seq, sub, pend.seq[i]!, pend.sub[i]!) > 0) {
          t.lostAtConsumer++;
          i++;
        }
        const same = i < pend.length && pend.seq[i] === seq && pend.sub[i] === sub;
        if (!same || (ticket >= 0 && ticket !== pend.serial[i]! >>> 0)) {
          // Before the expected record: read again. At it but with other bytes, or past every record
          // acknowledged: not a record any producer wrote there.
          if (same || i === pend.length) t.unmatchedAtConsumer++;
          else t.duplicatesAtConsumer++;
          if (same) i++;
          continue;
        }
      }
      t.recordsConsumed++;
      lastSeq = rec.SequenceNumber;
      latency.add(atMs + (r + 1) * perRecordMs - pend.createdMs[i]!);
      const k = pend.key[i]!;
      const serial = pend.serial[i]!;
      if (serial < lastSerial[k]!) t.orderingViolations++;
      else lastSerial[k] = serial;
      i++;
    }
    s.cursors[this.slot] = pend.base + i;
    s.release();
  }
}
