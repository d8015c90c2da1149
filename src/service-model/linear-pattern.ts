// LinearPattern: the model's regular expressions (a Java regex subset) matched in time linear in the input.
//
// Why not RegExp: V8's engine backtracks, and patterns such as `arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+` take
// seconds on a few kilobytes of hostile input (and a request up to the HTTP body limit could hold the engine
// for minutes). Here a pattern compiles to a Thompson NFA, run as a DFA built lazily, one state per new set
// of NFA states (RE2's approach): each input unit costs one table lookup once its transition is known, and
// computing a transition costs at most the NFA's size. The `steps` counter makes that bound checkable.
//
// Semantics are Java's (java.util.regex, which AWS's service model is written in), matched against the whole
// value: `.` is any unit but \n \r \u0085 \u2028 \u2029; \d \s \w and their negations are ASCII-only; `^` and
// `$` assert the ends. Matching is by UTF-16 code unit; the model repeats `.` and `\S` only with `*` and `+`,
// where units and code points accept the same strings. Lazy quantifiers (`*?`) match the same whole strings.

import { PatternParser, MAX_UNIT, type UnitSet } from './pattern-syntax.js';
import { BOL, CONSUME, EOL, MATCH, SPLIT, compileNfa, type Nfa } from './pattern-nfa.js';

/** The DFA cache is dropped and rebuilt when it grows past this many states; the bound on work still holds. */
const MAX_DFA_STATES = 2_000;

function setHas(set: UnitSet, c: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (c < set[i]!) return false;
    if (c <= set[i + 1]!) return true;
  }
  return false;
}

const UNKNOWN = -1;
const DEAD = -2;

/** A model pattern compiled for linear-time whole-string matching. */
export class LinearPattern {
  readonly #nfa: Nfa;
  readonly #start: number;
  /** Alphabet partition: unit class k covers [bounds[k], bounds[k + 1]); every set is a union of classes. */
  readonly #bounds: number[];
  readonly #asciiClass = new Uint16Array(128);
  readonly #classCount: number;
  // The lazily built DFA: a state is a sorted list of NFA nodes (CONSUME, EOL, MATCH) reached by ε-moves.
  #states: number[][] = [];
  #ids = new Map<string, number>();
  #next = new Int32Array(0);
  #accepts: number[] = [];
  #initial = UNKNOWN;
  // ε-closure scratch: a visit mark per NFA node, and a stack.
  readonly #mark: Uint32Array;
  #generation = 0;
  readonly #stack: number[] = [];
  #work = 0;
  /** The work the last `test` did, in steps: one per input unit plus the nodes visited building states. */
  steps = 0;

  constructor(readonly source: string) {
    const { nfa, start } = compileNfa(new PatternParser(source).parse());
    this.#nfa = nfa;
    this.#start = start;
    this.#mark = new Uint32Array(nfa.kind.length);
    const bounds = new Set<number>([0]);
    for (const set of nfa.sets) {
      if (set === undefined) continue;
      for (let i = 0; i < set.length; i += 2) {
        bounds.add(set[i]!);
        if (set[i + 1]! < MAX_UNIT) bounds.add(set[i + 1]! + 1);
      }
    }
    this.#bounds = [...bounds].sort((a, b) => a - b);
    this.#classCount = this.#bounds.length;
    for (let c = 0; c < 128; c++) this.#asciiClass[c] = this.#classOf(c);
  }

  /** The number of NFA nodes (the pattern's size in the step bound). */
  get size(): number {
    return this.#nfa.kind.length;
  }

  /** Whether the whole of `value` matches. Costs O(value.length x size) in the worst case, O(value.length) once warm. */
  test(value: string): boolean {
    this.#work = 0;
    let state = this.#initial;
    if (state === UNKNOWN) state = this.#initial = this.#intern(this.#closure([this.#start], true));
    const k = this.#classCount;
    const ascii = this.#asciiClass;
    const n = value.length;
    let i = 0;
    for (; i < n && state !== DEAD; i++) {
      const c = value.charCodeAt(i);
      const cls = c < 128 ? ascii[c]! : this.#classOf(c);
      let next = this.#next[state * k + cls]!;
      if (next === UNKNOWN) next = this.#transition(state, cls);
      state = next;
    }
    const accepted = state !== DEAD && this.#acceptsAtEnd(state);
    this.steps = i + this.#work;
    return accepted;
  }

  #classOf(c: number): number {
    const bounds = this.#bounds;
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid]! <= c) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The sorted CONSUME, EOL and MATCH nodes reachable from `from` by ε-moves (BOL only at the start). */
  #closure(from: readonly number[], atStart: boolean): number[] {
    const nfa = this.#nfa;
    const mark = this.#mark;
    const generation = ++this.#generation;
    const stack = this.#stack;
    const found: number[] = [];
    for (const node of from) stack.push(node);
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.#work++;
      if (mark[node] === generation) continue;
      mark[node] = generation;
      const kind = nfa.kind[node]!;
      if (kind === SPLIT) {
        stack.push(nfa.alt[node]!, nfa.out[node]!);
      } else if (kind === BOL) {
        if (atStart) stack.push(nfa.out[node]!);
      } else {
        found.push(node);
      }
    }
    return found.sort((a, b) => a - b);
  }

  #transition(state: number, cls: number): number {
    const unitOfClass = this.#bounds[cls]!;
    const nfa = this.#nfa;
    const targets: number[] = [];
    const members = this.#states[state]!;
    for (const node of members) {
      this.#work++;
      if (nfa.kind[node] === CONSUME && setHas(nfa.sets[node]!, unitOfClass)) targets.push(nfa.out[node]!);
    }
    const next = targets.length === 0 ? DEAD : this.#intern(this.#closure(targets, false), members);
    // The cache may have been rebuilt while interning: `state` is then only valid if re-interned.
    const from = this.#ids.get(members.join(','));
    if (from !== undefined) this.#next[from * this.#classCount + cls] = next;
    return next;
  }

  /** The DFA state for a closure, creating it (and first emptying a full cache, keeping `keep`). */
  #intern(nodes: number[], keep?: number[]): number {
    const key = nodes.join(',');
    const known = this.#ids.get(key);
    if (known !== undefined) return known;
    if (this.#states.length >= MAX_DFA_STATES) {
      this.#states = [];
      this.#ids = new Map();
      this.#accepts = [];
      this.#next = new Int32Array(0);
      this.#initial = UNKNOWN;
      if (keep !== undefined) this.#intern(keep);
    }
    const id = this.#states.length;
    this.#states.push(nodes);
    this.#ids.set(key, id);
    this.#accepts.push(UNKNOWN);
    const k = this.#classCount;
    if (this.#next.length < (id + 1) * k) {
      const grown = new Int32Array(Math.max(16 * k, this.#next.length * 2)).fill(UNKNOWN);
      grown.set(this.#next);
      this.#next = grown;
    }
    return id;
  }

  /** Whether MATCH is reachable from the state with the input at its end (EOL passable). */
  #acceptsAtEnd(state: number): boolean {
    const known = this.#accepts[state]!;
    if (known !== UNKNOWN) return known === 1;
    const nfa = this.#nfa;
    const pending = this.#states[state]!.filter((node) => nfa.kind[node] !== CONSUME);
    let accepts = false;
    const mark = this.#mark;
    const generation = ++this.#generation;
    while (pending.length > 0 && !accepts) {
      const node = pending.pop()!;
      this.#work++;
      if (mark[node] === generation) continue;
      mark[node] = generation;
      const kind = nfa.kind[node]!;
      if (kind === MATCH) accepts = true;
      else if (kind === EOL) pending.push(nfa.out[node]!);
      else if (kind === SPLIT) pending.push(nfa.out[node]!, nfa.alt[node]!);
    }
    this.#accepts[state] = accepts ? 1 : 0;
    return accepts;
  }
}
