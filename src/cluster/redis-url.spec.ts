import { describeRedisError, redisOptionsFromUrl } from './redis-url';

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
  it('should give the name and system code, never the message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    const replied = Object.assign(new Error("ERR wrong number of arguments for 'publish' command: Mon voisin me menace"), { name: 'ReplyError' });

    expect(describeRedisError(refused)).toBe('Error ECONNREFUSED');
    expect(describeRedisError(replied)).toBe('ReplyError');
  });
});
