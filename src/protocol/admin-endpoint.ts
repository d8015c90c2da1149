// kinesim's own HTTP endpoints under the reserved prefix /_kinesim/ (never an AWS path): fault rules, the call
// history and snapshots of a running server, for tests that drive a server from another process or language.
// Transport-free like the rest of the protocol layer. Answers are JSON (the snapshot: its bytes).
//
//   GET    /_kinesim/faults          {"rules":[{"id":1,"rule":{...},"fired":0}, ...]}
//   POST   /_kinesim/faults          body: a fault rule (see FaultRule) -> {"id":1}; 400 {"message"} for a bad rule
//   DELETE /_kinesim/faults          removes every rule -> {}
//   DELETE /_kinesim/faults/<id>     removes one -> {}; 404 when no such rule is in force
//   GET    /_kinesim/history         {"recording":true,"calls":[...]} (see CallRecord)
//   POST   /_kinesim/history/start   body (optional): {"limit":1000} -> {}
//   POST   /_kinesim/history/stop    -> {}
//   POST   /_kinesim/history/clear   -> {}
//   GET    /_kinesim/snapshot        the engine's snapshot (application/octet-stream; Kinesis.restore reads it)

import { parseJsonObject } from '../encoding/json-object.js';
import { decodeUtf8 } from '../encoding/utf8-decode.js';
import type { FaultRule } from '../faults/fault-rule.js';
import type { Kinesis } from '../kinesis.js';
import type { HttpRequest } from './http-edge.js';
import { foreignRequest } from './local-request-guard.js';
import { textResponse, wireResponse, type WireResponse } from './wire-message.js';

const ADMIN_PREFIX = '/_kinesim/';

const JSON_TYPE = 'application/json';

/**
 * The answer to a request for one of the endpoints above, or undefined when the request's path is not one of
 * them (other paths, /_kinesim/ ones included, are left to whoever serves them). A request another web site's page
 * could have made (a Host name not in `allowedHosts`, or an Origin of another site) is refused with 403, so a page
 * open in the user's browser can neither inject faults nor read a snapshot (local-request-guard.ts).
 */
export function answerAdminRequest(kinesis: Kinesis, request: HttpRequest, allowedHosts: readonly string[] = []): WireResponse | undefined {
  if (!request.url.startsWith(ADMIN_PREFIX)) return undefined;
  const path = request.url.slice(ADMIN_PREFIX.length).split('?')[0]!.replace(/\/+$/, '');
  const [resource, ...rest] = path.split('/');
  if (resource !== 'faults' && resource !== 'history' && resource !== 'snapshot') return undefined;
  const refused = foreignRequest(request.headers, allowedHosts);
  const answer = refused !== undefined ? json(403, { message: refused }) : answerAdmin(kinesis, request, resource, rest);
  answer.headers['cache-control'] = 'no-store';
  answer.headers['x-content-type-options'] = 'nosniff';
  return answer;
}

function answerAdmin(kinesis: Kinesis, request: HttpRequest, resource: string, rest: string[]): WireResponse {
  switch (resource) {
    case 'faults':
      return faults(kinesis, request, rest);
    case 'history':
      return history(kinesis, request, rest);
    case 'snapshot':
      if (rest.length > 0) return notFound(request);
      if (request.method !== 'GET') return notAllowed(request, 'GET');
      return wireResponse(200, kinesis.snapshot(), 'application/octet-stream');
    default:
      return notFound(request);
  }
}

function faults(kinesis: Kinesis, request: HttpRequest, rest: string[]): WireResponse {
  if (rest.length === 1) {
    if (request.method !== 'DELETE') return notAllowed(request, 'DELETE');
    const id = /^\d+$/.test(rest[0]!) ? Number(rest[0]) : NaN;
    return kinesis.faults.remove(id) ? json(200, {}) : json(404, { message: `no fault rule ${rest[0]} is in force` });
  }
  if (rest.length > 1) return notFound(request);
  switch (request.method) {
    case 'GET':
      return json(200, { rules: kinesis.faults.rules });
    case 'DELETE':
      kinesis.faults.clear();
      return json(200, {});
    case 'POST': {
      const rule = body(request);
      if (rule instanceof Error) return json(400, { message: rule.message });
      try {
        return json(200, { id: kinesis.faults.inject(rule as FaultRule).id });
      } catch (error) {
        if (error instanceof RangeError || error instanceof TypeError) return json(400, { message: error.message });
        throw error;
      }
    }
    default:
      return notAllowed(request, 'GET, POST, DELETE');
  }
}

function history(kinesis: Kinesis, request: HttpRequest, rest: string[]): WireResponse {
  const action = rest[0];
  if (rest.length > 1) return notFound(request);
  if (action === undefined) {
    if (request.method !== 'GET') return notAllowed(request, 'GET');
    return json(200, { recording: kinesis.history.recording, calls: kinesis.history.calls });
  }
  if (!['start', 'stop', 'clear'].includes(action)) return notFound(request);
  if (request.method !== 'POST') return notAllowed(request, 'POST');
  if (action === 'stop') kinesis.history.stop();
  if (action === 'clear') kinesis.history.clear();
  if (action === 'start') {
    const options = request.body.byteLength === 0 ? {} : body(request);
    if (options instanceof Error) return json(400, { message: options.message });
    try {
      kinesis.history.start(options as { limit?: number });
    } catch (error) {
      if (error instanceof RangeError) return json(400, { message: error.message });
      throw error;
    }
  }
  return json(200, {});
}

/** The request's JSON object body, or an Error saying why there is none. */
function body(request: HttpRequest): object | Error {
  const text = decodeUtf8(request.body);
  return (text === undefined ? undefined : parseJsonObject(text)) ?? new Error('the body must be a JSON object');
}

function json(statusCode: number, value: unknown): WireResponse {
  return textResponse(statusCode, JSON.stringify(value), JSON_TYPE);
}

function notFound(request: HttpRequest): WireResponse {
  return json(404, { message: `no kinesim endpoint ${request.url}` });
}

function notAllowed(request: HttpRequest, allowed: string): WireResponse {
  const response = json(405, { message: `${request.method} is not allowed on ${request.url.split('?')[0]}; use ${allowed}` });
  response.headers['allow'] = allowed;
  return response;
}
