import type { Clock } from '../../../common/clock/clock';

/** What a sign-in started at the identity provider needs when the browser comes back: the PKCE verifier and nonce. */
export interface PendingLogin {
  /** PKCE `code_verifier` (RFC 7636 §4.1), sent with the code exchange. */
  codeVerifier: string;
  /** `nonce` sent in the authorization request, expected in the ID token (OpenID Connect Core §3.1.2.1). */
  nonce: string;
}

/** How long a started sign-in may take at the identity provider, in milliseconds: 10 minutes. */
export const PENDING_LOGIN_TTL_MS = 10 * 60_000;
/** Most sign-ins kept waiting at once; beyond it the oldest is dropped (its callback is refused). */
export const MAX_PENDING_LOGINS = 10_000;

interface StoredLogin extends PendingLogin {
  /** Milliseconds since the epoch, `clock` time. */
  startedAt: number;
}

/**
 * Sign-ins sent to the identity provider and not yet back, in memory, keyed by their `state` parameter. Each is
 * taken once (a replayed callback finds nothing), lives `ttlMs` (default `PENDING_LOGIN_TTL_MS`) and at most
 * `capacity` (default `MAX_PENDING_LOGINS`) are kept, the oldest dropped first, so a flood of started sign-ins
 * costs bounded memory. A restart forgets them: the officer starts again.
 */
export class PendingLoginStore {
  /** In insertion order, hence oldest first (a Map iterates in insertion order). */
  private readonly logins = new Map<string, StoredLogin>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = PENDING_LOGIN_TTL_MS,
    private readonly capacity = MAX_PENDING_LOGINS,
  ) {}

  /** Keeps `login` under `state` (a fresh random value), dropping expired entries and, when full, the oldest one. */
  add(state: string, login: PendingLogin): void {
    const now = this.clock.now();
    this.dropExpired(now);
    if (this.logins.size >= this.capacity) {
      const oldest = this.logins.keys().next();
      if (oldest.done !== true) {
        this.logins.delete(oldest.value);
      }
    }
    this.logins.set(state, { ...login, startedAt: now });
  }

  /** @returns the login kept under `state` and forgets it, or undefined when unknown, already taken or expired. */
  take(state: string): PendingLogin | undefined {
    const stored = this.logins.get(state);
    this.logins.delete(state);
    if (stored === undefined || this.clock.now() - stored.startedAt >= this.ttlMs) {
      return undefined;
    }
    return { codeVerifier: stored.codeVerifier, nonce: stored.nonce };
  }

  private dropExpired(now: number): void {
    for (const [state, stored] of this.logins) {
      if (now - stored.startedAt < this.ttlMs) {
        return;
      }
      this.logins.delete(state);
    }
  }
}
