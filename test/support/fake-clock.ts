import { createClock } from '@sinonjs/fake-timers';
import { Clock, SystemClock, type TimerHandle } from '../../src/common/clock/clock';

/**
 * A `Clock` whose time moves only when a test says so (`tick`, `setSystemTime`), on `@sinonjs/fake-timers`.
 * Only the service's own timers and dates go through it: socket.io, HTTP and jest keep the real clock.
 */
export class FakeClock extends Clock {
  private readonly clock: ReturnType<typeof createClock>;

  /** @param start the initial time: an ISO 8601 instant or milliseconds since the epoch. */
  constructor(start: string | number = '2026-11-30T10:00:00Z') {
    super();
    this.clock = createClock(typeof start === 'string' ? Date.parse(start) : start);
  }

  now(): number {
    return this.clock.now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    return this.clock.setTimeout(callback, delayMs);
  }

  clearTimeout(handle: TimerHandle): void {
    this.clock.clearTimeout(handle as ReturnType<typeof this.clock.setTimeout>);
  }

  /** Moves time forward by `ms` milliseconds, running every timer due on the way. */
  tick(ms: number): void {
    this.clock.tick(ms);
  }

  /** Jumps to `instant` (ISO 8601) without running timers. */
  setSystemTime(instant: string): void {
    this.clock.setSystemTime(Date.parse(instant));
  }
}

/**
 * A real clock (real timers, time flows) that starts at a fixed instant: what depends on the hour of day (business
 * hours) is the same whenever the tests run. The default of `createTestApp`: Monday 30 November 2026, 11:00 in Paris.
 */
export class ShiftedClock extends SystemClock {
  private readonly offsetMs: number;

  constructor(start: string = '2026-11-30T10:00:00Z') {
    super();
    this.offsetMs = Date.parse(start) - Date.now();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }
}
