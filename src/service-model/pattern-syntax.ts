// The syntax of the service model's patterns: a Java regex subset parsed into a small tree over sets of
// UTF-16 code units. Anything outside the subset is refused at load time, never misread (see LinearPattern).

/** A set of UTF-16 code units: sorted, disjoint, non-adjacent inclusive ranges [lo0, hi0, lo1, hi1, ...]. */
export type UnitSet = readonly number[];

export type PatternNode =
  | { readonly kind: 'set'; readonly set: UnitSet }
  | { readonly kind: 'concat'; readonly parts: readonly PatternNode[] }
  | { readonly kind: 'alt'; readonly options: readonly PatternNode[] }
  | { readonly kind: 'repeat'; readonly node: PatternNode; readonly min: number; readonly max: number }
  | { readonly kind: 'bol' | 'eol' };

export const MAX_UNIT = 0xffff;
export const EMPTY: PatternNode = { kind: 'concat', parts: [] };

function normalise(ranges: number[]): UnitSet {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function complement(set: UnitSet): UnitSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX_UNIT) out.push(next, MAX_UNIT);
  return out;
}

function unit(c: number): UnitSet {
  return [c, c];
}

const DIGIT: UnitSet = [48, 57];
const SPACE: UnitSet = normalise([9, 13, 32, 32]); // \t \n \x0B \f \r and ' '
const WORD: UnitSet = normalise([48, 57, 65, 90, 95, 95, 97, 122]);
const LINE_TERMINATORS: UnitSet = normalise([10, 10, 13, 13, 0x85, 0x85, 0x2028, 0x2029]);
const DOT: UnitSet = complement(LINE_TERMINATORS);
const CLASS_ESCAPES: Readonly<Record<string, UnitSet>> = {
  d: DIGIT,
  D: complement(DIGIT),
  s: SPACE,
  S: complement(SPACE),
  w: WORD,
  W: complement(WORD),
};

/** Recursive-descent parser of the supported subset; anything else is refused, never misread. */
export class PatternParser {
  #at = 0;

  constructor(readonly text: string) {}

  parse(): PatternNode {
    const node = this.#alternation();
    if (this.#at < this.text.length) this.#fail(`unexpected '${this.text[this.#at]}'`);
    return node;
  }

  #fail(why: string): never {
    throw new SyntaxError(`Unsupported model pattern ${JSON.stringify(this.text)} at ${this.#at}: ${why}`);
  }

  #peek(): string | undefined {
    return this.text[this.#at];
  }

  #alternation(): PatternNode {
    const options = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#at++;
      options.push(this.#sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  #sequence(): PatternNode {
    const parts: PatternNode[] = [];
    for (let c = this.#peek(); c !== undefined && c !== '|' && c !== ')'; c = this.#peek()) {
      parts.push(this.#quantified(this.#atom()));
    }
    return parts.length === 1 ? parts[0]! : { kind: 'concat', parts };
  }

  #quantified(atom: PatternNode): PatternNode {
    let node: PatternNode = atom;
    for (;;) {
      const c = this.#peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{' && /^\{\d+(,\d*)?\}/.test(this.text.slice(this.#at, this.#at + 24))) [min, max] = this.#counts();
      else return node;
      if (c !== '{') this.#at++;
      if (this.#peek() === '?') this.#at++; // lazy: the same whole-string language
      else if (this.#peek() === '+') this.#fail('possessive quantifiers change the language');
      if (max < min) this.#fail('quantifier maximum below its minimum');
      node = { kind: 'repeat', node, min, max };
    }
  }

  #counts(): [number, number] {
    const close = this.text.indexOf('}', this.#at);
    const [low, high] = this.text.slice(this.#at + 1, close).split(',');
    this.#at = close + 1;
    const min = Number(low);
    return [min, high === undefined ? min : high === '' ? Infinity : Number(high)];
  }

  #atom(): PatternNode {
    const c = this.text[this.#at++]!;
    switch (c) {
      case '(': {
        if (this.#peek() === '?') {
          if (this.text[this.#at + 1] !== ':') this.#fail('only (?:...) groups are supported');
          this.#at += 2;
        }
        const inner = this.#alternation();
        if (this.text[this.#at++] !== ')') this.#fail('unclosed group');
        return inner;
      }
      case '[':
        return { kind: 'set', set: this.#characterClass() };
      case '.':
        return { kind: 'set', set: DOT };
      case '^':
        return { kind: 'bol' };
      case '$':
        return { kind: 'eol' };
      case '\\':
        return { kind: 'set', set: this.#escape() };
      case '*':
      case '+':
      case '?':
      case ')':
        return this.#fail(`'${c}' with nothing to apply to`);
      default:
        return { kind: 'set', set: unit(c.charCodeAt(0)) };
    }
  }

  /** After a backslash: a class escape (\d, \S, ...) or an escaped punctuation character. */
  #escape(): UnitSet {
    const c = this.text[this.#at++];
    if (c === undefined) this.#fail('trailing backslash');
    const named = CLASS_ESCAPES[c];
    if (named !== undefined) return named;
    if (c === 't') return unit(9);
    if (c === 'n') return unit(10);
    if (c === 'r') return unit(13);
    if (c === 'f') return unit(12);
    if (/[A-Za-z0-9]/.test(c)) this.#fail(`escape \\${c}`);
    return unit(c.charCodeAt(0));
  }

  /** After '[': ranges, escapes and an optional leading '^', up to the closing ']'. */
  #characterClass(): UnitSet {
    const negated = this.#peek() === '^';
    if (negated) this.#at++;
    const ranges: number[] = [];
    let first = true;
    for (;;) {
      const c = this.text[this.#at++];
      if (c === undefined) this.#fail('unclosed character class');
      if (c === ']' && !first) break;
      if (c === '[' || (c === '&' && this.#peek() === '&')) this.#fail('nested classes and intersections');
      first = false;
      let lo: number;
      if (c === '\\') {
        const set = this.#escape();
        if (set.length !== 2 || set[0] !== set[1]) {
          ranges.push(...set);
          continue;
        }
        lo = set[0]!;
      } else {
        lo = c.charCodeAt(0);
      }
      if (this.#peek() === '-' && this.text[this.#at + 1] !== ']' && this.text[this.#at + 1] !== undefined) {
        this.#at++;
        const d = this.text[this.#at++]!;
        const hi = d === '\\' ? this.#escape() : unit(d.charCodeAt(0));
        if (hi.length !== 2 || hi[0] !== hi[1] || hi[0]! < lo) this.#fail('bad range');
        ranges.push(lo, hi[0]!);
      } else {
        ranges.push(lo, lo);
      }
    }
    const set = normalise(ranges);
    return negated ? complement(set) : set;
  }
}
