import { once } from 'node:events';
import { Redis } from 'ioredis';
import { requireRedis, TEST_REDIS_URL } from '../../test/support/redis';
import { connectOrFail, describeRedisError, onReconnected, RedisUnreachableError, redisOptionsFromUrl, reportRedisErrors } from './redis-url';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials and database', () => {
    expect(redisOptionsFromUrl('redis://chat:p%40ss@redis.internal:6380/2')).toEqual({
      host: 'redis.internal',
      port: 6380,
      username: 'chat',
      password: 'p@ss',
      db: 2,
    });
  });

  it('defaults to port 6379 and database 0, and uses TLS for rediss', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(redisOptionsFromUrl('rediss://[::1]:6390')).toEqual({ host: '::1', port: 6390, db: 0, tls: {} });
  });
});

describe('describeRedisError', () => {
  it('should give the name and the system or reply code, never the rest of the message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    const replied = Object.assign(new Error("ERR wrong number of arguments for 'publish' command: Mon voisin me menace"), { name: 'ReplyError' });

    expect(describeRedisError(refused)).toBe('Error ECONNREFUSED');
    expect(describeRedisError(replied)).toBe('ReplyError ERR');
    expect(describeRedisError(Object.assign(new Error('WRONGPASS invalid username-password pair'), { name: 'ReplyError' }))).toBe('ReplyError WRONGPASS');
  });
});

describe('onReconnected', () => {
  let connections: Redis[];

  beforeAll(async () => {
    await requireRedis();
  });

  beforeEach(async () => {
    connections = [new Redis(TEST_REDIS_URL, { lazyConnect: true }), new Redis(TEST_REDIS_URL, { lazyConnect: true })];
    await Promise.all(connections.map((connection) => connection.connect()));
  });

  afterEach(() => {
    for (const connection of connections) {
      connection.disconnect();
    }
  });

  it('should call back only once every connection is ready again after one or more were lost', async () => {
    const [first, second] = connections;
    const calls: string[] = [];
    onReconnected(connections, () => calls.push([first.status, second.status].join()));

    const ended = Promise.all([once(first, 'end'), once(second, 'end')]);
    first.disconnect();
    second.disconnect();
    await ended;
    await first.connect();
    expect(calls).toEqual([]);
    await second.connect();
    expect(calls).toEqual(['ready,ready']);

    const endedAgain = once(second, 'end');
    second.disconnect();
    await endedAgain;
    await second.connect();
    expect(calls).toEqual(['ready,ready', 'ready,ready']);
  });
});

describe('connectOrFail', () => {
  it('should name the address and the system error of a Redis that does not answer, never the password', async () => {
    const connection = new Redis({ ...redisOptionsFromUrl('redis://chat:s3cret-password@127.0.0.1:1'), lazyConnect: true });
    connection.on('error', () => undefined);

    const failure = connectOrFail(connection, 'core bus');

    await expect(failure).rejects.toThrow(RedisUnreachableError);
    await expect(failure).rejects.toThrow('Redis (REDIS_URL) does not answer at 127.0.0.1:1, so the core bus cannot start: Error ECONNREFUSED');
    await expect(failure).rejects.not.toThrow('s3cret');
  });
});

describe('reportRedisErrors', () => {
  it('should report each cause once per outage, and again after the connection was ready', async () => {
    const connection = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, retryStrategy: () => 10 });
    const reports: string[] = [];
    reportRedisErrors(connection, (description) => reports.push(description));
    let errors = 0;
    const threeErrors = new Promise<void>((resolve) =>
      connection.on('error', () => {
        errors += 1;
        if (errors === 3) {
          resolve();
        }
      }),
    );
    connection.connect().catch(() => undefined);
    await threeErrors;
    const wrongPassword = Object.assign(new Error('WRONGPASS invalid username-password pair'), { name: 'ReplyError' });
    connection.emit('error', wrongPassword);
    connection.emit('error', wrongPassword);
    connection.emit('ready');
    connection.emit('error', wrongPassword);
    connection.disconnect();

    expect(reports).toEqual(['Error ECONNREFUSED', 'ReplyError WRONGPASS', 'ReplyError WRONGPASS']);
  });
});
