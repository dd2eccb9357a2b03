/** Handle of a timer scheduled through a `Clock`. */
export type TimerHandle = unknown;

/**
 * Time as the service reads it: the wall clock and timers. Production uses `SystemClock`; tests use `FakeClock`
 * (`test/support/fake-clock.ts`, on `@sinonjs/fake-timers`) to move time without waiting.
 */
export abstract class Clock {
  /** Milliseconds since the epoch. */
  abstract now(): number;
  /** Runs `callback` once after `delayMs` milliseconds. Timers never keep the process alive. */
  abstract setTimeout(callback: () => void, delayMs: number): TimerHandle;
  abstract clearTimeout(handle: TimerHandle): void;
}

/** The real clock: `Date.now()` and Node's timers (unref'd). */
export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    return setTimeout(callback, delayMs).unref();
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle as NodeJS.Timeout);
  }
}
