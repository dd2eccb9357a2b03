import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the cluster tests use: `TEST_REDIS_URL`, or the one developer and CI machines run on loopback. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Resolves once Redis answers PING.
 * @throws Error naming the URL and how to start Redis, after 2 s without an answer (the test fails, it does not hang).
 */
export async function requireRedis(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL}: start it (redis-server --daemonize yes --save "" --appendonly no) or set TEST_REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
}

/** A channel prefix of its own for one test, so parallel test files sharing the Redis never hear each other. */
export function uniqueClusterPrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}

/** The Redis keys matching `pattern` (a `KEYS` glob), to check that nothing was stored. */
export async function redisKeys(pattern: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    return await redis.keys(pattern);
  } finally {
    redis.disconnect();
  }
}
