// The model's patterns as JS RegExps with Java's meaning, for generators and as the matcher's oracle.

/**
 * A JS RegExp accepting the same strings, for test generators and as a test oracle only: it backtracks,
 * so never run it on untrusted input. (`.`, `\s` and `\S` are spelled out with Java's meaning; `\s` and
 * `\S` inside a character class have no JS spelling and are refused.)
 */
export function patternAsRegExp(source: string): RegExp {
  let js = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[++i] ?? '';
      if (e === 's' || e === 'S') {
        if (inClass) throw new SyntaxError(`No JS spelling of \\${e} inside a class in ${source}`);
        js += e === 's' ? '[ \\t\\n\\x0B\\f\\r]' : '[^ \\t\\n\\x0B\\f\\r]';
      } else {
        js += c + e;
      }
    } else if (c === '[' && !inClass) {
      inClass = true;
      js += c;
      if (source[i + 1] === '^') js += source[++i];
      if (source[i + 1] === ']') js += '\\' + source[++i];
    } else if (c === ']' && inClass) {
      inClass = false;
      js += c;
    } else if (c === '.' && !inClass) {
      js += '[^\\n\\r\\u0085\\u2028\\u2029]';
    } else {
      js += c;
    }
  }
  return new RegExp(`^(?:${js})$`);
}
