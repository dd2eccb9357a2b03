const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * French label of a waiting time in ms: « en attente depuis moins d'une minute », « … depuis 2 min »,
 * « … depuis 1 h 05 ». Negative values (clock skew between server and browser) count as zero.
 */
export function formatWaitingTime(waitMs: number): string {
  const elapsedMs = Math.max(0, waitMs);
  if (elapsedMs < MINUTE_MS) {
    return "en attente depuis moins d'une minute";
  }
  if (elapsedMs < HOUR_MS) {
    return `en attente depuis ${Math.floor(elapsedMs / MINUTE_MS)} min`;
  }
  const hours = Math.floor(elapsedMs / HOUR_MS);
  const minutes = Math.floor((elapsedMs % HOUR_MS) / MINUTE_MS);
  return `en attente depuis ${hours} h ${String(minutes).padStart(2, '0')}`;
}
