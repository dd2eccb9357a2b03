/** How long each window of transit samples lasts, in ms: the floor is the least transit of the last two windows. */
export const TRANSIT_WINDOW_MS = 30_000;

/** The least transit time of one caller in the current and the previous window, in ms (Infinity: no sample). */
interface CallerWindows {
  start: number;
  current: number;
  previous: number;
}

/**
 * How late each call reaches the core, in ms, without comparing the caller's clock with the core's: hosts' clocks
 * differ by any amount. For one caller, arrival time (core's monotonic clock) minus send time (the caller's) is the
 * transit time plus a constant offset between the two clocks; the least such difference among recent calls is taken
 * as the transit with no waiting, as NTP's clock filter keeps the sample of least delay among its recent ones
 * (RFC 5905, section 10). A call's lateness is how much longer than that it took.
 *
 * Only the last two windows of `TRANSIT_WINDOW_MS` count, so a drift between the two clocks (tens of ppm, or a jump
 * when a host is paused) is forgotten within a minute instead of making every later call look late. A caller whose
 * recent calls were all slow has its calls judged less late than they are: they may run late, never be refused in
 * error. At most `maxCallers` callers are remembered (the least recently heard is forgotten first).
 */
export class CallLateness {
  private readonly callers = new Map<string, CallerWindows>();

  constructor(private readonly maxCallers = 1_000) {}

  /**
   * Records a call of `caller` sent at `sentAt` (the caller's monotonic clock, ms) and received at `now` (the core's
   * monotonic clock, ms), and returns how late it is, in ms (0 or more).
   */
  lateness(caller: string, sentAt: number, now: number): number {
    const seen = now - sentAt;
    const windows = this.callers.get(caller) ?? { start: now, current: Number.POSITIVE_INFINITY, previous: Number.POSITIVE_INFINITY };
    const elapsedWindows = Math.floor((now - windows.start) / TRANSIT_WINDOW_MS);
    if (elapsedWindows > 0) {
      windows.previous = elapsedWindows === 1 ? windows.current : Number.POSITIVE_INFINITY;
      windows.current = Number.POSITIVE_INFINITY;
      windows.start += elapsedWindows * TRANSIT_WINDOW_MS;
    }
    windows.current = Math.min(windows.current, seen);
    this.callers.delete(caller);
    this.callers.set(caller, windows);
    if (this.callers.size > this.maxCallers) {
      this.callers.delete(this.callers.keys().next().value as string);
    }
    return seen - Math.min(windows.current, windows.previous);
  }
}
