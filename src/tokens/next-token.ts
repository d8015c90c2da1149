// NextTokens of the list operations: sealed, kind-tagged, and valid for 300 s by the engine's clock.

import { ExpiredNextTokenException, InvalidArgumentException } from '../errors/kinesis-error.js';
import { msg } from '../errors/messages.js';
import { asciiBytes, asciiString, type TokenSealer } from './sealed-token.js';

/** NextTokens expire 300 s after they are issued (ListShards, ListStreams, ListStreamConsumers). */
export const NEXT_TOKEN_TTL_MS = 300_000;

/** Seals `state` (JSON of ASCII content: names, IDs, numbers) into a NextToken of one list operation. */
export function encodeNextToken(sealer: TokenSealer, kind: string, state: object, nowMs: number): string {
  return sealer.seal(asciiBytes(JSON.stringify({ k: kind, t: nowMs, s: state })));
}

/**
 * The state sealed in a NextToken of `kind`.
 * @throws InvalidArgumentException when the token is not one this engine issued for that operation
 * @throws ExpiredNextTokenException when it is older than 300 s
 */
export function decodeNextToken<T>(sealer: TokenSealer, kind: string, token: string, nowMs: number): T {
  const payload = sealer.open(token);
  let parsed: { k?: unknown; t?: unknown; s?: unknown } | undefined;
  try {
    parsed = payload === undefined ? undefined : JSON.parse(asciiString(payload));
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || parsed === null || parsed.k !== kind || typeof parsed.t !== 'number') {
    throw new InvalidArgumentException(msg.invalidNextToken());
  }
  if (nowMs - parsed.t > NEXT_TOKEN_TTL_MS) throw new ExpiredNextTokenException(msg.nextTokenExpired());
  return parsed.s as T;
}
