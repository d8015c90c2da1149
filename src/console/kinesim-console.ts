// The console's request handler, transport-free: answers the paths it owns under /_kinesim/ (the page, its script
// and style, /_kinesim/health, the JSON API) and leaves every other request to the server. A server routes to it
// before AWS's protocol, so AWS's paths keep AWS's answers.

import type { Kinesis } from '../kinesis.js';
import type { HttpRequest } from '../protocol/http-edge.js';
import { textResponse, wireResponse, type WireResponse } from '../protocol/wire-message.js';
import { WireProtocol } from '../protocol/wire-protocol.js';
import { KINESIM_VERSION } from '../version.js';
import { answerApi, json } from './console-api.js';
import { consolePage } from './console-page.js';
import { hostAllowed, KINESIM_PREFIX, pathOf, sameToken, SECURITY_HEADERS, TOKEN_HEADER } from './console-security.js';
import { CONSOLE_STYLE } from './console-style.js';

export interface ConsoleOptions {
  readonly kinesis: Kinesis;
  /**
   * Proves a call comes from the console's own page: embedded in the page, required on every API call. Make it
   * random per process (at least 128 bits); the server does, with node:crypto.
   */
  readonly token: string;
  /** Host names besides IP literals and localhost that may reach the console (e.g. a container's service name). */
  readonly allowedHosts?: readonly string[];
}

const API_PREFIX = `${KINESIM_PREFIX}api/`;

export class KinesimConsole {
  readonly #kinesis: Kinesis;
  readonly #token: string;
  readonly #allowedHosts: readonly string[];
  readonly #script: string;
  readonly #wire: WireProtocol;

  /** `script` is the page's client code (src/console/index.ts supplies it). */
  constructor(options: ConsoleOptions, script: string) {
    if (options.token.length < 16) throw new RangeError('The console token must be at least 16 characters (make it random per process).');
    this.#kinesis = options.kinesis;
    this.#token = options.token;
    this.#allowedHosts = options.allowedHosts ?? [];
    this.#script = script;
    this.#wire = new WireProtocol(options.kinesis);
  }

  /** The answer to a request under /_kinesim/ that the console owns; undefined for any other request. */
  handle(request: HttpRequest): WireResponse | undefined {
    const path = pathOf(request.url);
    if (path === '/_kinesim') return secured(redirect(KINESIM_PREFIX));
    if (path === `${KINESIM_PREFIX}health`) return secured(this.#health(request));
    if (!isOwned(path)) return undefined;
    const host = request.headers['host'] ?? request.headers[':authority'];
    if (!hostAllowed(host, this.#allowedHosts)) {
      const message = `The kinesim console refuses requests for host ${JSON.stringify(host ?? '')}: use localhost or an IP address, or list the name in allowedHosts.`;
      return secured(path.startsWith(API_PREFIX) ? json(403, { __type: 'AccessDeniedException', message }) : textResponse(403, `${message}\n`, 'text/plain; charset=utf-8'));
    }
    return secured(path.startsWith(API_PREFIX) ? this.#api(request, path.slice(API_PREFIX.length)) : this.#asset(request, path));
  }

  #health(request: HttpRequest): WireResponse {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    const nowMs = this.#kinesis.clock.now();
    return json(200, { ok: true, version: KINESIM_VERSION, engineTimeMs: nowMs, engineTime: new Date(nowMs).toISOString() });
  }

  #asset(request: HttpRequest, path: string): WireResponse {
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    if (path === KINESIM_PREFIX) return textResponse(200, consolePage(this.#token), 'text/html; charset=utf-8');
    if (path === `${KINESIM_PREFIX}console.js`) return textResponse(200, this.#script, 'text/javascript; charset=utf-8');
    return textResponse(200, CONSOLE_STYLE, 'text/css; charset=utf-8');
  }

  #api(request: HttpRequest, action: string): WireResponse {
    if (request.method !== 'POST') return methodNotAllowed('POST');
    // State-changing or not, every API call needs the token: reads can cost (GetRecords counts against limits).
    if (!sameToken(request.headers[TOKEN_HEADER], this.#token)) {
      return json(403, { __type: 'AccessDeniedException', message: 'The kinesim console token is missing or wrong: reload the console page.' });
    }
    return answerApi(this.#kinesis, this.#wire, action, request.body);
  }
}

/** Paths the console answers (besides /_kinesim and health): the page, its two assets, the API. */
function isOwned(path: string): boolean {
  return path === KINESIM_PREFIX || path === `${KINESIM_PREFIX}console.js` || path === `${KINESIM_PREFIX}console.css` || path.startsWith(API_PREFIX);
}

function secured(response: WireResponse): WireResponse {
  Object.assign(response.headers, SECURITY_HEADERS);
  return response;
}

function redirect(location: string): WireResponse {
  const response = wireResponse(308, new Uint8Array(0));
  response.headers['location'] = location;
  return response;
}

function methodNotAllowed(allow: string): WireResponse {
  const response = textResponse(405, `Method not allowed here; use ${allow}.\n`, 'text/plain; charset=utf-8');
  response.headers['allow'] = allow;
  return response;
}

/** The answer for a path under /_kinesim/ that nothing serves (a server sends it when no handler claimed the path). */
export function kinesimNotFound(url: string, consoleServed = true): WireResponse {
  const where = consoleServed ? `the console is at ${KINESIM_PREFIX}` : 'this server runs without its console (kinesim serve --console=false)';
  return secured(json(404, { __type: 'NotFound', message: `kinesim serves nothing at ${pathOf(url)}; ${where}.` }));
}
