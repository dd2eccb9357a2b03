import type { RedisOptions } from 'ioredis';

/**
 * ioredis connection options of a `redis://[user:password@]host[:port][/db]` or `rediss://…` URL (`REDIS_URL`,
 * already validated as such by `AppConfig`): port 6379 and database 0 by default, TLS for `rediss:`.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = Number.parseInt(parsed.pathname.replace(/^\//, '') || '0', 10);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 6379 : Number.parseInt(parsed.port, 10),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db: Number.isNaN(db) ? 0 : db,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
