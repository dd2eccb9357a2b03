import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { ClusterEvent } from './cluster.events';
import { redisOptionsFromUrl } from './redis-url';

/** A socket.io adapter constructor, as `Server.adapter()` takes it. */
export type SocketAdapterConstructor = ReturnType<typeof createAdapter>;

/**
 * Makes `redis.publish` resolve with 0 receivers instead of rejecting (Redis unreachable, no offline queue), after
 * calling `onDrop` with the error. socket.io's Redis adapter never handles its publish promises, so a rejection
 * would be unhandled and, with Node's default, end the process.
 */
export function dropFailedPublishes(redis: Redis, onDrop: (error: unknown) => void): void {
  const publish = redis.publish.bind(redis);
  redis.publish = ((...args: Parameters<Redis['publish']>) =>
    publish(...args).catch((error: unknown) => {
      onDrop(error);
      return 0;
    })) as Redis['publish'];
}

/**
 * socket.io's Redis adapter for the citizens' socket server when instances are joined (`REDIS_URL`): a room
 * broadcast, a join or a disconnect by room on any instance reaches the sockets of every instance (scenario S-13),
 * through the channels `<CLUSTER_PREFIX>:socket.io#…`. Publish/subscribe only: Redis stores nothing. Undefined
 * `adapter` for a single instance, which keeps socket.io's in-memory adapter.
 *
 * While Redis is unreachable, broadcasts to other instances are dropped at once (no offline queue, and the adapter's
 * unhandled publish failures are caught: they would otherwise end the process); local sockets are still served.
 * When the connection comes back after a loss, `ClusterEvent.RedisRestored` tells the citizen gateway to make its
 * sockets reconnect and catch up what they missed. The two connections close when the app shuts down.
 */
@Injectable()
export class SocketRedisAdapter implements OnApplicationShutdown {
  private readonly logger = new Logger(SocketRedisAdapter.name);
  private readonly connections: Redis[] = [];
  readonly adapter: SocketAdapterConstructor | undefined;

  constructor(config: AppConfig, events: EventEmitter2) {
    if (config.cluster === undefined) {
      return;
    }
    const publisher = new Redis({ ...redisOptionsFromUrl(config.cluster.redisUrl), enableOfflineQueue: false });
    const subscriber = new Redis(redisOptionsFromUrl(config.cluster.redisUrl));
    dropFailedPublishes(publisher, (error) => this.logger.warn(`Broadcast to other instances dropped: ${error instanceof Error ? error.name : 'Redis error'}`));
    let lost = false;
    for (const connection of [publisher, subscriber]) {
      // ioredis reconnects by itself; an unhandled « error » event would end the process.
      connection.on('error', (error: Error) => this.logger.warn(`Redis (socket.io adapter): ${error.name}`));
      this.connections.push(connection);
    }
    subscriber.on('close', () => {
      lost = true;
    });
    subscriber.on('ready', () => {
      if (lost) {
        lost = false;
        this.logger.warn('Redis is back: citizen sockets reconnect to catch up');
        events.emit(ClusterEvent.RedisRestored);
      }
    });
    this.adapter = createAdapter(publisher, subscriber, { key: `${config.cluster.prefix}:socket.io` });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
