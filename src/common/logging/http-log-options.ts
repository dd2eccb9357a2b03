import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LevelWithSilent, SerializedRequest, SerializedResponse } from 'pino';
import type { Options } from 'pino-http';

/**
 * Paths pino replaces with `[redacted]` in every log line, whatever logged it: the credentials of a request, and
 * any object field holding a password, message text (`text`) or a transfer note (`note`). The request serializer
 * already drops headers and the service logs no payload; these paths are the second lock.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.text',
  '*.note',
];

/** What a request log line says of the request: no query string, body, cookie, address or header but the browser. */
export interface LoggedRequest {
  id: string | undefined;
  method: string;
  /** The path only: the query string is cut off. */
  url: string;
  userAgent: string | undefined;
}

/**
 * `req` of log lines: method, path without the query string, request id and user agent. Also applied to any other
 * object logged under `req`, so it tolerates missing fields.
 */
export function serializeRequest(req: Partial<SerializedRequest>): LoggedRequest {
  return { id: req.id, method: req.method ?? '', url: (req.url ?? '').split('?', 1)[0], userAgent: req.headers?.['user-agent'] };
}

/** `res` of request log lines: the status code only (no header, so no cookie). */
export function serializeResponse(res: SerializedResponse): { statusCode: number } {
  return { statusCode: res.statusCode };
}

/**
 * pino-http options of the service (pino 10, pino-http 11): `level` as given, one line per request at the end
 * (`request completed`, with the serialized `req` and `res` and `responseTime` in ms) at `info`, `warn` for 4xx
 * and `error` for 5xx answers; logs written while a request is handled carry its `reqId` only; `REDACTED_PATHS`
 * are redacted everywhere. Bodies are never logged: neither pino-http nor the serializers read them.
 */
export function httpLogOptions(level: LevelWithSilent): Options<IncomingMessage, ServerResponse> {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: { req: serializeRequest, res: serializeResponse },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    quietReqLogger: true,
  };
}
