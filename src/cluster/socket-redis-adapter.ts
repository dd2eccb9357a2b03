import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { closeRedis, connectOrFail, redisOptionsFromUrl, reportRedisErrors } from './redis-url';

/** A socket.io adapter constructor, as `Server.adapter()` takes it. */
export type SocketAdapterConstructor = ReturnType<typeof createAdapter>;

/** The commands socket.io's Redis adapter (8.3) sends without ever handling their promise. */
type UnhandledCommand = 'publish' | 'unsubscribe' | 'punsubscribe';

/**
 * Makes each of `commands` of `redis` resolve with 0 instead of rejecting (Redis unreachable, or the connection
 * dropped at shutdown), after calling `onDrop` with the error. socket.io's Redis adapter never handles these
 * promises (its broadcasts, and its unsubscribes when the server closes), so a rejection would be unhandled and,
 * with Node's default, end the process.
 */
export function dropFailedCommands(redis: Redis, commands: readonly UnhandledCommand[], onDrop: (error: unknown) => void): void {
  for (const command of commands) {
    const send = (redis[command] as (...args: unknown[]) => Promise<unknown>).bind(redis);
    (redis as unknown as Record<UnhandledCommand, (...args: unknown[]) => Promise<unknown>>)[command] = (...args: unknown[]) =>
      send(...args).catch((error: unknown) => {
        onDrop(error);
        return 0;
      });
  }
}

/**
 * socket.io's Redis adapter for the citizens' socket server when instances are joined (`REDIS_URL`): a room
 * broadcast, a join or a disconnect by room on any instance reaches the sockets of every instance (scenario S-13),
 * through the channels `<CLUSTER_PREFIX>:socket.io#…`. Publish/subscribe only: Redis stores nothing. Undefined
 * `adapter` for a single instance, which keeps socket.io's in-memory adapter. Build it with `create`, which connects
 * first: subscriptions made on a connection that is not ready yet were seen lost at start.
 *
 * While Redis is unreachable, broadcasts to other instances are dropped at once (no offline queue, and the adapter's
 * unhandled publish failures are caught: they would otherwise end the process); local sockets are still served.
 * Until both connections are back after a loss, `linked` is false (`CoreBus` then has the sockets catch up what they
 * missed). The two connections close when the app shuts down.
 */
@Injectable()
export class SocketRedisAdapter implements OnApplicationShutdown {
  /** The adapter's publisher and subscriber (none for a single instance). */
  readonly connections: readonly Redis[];

  private constructor(
    readonly adapter: SocketAdapterConstructor | undefined,
    connections: readonly Redis[] = [],
  ) {
    this.connections = connections;
  }

  /**
   * Whether a join, a disconnect or a broadcast by room would now reach the sockets of other instances: both
   * connections are ready (always true for a single instance).
   */
  get linked(): boolean {
    return this.connections.every((connection) => connection.status === 'ready');
  }

  /**
   * Connects both Redis connections before the adapter subscribes, with `REDIS_URL`; none for a single instance.
   * @throws RedisUnreachableError when Redis does not answer at start.
   */
  static async create(config: AppConfig): Promise<SocketRedisAdapter> {
    if (config.cluster === undefined) {
      return new SocketRedisAdapter(undefined);
    }
    const options = { ...redisOptionsFromUrl(config.cluster.redisUrl), lazyConnect: true };
    const publisher = new Redis({ ...options, enableOfflineQueue: false });
    const subscriber = new Redis(options);
    const logger = new Logger(SocketRedisAdapter.name);
    for (const connection of [publisher, subscriber]) {
      reportRedisErrors(connection, (description) => logger.warn(`Redis (socket.io adapter): ${description}; retrying`));
    }
    await connectOrFail(publisher, 'socket.io adapter');
    await connectOrFail(subscriber, 'socket.io adapter').catch((error: unknown) => {
      publisher.disconnect();
      throw error;
    });
    dropFailedCommands(publisher, ['publish'], (error) => logger.warn(`Broadcast to other instances dropped: ${error instanceof Error ? error.name : 'Redis error'}`));
    dropFailedCommands(subscriber, ['unsubscribe', 'punsubscribe'], () => undefined);
    return new SocketRedisAdapter(createAdapter(publisher, subscriber, { key: `${config.cluster.prefix}:socket.io` }), [publisher, subscriber]);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.connections);
  }
}
