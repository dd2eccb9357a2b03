/** Events of the instances' link (`EventEmitter2`, in-process). */
export const ClusterEvent = {
  /**
   * The Redis connection came back after a loss: broadcasts of the meantime may have been dropped, so citizen
   * sockets should reconnect and catch up with `lastSeq`.
   */
  RedisRestored: 'cluster.redis-restored',
  /** An edge learned that the core started again (new boot id): the conversations it held are gone. */
  CoreRestarted: 'cluster.core-restarted',
} as const;
