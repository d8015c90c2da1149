// writeJson against JSON.stringify (with the AWS JSON 1.1 forms for blobs and dates) on arbitrary values, and
// Node's base64 decoding (lent to the JSON codec by the server) against the portable decoder on arbitrary text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/encoding/base64.js';
import { writeJson } from '../../src/encoding/json-writer.js';
import { nodeDecodeBase64 } from '../../src/server/node-codecs.js';

/** The reference: JSON.stringify with a replacer turning blobs into base64 and Dates into epoch seconds. */
function reference(value: unknown): string | undefined {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced) {
    const original = this[key];
    if (original instanceof Uint8Array) return encodeBase64(original);
    if (original instanceof Date) return Number.isFinite(original.getTime()) ? original.getTime() / 1000 : null;
    return replaced;
  });
}

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 60 }), fc.constantFrom('', '"', '\\', '\u2028', '\ud800', 'a\u0000b'));
const leaf = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.uint8Array({ maxLength: 40 }),
  fc.date(),
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms)),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(text, tie('value'), { maxKeys: 5 })),
}));

describe('writeJson', () => {
  it('writes the UTF-8 bytes of the reference JSON text', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(new TextDecoder().decode(writeJson(v))).toBe(reference(v) ?? '');
      }),
    );
  });

  it('keeps null-prototype objects and a "__proto__" member, as outputs and tags have them', () => {
    const output = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    Object.defineProperty(output, '__proto__', { value: 'tag', enumerable: true });
    expect(new TextDecoder().decode(writeJson(output))).toBe('{"a":1,"__proto__":"tag"}');
  });
});

describe('nodeDecodeBase64', () => {
  const near = fc.string({ unit: fc.constantFrom(...'AQgw+/=-_ *\n\u00e9'.split(''), 'A', 'B'), maxLength: 16 });
  const valid = fc.uint8Array({ maxLength: 40 }).map(encodeBase64);
  const mutated = fc.tuple(valid, fc.nat(), fc.constantFrom('=', '-', '_', ' ', '*', 'A', 'B', '/')).map(([t, i, c]) =>
    t.length === 0 ? c : t.slice(0, i % t.length) + c + t.slice((i % t.length) + 1),
  );

  it('accepts exactly the texts the portable decoder accepts, with the same bytes', () => {
    fc.assert(
      fc.property(fc.oneof(near, valid, mutated), (t) => {
        const portable = decodeBase64(t);
        const node = nodeDecodeBase64(t);
        if (portable instanceof Uint8Array) expect(node === undefined ? undefined : new Uint8Array(node)).toEqual(portable);
        else expect(node).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
