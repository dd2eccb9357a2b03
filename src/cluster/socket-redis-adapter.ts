import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from './redis-url';

/** A socket.io adapter constructor, as `Server.adapter()` takes it. */
export type SocketAdapterConstructor = ReturnType<typeof createAdapter>;

/**
 * socket.io's Redis adapter when instances are joined (`REDIS_URL`): a room broadcast, a join or a disconnect by room
 * on any instance reaches the sockets of every instance (scenario S-13), through the channels
 * `<CLUSTER_PREFIX>:socket.io#…`. Publish/subscribe only: Redis stores nothing. Undefined `adapter` for a single
 * instance, which keeps socket.io's in-memory adapter. The two connections close when the app shuts down.
 */
@Injectable()
export class SocketRedisAdapter implements OnApplicationShutdown {
  private readonly logger = new Logger(SocketRedisAdapter.name);
  private readonly connections: Redis[] = [];
  readonly adapter: SocketAdapterConstructor | undefined;

  constructor(config: AppConfig) {
    if (config.cluster === undefined) {
      return;
    }
    const publisher = new Redis(redisOptionsFromUrl(config.cluster.redisUrl));
    const subscriber = publisher.duplicate();
    for (const connection of [publisher, subscriber]) {
      // ioredis reconnects by itself; an unhandled « error » event would end the process.
      connection.on('error', (error: Error) => this.logger.warn(`Redis (socket.io adapter): ${error.name}`));
      this.connections.push(connection);
    }
    this.adapter = createAdapter(publisher, subscriber, { key: `${config.cluster.prefix}:socket.io` });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
