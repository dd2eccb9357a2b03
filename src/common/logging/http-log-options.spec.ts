import { createServer, type Server } from 'node:http';
import { type HttpLogger, pinoHttp } from 'pino-http';
import request from 'supertest';
import { httpLogOptions } from './http-log-options';

/** A pino-http logger built with the service's options at `debug`, writing its lines, parsed, to `lines`. */
function loggerInto(lines: Record<string, unknown>[]): HttpLogger {
  return pinoHttp(httpLogOptions('debug'), { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
}

/** An HTTP server that logs every request with `logger` and answers `statusCode` with a cookie. */
function serverAnswering(logger: HttpLogger, statusCode: number): Server {
  return createServer((req, res) => {
    logger(req, res);
    res.statusCode = statusCode;
    res.setHeader('set-cookie', 'session=SECRET');
    res.end('{}');
  });
}

describe(httpLogOptions.name, () => {
  it('should log a request with its id, method, path, user agent and status only', async () => {
    const lines: Record<string, unknown>[] = [];
    const server = serverAnswering(loggerInto(lines), 200);

    await request(server)
      .post('/api/v1/triage?explain=1&q=SECRET')
      .set({ authorization: 'Bearer SECRET', cookie: 'session=SECRET', 'user-agent': 'Firefox', 'x-forwarded-for': '198.51.100.1' })
      .send({ text: 'SECRET' });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'POST', url: '/api/v1/triage', userAgent: 'Firefox' }, res: { statusCode: 200 } });
    expect(Object.keys(lines[0].req as object).sort()).toEqual(['id', 'method', 'url', 'userAgent']);
    expect(Object.keys(lines[0].res as object)).toEqual(['statusCode']);
    expect(JSON.stringify(lines)).not.toMatch(/SECRET|198\.51\.100\.1|127\.0\.0\.1/);
  });

  it.each([
    [404, 40],
    [503, 50],
  ])('should log an answer %i at level %i', async (statusCode, level) => {
    const lines: Record<string, unknown>[] = [];

    await request(serverAnswering(loggerInto(lines), statusCode)).get('/nowhere');

    expect(lines).toEqual([expect.objectContaining({ level, res: { statusCode } })]);
  });

  it('should redact passwords, message text and notes in any object a log line carries', () => {
    const lines: Record<string, unknown>[] = [];
    const sut = loggerInto(lines).logger;

    sut.debug({ payload: { text: 'SECRET', password: 'SECRET', currentPassword: 'SECRET', newPassword: 'SECRET', note: 'SECRET', length: 6 } }, 'payload');
    sut.debug({ req: { url: '/x?q=SECRET', headers: { authorization: 'Bearer SECRET', cookie: 'SECRET' } } }, 'request-like object');

    expect(lines[0]).toMatchObject({ level: 20, payload: { text: '[redacted]', password: '[redacted]', note: '[redacted]', length: 6 } });
    expect(lines[1]).toMatchObject({ req: { url: '/x' } });
    expect(JSON.stringify(lines)).not.toContain('SECRET');
  });
});
