import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Temporary lockout of an officer username after repeated failed sign-ins, kept in memory
 * (rate-limiter-flexible's `RateLimiterMemory` with `blockDuration`).
 *
 * Every attempt counts before the password is checked, so parallel guesses cannot slip in before the failures
 * are recorded; a successful sign-in forgets the count. After `maxFailures` failed attempts within
 * `lockoutMinutes` (settings `LOGIN_MAX_FAILURES`, default 5, and `LOGIN_LOCKOUT_MINUTES`, default 15), every attempt is refused,
 * right password or not, for `lockoutMinutes`. Usernames that do not exist are counted the same way, so the
 * answer never tells whether an account exists.
 */
export class LoginLockout {
  private readonly attempts: RateLimiterMemory;

  constructor(maxFailures: number, lockoutMinutes: number) {
    const lockoutSeconds = lockoutMinutes * 60;
    this.attempts = new RateLimiterMemory({
      keyPrefix: 'officer-login',
      points: maxFailures,
      duration: lockoutSeconds,
      blockDuration: lockoutSeconds,
    });
  }

  /**
   * Counts one sign-in attempt of `username`.
   * @returns 0 when the attempt may go on; otherwise the milliseconds until the username is unlocked.
   */
  async attempt(username: string): Promise<number> {
    try {
      await this.attempts.consume(username);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return Math.max(rejection.msBeforeNext, 1);
      }
      throw rejection;
    }
  }

  /** Forgets the attempts of `username` after a successful sign-in. */
  async succeeded(username: string): Promise<void> {
    await this.attempts.delete(username);
  }
}
