import { Redis } from 'ioredis';
import { dropFailedCommands } from './socket-redis-adapter';

describe('dropFailedCommands', () => {
  let redis: Redis;

  beforeEach(() => {
    // Never connected, and no offline queue: every command fails at once, as while Redis is unreachable.
    redis = new Redis({ lazyConnect: true, enableOfflineQueue: false });
  });

  afterEach(() => redis.disconnect());

  it('should resolve the commands Redis cannot take with 0, and report why', async () => {
    const drops: unknown[] = [];
    dropFailedCommands(redis, ['publish', 'punsubscribe'], (error) => drops.push(error));

    await expect(redis.publish('channel', 'broadcast')).resolves.toBe(0);
    await expect(redis.punsubscribe('channel*')).resolves.toBe(0);
    expect(drops).toHaveLength(2);
  });

  it('should leave a plain client rejecting (what the socket.io adapter would not handle)', async () => {
    await expect(redis.publish('channel', 'broadcast')).rejects.toThrow(/enableOfflineQueue/);
  });
});
