// NextTokens of the list operations: sealed, kind-tagged, and valid for a fixed time by the engine's clock.

import { asciiBytes, asciiString, type TokenSealer } from './sealed-token.js';

/** Why a NextToken was refused: not one this engine issued for the operation, or too old. */
export type NextTokenProblem = 'invalid' | 'expired';

/** A NextToken's state, or why it cannot be used. */
export type OpenedNextToken<T> = { readonly state: T } | { readonly problem: NextTokenProblem };

/** Seals `state` (JSON of ASCII content: names, IDs, numbers) into a NextToken of one list operation. */
export function encodeNextToken(sealer: TokenSealer, kind: string, state: object, nowMs: number): string {
  return sealer.seal(asciiBytes(JSON.stringify({ k: kind, t: nowMs, s: state })));
}

/** The state sealed in a NextToken of `kind`, or the problem: invalid, or older than `ttlMs` at `nowMs`. */
export function openNextToken<T>(sealer: TokenSealer, kind: string, token: string, nowMs: number, ttlMs: number): OpenedNextToken<T> {
  const payload = sealer.open(token);
  let parsed: { k?: unknown; t?: unknown; s?: unknown } | undefined;
  try {
    parsed = payload === undefined ? undefined : JSON.parse(asciiString(payload));
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || parsed === null || parsed.k !== kind || typeof parsed.t !== 'number') return { problem: 'invalid' };
  if (nowMs - parsed.t > ttlMs) return { problem: 'expired' };
  return { state: parsed.s as T };
}
