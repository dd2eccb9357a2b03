/** Handling times kept for the estimate: the most recent ones. */
export const RECENT_HANDLING_SAMPLES = 20;
/** Handling time assumed before any chat has been handled: 6 minutes. */
export const DEFAULT_HANDLING_MS = 6 * 60_000;
/** Time an available officer takes to pick a waiting chat up: 1 minute. */
export const PICKUP_MS = 60_000;

/** An officer's share of the capacity, as the estimate sees it. */
export interface OfficerSlots {
  capacity: number;
  load: number;
}

/**
 * Estimated wait of a queued citizen, from recent handling times and the officers available. With `c` chat slots
 * among available officers, `f` of them free and a mean handling time `h`, a slot frees every `h / c` on average
 * (Little's law for `c` parallel servers), so position `p` waits `PICKUP_MS + max(0, p − f) × h / c`.
 * Rounded to the minute by the citizen page; an estimate, not a promise.
 */
export class WaitEstimator {
  private readonly recent: number[] = [];

  /** Records the handling time of a finished chat, in milliseconds (from the take to the close). */
  recordHandling(handlingMs: number): void {
    this.recent.push(Math.max(0, handlingMs));
    if (this.recent.length > RECENT_HANDLING_SAMPLES) {
      this.recent.shift();
    }
  }

  /** Mean of the recent handling times in milliseconds; `DEFAULT_HANDLING_MS` before the first one. */
  averageHandlingMs(): number {
    return this.recent.length === 0 ? DEFAULT_HANDLING_MS : this.recent.reduce((sum, value) => sum + value, 0) / this.recent.length;
  }

  /**
   * @param position 1-based place in the queue.
   * @param officers the available officers' capacities and loads.
   * @returns the estimated wait in milliseconds, or null when no officer is available.
   */
  estimate(position: number, officers: readonly OfficerSlots[]): number | null {
    const slots = officers.reduce((sum, officer) => sum + officer.capacity, 0);
    if (slots === 0) {
      return null;
    }
    const free = officers.reduce((sum, officer) => sum + Math.max(0, officer.capacity - officer.load), 0);
    return Math.round(PICKUP_MS + (Math.max(0, position - free) * this.averageHandlingMs()) / slots);
  }
}
