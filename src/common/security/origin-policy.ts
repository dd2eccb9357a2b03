import type { IncomingHttpHeaders } from 'node:http';
import { lastForwardedValue } from './client-address';

/** Which browser origins may use the sockets, from the settings `ALLOWED_ORIGINS` and `TRUST_PROXY`. */
export interface OriginPolicy {
  /** Origins allowed besides the service's own, as `URL.origin` gives them (`https://host[:port]`). */
  allowedOrigins: readonly string[];
  /** Whether `X-Forwarded-Host` (last entry) also names the service's own host, behind one reverse proxy. */
  trustProxy: boolean;
}

/**
 * Whether a socket.io request may go on, judged by its `Origin` header.
 *
 * - No `Origin`: allowed. Browsers always send it on WebSocket and cross-origin requests; other clients can write
 *   any header, so refusing them would protect nothing.
 * - An `Origin` whose `host[:port]` equals the `Host` the request was sent to (or, with `trustProxy`, the last
 *   `X-Forwarded-Host`): allowed, it is the service's own page. The scheme is not compared because a proxy that ends
 *   TLS forwards `https` pages over `http`.
 * - An `Origin` listed in `allowedOrigins`: allowed.
 * - Anything else, including `null` (sandboxed frames, files) and unparsable values: refused.
 */
export function isOriginAllowed(headers: IncomingHttpHeaders, policy: OriginPolicy): boolean {
  const origin = headers.origin;
  if (origin === undefined) {
    return true;
  }
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const ownHosts = [headers.host, policy.trustProxy ? lastForwardedValue(headers['x-forwarded-host']) : undefined];
  return ownHosts.some((host) => host !== undefined && host.toLowerCase() === url.host) || policy.allowedOrigins.includes(url.origin);
}
