import { useEffect, useState } from 'react';

/** The current time in ms since the epoch, refreshed every `intervalMs` (default 5 s) while mounted. */
export function useNow(intervalMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);

  return now;
}
