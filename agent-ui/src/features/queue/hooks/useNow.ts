import { useEffect, useReducer } from 'react';
import { serverNow } from '../../../lib/server-clock';

/**
 * The server's current time as the console estimates it (`serverNow`, ms since the epoch), read at every render
 * (so a queue snapshot that sharpens the estimate shows at once) and re-rendered every `intervalMs` (default 5 s)
 * while mounted: waiting times compare it with the server's `queuedAt`.
 */
export function useNow(intervalMs = 5_000): number {
  const [, tick] = useReducer((count: number) => count + 1, 0);

  useEffect(() => {
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);

  return serverNow();
}
