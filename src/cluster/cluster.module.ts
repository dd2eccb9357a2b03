import { Global, Module } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppConfig } from '../config/app-config';
import { CoreBus } from './core-bus';
import { SocketRedisAdapter } from './socket-redis-adapter';

/** How instances join (`REDIS_URL`, `INSTANCE_ROLE`): the core bus and socket.io's Redis adapter. */
@Global()
@Module({
  providers: [
    CoreBus,
    { provide: SocketRedisAdapter, inject: [AppConfig, EventEmitter2], useFactory: (config: AppConfig, events: EventEmitter2) => SocketRedisAdapter.create(config, events) },
  ],
  exports: [CoreBus, SocketRedisAdapter],
})
export class ClusterModule {}
