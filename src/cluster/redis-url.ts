import type { Redis, RedisOptions } from 'ioredis';

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

/**
 * How a Redis connection error is logged: its name and system code (`Error ECONNREFUSED`), never its message, which
 * for a refused command may quote the command's arguments (a citizen's text in a broadcast).
 */
export function describeRedisError(error: Error): string {
  const { code } = error as Error & { code?: unknown };
  if (typeof code === 'string') {
    return `${error.name} ${code}`;
  }
  // A Redis reply error starts with its code (WRONGPASS, NOAUTH, NOPERM, READONLY…), which quotes nothing.
  const replyCode = /^([A-Z]{3,20})\b/.exec(error.message)?.[1];
  return replyCode === undefined ? error.name : `${error.name} ${replyCode}`;
}

/**
 * Listens to a connection's errors (without a listener, an « error » event would end the process: ioredis
 * reconnects by itself) and reports each different one through `warn` once per outage, as `describeRedisError`
 * gives it, until the connection is ready again: each failed retry (every 2 s or less) emits one, hundreds a minute
 * per instance, so a repeat is not reported, but a new cause is (Redis back, refusing the password).
 */
export function reportRedisErrors(connection: Redis, warn: (description: string) => void): void {
  let reported: string | undefined;
  connection.on('error', (error: Error) => {
    const description = describeRedisError(error);
    if (description !== reported) {
      reported = description;
      warn(description);
    }
  });
  connection.on('ready', () => {
    reported = undefined;
  });
}

/**
 * Thrown at start when Redis (`REDIS_URL`) does not answer: the instance cannot join the others. The message names
 * the host and port (never the password).
 */
export class RedisUnreachableError extends Error {
  constructor(purpose: string, address: string, cause: unknown) {
    super(`Redis (REDIS_URL) does not answer at ${address}, so the ${purpose} cannot start: ${isError(cause) ? describeRedisError(cause) : 'no answer'}`);
    this.name = RedisUnreachableError.name;
  }
}

/** Whether `value` is an error, from this realm or another (Node's own errors are not `instanceof Error` in a vm). */
function isError(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

/**
 * Connects a `lazyConnect` client and resolves once it is ready.
 * @throws RedisUnreachableError when the first attempt fails (the client is then disconnected: no retry loop is
 *   left behind a failed start).
 */
export async function connectOrFail(connection: Redis, purpose: string): Promise<void> {
  // The rejection only says the connection closed; the « error » event before it says why (ECONNREFUSED…).
  let cause: unknown;
  const noteCause = (error: Error) => (cause ??= error);
  connection.on('error', noteCause);
  try {
    await connection.connect();
  } catch (error: unknown) {
    connection.disconnect();
    throw new RedisUnreachableError(purpose, `${connection.options.host ?? 'localhost'}:${connection.options.port ?? 6379}`, cause ?? error);
  } finally {
    connection.off('error', noteCause);
  }
}

/** Closes Redis connections: QUIT for a ready one; one that is not ready is dropped at once (QUIT would wait for it). */
export async function closeRedis(connections: readonly Redis[]): Promise<void> {
  await Promise.all(connections.map((connection) => (connection.status === 'ready' ? connection.quit().catch(() => connection.disconnect()) : connection.disconnect())));
}

/**
 * Calls `callback` each time every one of `connections` is ready again after one or more of them was lost (not at
 * the first connection): the moment a link made of several connections works again as a whole.
 */
export function onReconnected(connections: readonly Redis[], callback: () => void): void {
  let lost = false;
  for (const connection of connections) {
    connection.on('close', () => {
      lost = true;
    });
    connection.on('ready', () => {
      if (lost && connections.every((other) => other.status === 'ready')) {
        lost = false;
        callback();
      }
    });
  }
}
