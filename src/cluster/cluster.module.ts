import { Global, Module } from '@nestjs/common';
import { CoreBus } from './core-bus';
import { SocketRedisAdapter } from './socket-redis-adapter';

/** How instances join (`REDIS_URL`, `INSTANCE_ROLE`): the core bus and socket.io's Redis adapter. */
@Global()
@Module({
  providers: [CoreBus, SocketRedisAdapter],
  exports: [CoreBus, SocketRedisAdapter],
})
export class ClusterModule {}
