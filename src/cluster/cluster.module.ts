import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CoreBus } from './core-bus';
import { SocketRedisAdapter } from './socket-redis-adapter';

/** How instances join (`REDIS_URL`, `INSTANCE_ROLE`): the core bus and socket.io's Redis adapter. */
@Global()
@Module({
  providers: [
    CoreBus,
    { provide: SocketRedisAdapter, inject: [AppConfig], useFactory: (config: AppConfig) => SocketRedisAdapter.create(config) },
  ],
  exports: [CoreBus, SocketRedisAdapter],
})
export class ClusterModule {}
