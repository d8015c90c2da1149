// The console's guards: the reserved path prefix, which Host headers may reach it, the per-process token its
// state-changing calls carry, and the headers every console answer gets (no CORS header, ever).

export { hostAllowed } from '../protocol/local-request-guard.js';

/** kinesim's own endpoints live under this prefix; every other path keeps AWS's answers. */
export const KINESIM_PREFIX = '/_kinesim/';

/** The header the console's page sends its token in. A custom header also forces a CORS preflight, which fails. */
export const TOKEN_HEADER = 'x-kinesim-token';

/** The path of a request URL, without its query. */
export function pathOf(url: string): string {
  const q = url.search(/[?#]/);
  return q < 0 ? url : url.slice(0, q);
}

/** Whether `url` is under the reserved prefix (or is the prefix without its slash). */
export function isKinesimPath(url: string): boolean {
  const path = pathOf(url);
  return path === '/_kinesim' || path.startsWith(KINESIM_PREFIX);
}

/** Compares two strings in time independent of where they differ. */
export function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined || given.length !== token.length) return false;
  let diff = 0;
  for (let i = 0; i < token.length; i++) diff |= given.charCodeAt(i) ^ token.charCodeAt(i);
  return diff === 0;
}

/**
 * Sent with every console answer: nothing is cached (the page carries the token), no other site may frame it
 * or load its scripts, and the page may only talk to its own origin.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};
