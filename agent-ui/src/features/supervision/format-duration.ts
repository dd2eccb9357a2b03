const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * French label of a duration in ms: « 42 s », « 3 min 05 s », « 1 h 07 min ». Negative values count as zero;
 * parts below the shown precision are dropped, not rounded.
 */
export function formatDuration(durationMs: number): string {
  const ms = Math.max(0, durationMs);
  if (ms < MINUTE_MS) {
    return `${Math.floor(ms / SECOND_MS)} s`;
  }
  if (ms < HOUR_MS) {
    const seconds = Math.floor((ms % MINUTE_MS) / SECOND_MS);
    return `${Math.floor(ms / MINUTE_MS)} min ${String(seconds).padStart(2, '0')} s`;
  }
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  return `${Math.floor(ms / HOUR_MS)} h ${String(minutes).padStart(2, '0')} min`;
}
