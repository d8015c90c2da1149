// Thompson's construction: a parsed model pattern as an NFA in flat arrays, counted repetition unrolled so
// that ε-closures stay small ((X(X(X)?)?)? rather than X?X?X?).

import { EMPTY, type PatternNode, type UnitSet } from './pattern-syntax.js';

/** Above this the pattern is refused at load time: a model pattern is tiny. */
const MAX_NFA_STATES = 100_000;

// Node kinds.
export const CONSUME = 0;
export const SPLIT = 1;
export const BOL = 2;
export const EOL = 3;
export const MATCH = 4;

/** A Thompson NFA in flat arrays: node i is `kind[i]`, with successors `out[i]` (and `alt[i]` for SPLIT). */
export class Nfa {
  readonly kind: number[] = [];
  readonly out: number[] = [];
  readonly alt: number[] = [];
  /** For CONSUME nodes: the set of units it accepts. */
  readonly sets: (UnitSet | undefined)[] = [];

  add(kind: number, set?: UnitSet): number {
    if (this.kind.length >= MAX_NFA_STATES) throw new SyntaxError('Model pattern too large to compile');
    this.kind.push(kind);
    this.out.push(-1);
    this.alt.push(-1);
    this.sets.push(set);
    return this.kind.length - 1;
  }
}

/** A fragment under construction: its entry node, and the dangling exits (node, which slot) to patch. */
interface Fragment {
  readonly start: number;
  readonly exits: (readonly [number, 'out' | 'alt'])[];
}

function patch(nfa: Nfa, fragment: Fragment, target: number): void {
  for (const [node, slot] of fragment.exits) nfa[slot][node] = target;
}

function build(nfa: Nfa, node: PatternNode): Fragment {
  switch (node.kind) {
    case 'set': {
      const n = nfa.add(CONSUME, node.set);
      return { start: n, exits: [[n, 'out']] };
    }
    case 'bol':
    case 'eol': {
      const n = nfa.add(node.kind === 'bol' ? BOL : EOL);
      return { start: n, exits: [[n, 'out']] };
    }
    case 'concat': {
      if (node.parts.length === 0) {
        const n = nfa.add(SPLIT); // an ε node: both exits lead on
        return { start: n, exits: [[n, 'out'], [n, 'alt']] };
      }
      const fragments = node.parts.map((part) => build(nfa, part));
      for (let i = 0; i + 1 < fragments.length; i++) patch(nfa, fragments[i]!, fragments[i + 1]!.start);
      return { start: fragments[0]!.start, exits: fragments[fragments.length - 1]!.exits };
    }
    case 'alt': {
      let fragment = build(nfa, node.options[node.options.length - 1]!);
      for (let i = node.options.length - 2; i >= 0; i--) {
        const left = build(nfa, node.options[i]!);
        const split = nfa.add(SPLIT);
        nfa.out[split] = left.start;
        nfa.alt[split] = fragment.start;
        fragment = { start: split, exits: [...left.exits, ...fragment.exits] };
      }
      return fragment;
    }
    case 'repeat':
      return buildRepeat(nfa, node.node, node.min, node.max);
  }
}

function optional(nfa: Nfa, inner: Fragment): Fragment {
  const split = nfa.add(SPLIT);
  nfa.out[split] = inner.start;
  return { start: split, exits: [...inner.exits, [split, 'alt']] };
}

/** X{min,max}: min copies, then a star or (max - min) nested optional copies, so ε-closures stay small. */
function buildRepeat(nfa: Nfa, node: PatternNode, min: number, max: number): Fragment {
  const parts: Fragment[] = [];
  for (let i = 0; i < min; i++) parts.push(build(nfa, node));
  if (max === Infinity) {
    const body = build(nfa, node);
    const split = nfa.add(SPLIT);
    nfa.out[split] = body.start;
    patch(nfa, body, split);
    parts.push({ start: split, exits: [[split, 'alt']] });
  } else if (max > min) {
    // (X(X(X)?)?)? built from the innermost copy outwards.
    let tail = optional(nfa, build(nfa, node));
    for (let i = max - min - 1; i > 0; i--) {
      const head = build(nfa, node);
      patch(nfa, head, tail.start);
      tail = optional(nfa, { start: head.start, exits: tail.exits });
    }
    parts.push(tail);
  }
  if (parts.length === 0) return build(nfa, EMPTY);
  for (let i = 0; i + 1 < parts.length; i++) patch(nfa, parts[i]!, parts[i + 1]!.start);
  return { start: parts[0]!.start, exits: parts[parts.length - 1]!.exits };
}

/** The NFA of a parsed pattern, and its entry node; the exits lead to one MATCH node. */
export function compileNfa(tree: PatternNode): { nfa: Nfa; start: number } {
  const nfa = new Nfa();
  const fragment = build(nfa, tree);
  patch(nfa, fragment, nfa.add(MATCH));
  return { nfa, start: fragment.start };
}
