// What keeps other web sites out of kinesim's own endpoints (/_kinesim/) on a server bound to this machine. A page
// the user opens elsewhere can make their browser send requests here: a cross-site "simple" POST needs no CORS
// preflight, and a site that re-points its own name at 127.0.0.1 (DNS rebinding) can even read the answers. Browsers
// always name the page's origin (Origin) on such a POST and the name they looked up (Host), so both are checked.

/**
 * Whether a request with this Host (or HTTP/2 :authority) may use kinesim's endpoints. An IP literal or
 * `localhost` is always fine; another name only when listed: a page on another site that re-points its own name
 * at this machine sends that name as its Host.
 */
export function hostAllowed(host: string | undefined, allowedHosts: readonly string[]): boolean {
  if (host === undefined || host === '') return false;
  const name = hostName(host).toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':')) return true;
  return allowedHosts.some((h) => h.toLowerCase() === name);
}

/**
 * Why a request must be refused, or undefined when it may go on: its Host is a name not allowed, or it comes from
 * a page of another origin (an Origin header, `null` included, whose host is not the request's Host). A request
 * with neither header (curl, an SDK, a test) may go on.
 */
export function foreignRequest(headers: Readonly<Record<string, string | undefined>>, allowedHosts: readonly string[]): string | undefined {
  const host = headers['host'] ?? headers[':authority'];
  if (host !== undefined && !hostAllowed(host, allowedHosts)) {
    return `kinesim refuses requests for host ${JSON.stringify(host)}: use localhost or an IP address, or list the name in allowedHosts (kinesim serve --allowed-host).`;
  }
  const origin = headers['origin'];
  if (origin !== undefined && (host === undefined || originHost(origin) !== host.toLowerCase())) {
    return `kinesim refuses requests from pages of another origin (${JSON.stringify(origin)}).`;
  }
  return undefined;
}

function originHost(origin: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)$/i.exec(origin.trim());
  return match?.[1]?.toLowerCase();
}

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') < 0 ? undefined : host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}
