import type { IncomingHttpHeaders } from 'node:http';

/** What the server knows of a request's sender: the TCP peer's address and the request headers. */
export interface RequestSender {
  address: string;
  headers: IncomingHttpHeaders;
}

/** Last entry of a comma-separated forwarding header (`X-Forwarded-For`, `X-Forwarded-Host`), or undefined. */
export function lastForwardedValue(header: string | string[] | undefined): string | undefined {
  const last = [header ?? []].flat().join(',').split(',').pop()?.trim();
  return last ? last : undefined;
}

/**
 * The client's IP address, the key of the per-address limits.
 *
 * With `trustProxy` (setting `TRUST_PROXY`: one reverse proxy in front, which appends the address it saw), the last
 * entry of `X-Forwarded-For`; the entries before it are written by the client and could be forged. Otherwise, or
 * when the header is missing or blank, `address`, the TCP peer (a socket's `handshake.address`). Express reads
 * `req.ip` the same way: `configureApp` sets its `trust proxy` to one hop.
 */
export function clientAddress({ address, headers }: RequestSender, trustProxy: boolean): string {
  return (trustProxy ? lastForwardedValue(headers['x-forwarded-for']) : undefined) ?? address;
}
