import { Redis } from 'ioredis';
import { dropFailedPublishes } from './socket-redis-adapter';

describe('dropFailedPublishes', () => {
  let redis: Redis;

  beforeEach(() => {
    // Never connected, and no offline queue: every command fails at once, as while Redis is unreachable.
    redis = new Redis({ lazyConnect: true, enableOfflineQueue: false });
  });

  afterEach(() => redis.disconnect());

  it('should resolve a publish Redis cannot take with 0 receivers, and report why', async () => {
    const drops: unknown[] = [];
    dropFailedPublishes(redis, (error) => drops.push(error));

    await expect(redis.publish('channel', 'broadcast')).resolves.toBe(0);
    expect(drops).toHaveLength(1);
  });

  it('should leave a plain client rejecting (what the socket.io adapter would not handle)', async () => {
    await expect(redis.publish('channel', 'broadcast')).rejects.toThrow(/enableOfflineQueue/);
  });
});
