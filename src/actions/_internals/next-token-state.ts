// The state of a list operation's NextToken, or the AWS exception for a token that cannot be used.

import { ExpiredNextTokenException, InvalidArgumentException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import { NEXT_TOKEN_TTL_MS } from '../../model/limits.js';
import { openNextToken } from '../../tokens/next-token.js';
import type { TokenSealer } from '../../tokens/sealed-token.js';

/**
 * The state sealed in a NextToken of `kind`.
 * @throws InvalidArgumentException when the token is not one this engine issued for that operation
 * @throws ExpiredNextTokenException when it is older than NEXT_TOKEN_TTL_MS
 */
export function nextTokenState<T>(sealer: TokenSealer, kind: string, token: string, nowMs: number): T {
  const opened = openNextToken<T>(sealer, kind, token, nowMs, NEXT_TOKEN_TTL_MS);
  if ('state' in opened) return opened.state;
  if (opened.problem === 'expired') throw new ExpiredNextTokenException(msg.nextTokenExpired());
  throw new InvalidArgumentException(msg.invalidNextToken());
}
