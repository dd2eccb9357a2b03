/** What identifies one officer token for revocation: its id, its officer, and when it was issued and ends. */
export interface TokenIdentity {
  /** The token's `jti` claim. */
  jti: string;
  officerId: string;
  /** Milliseconds since the epoch (`iat` claim × 1000). */
  issuedAt: number;
  /** Milliseconds since the epoch (`exp` claim × 1000). */
  expiresAt: number;
}

/** A per-officer cut-off: tokens issued at or before `at` are refused, except `keptJti`, until `until`. */
interface OfficerCutoff {
  /** Milliseconds since the epoch. */
  at: number;
  keptJti: string | null;
  /** Milliseconds since the epoch after which every token the cut-off could concern has expired. */
  until: number;
}

/** Default bound of the revoked-token list: at a few dozen bytes an entry, a few megabytes at most. */
export const DEFAULT_MAX_REVOKED_TOKENS = 50_000;

/**
 * Revoked officer tokens, in memory (a restart forgets them, as it forgets sessions when `JWT_SECRET` is unset).
 *
 * - `revoke`: one token (a sign-out), kept until its own expiry; expired entries are purged on every revocation.
 *   The list is bounded (`maxRevoked` entries): when it is full of live entries, the token's officer gets a
 *   cut-off instead (every token of theirs issued so far is refused), so memory stays bounded and no revoked
 *   token ever becomes valid again; the cost is that the officer's other consoles must sign in again. Filling
 *   the list takes one sign-in per entry, which the sign-in throttle and lockout slow down.
 * - `cutOff`: every token of an officer issued at or before an instant except one (a password change); one entry
 *   per officer, forgotten once all the tokens it concerns have expired.
 *
 * Instants are milliseconds since the epoch of the system clock, the one jsonwebtoken sets `iat`/`exp` with.
 */
export class SessionRevocationStore {
  /** Revoked token ids with their expiry (ms since the epoch). */
  private readonly revoked = new Map<string, number>();
  private readonly cutoffs = new Map<string, OfficerCutoff>();

  /** @param maxRevoked most revoked tokens kept one by one (default `DEFAULT_MAX_REVOKED_TOKENS`). */
  constructor(private readonly maxRevoked: number = DEFAULT_MAX_REVOKED_TOKENS) {}

  /** Refuses `token` from now until it expires. */
  revoke(token: TokenIdentity, now: number): void {
    this.purge(now);
    if (token.expiresAt <= now) {
      return;
    }
    if (this.revoked.size >= this.maxRevoked) {
      this.cutOff(token.officerId, now, null, token.expiresAt);
      return;
    }
    this.revoked.set(token.jti, token.expiresAt);
  }

  /**
   * Refuses every token of `officerId` issued at or before `now`, except the one whose id is `keptJti` (null:
   * none), until `until` (ms since the epoch: the expiry of the newest token concerned). A later cut-off replaces
   * an earlier one, which it covers.
   */
  cutOff(officerId: string, now: number, keptJti: string | null, until: number): void {
    this.purge(now);
    const previous = this.cutoffs.get(officerId);
    this.cutoffs.set(officerId, { at: now, keptJti, until: Math.max(until, previous?.until ?? until) });
  }

  /** @returns true when `token` was revoked, alone or by a cut-off of its officer. */
  isRevoked(token: TokenIdentity): boolean {
    if (this.revoked.has(token.jti)) {
      return true;
    }
    const cutoff = this.cutoffs.get(token.officerId);
    return cutoff !== undefined && token.issuedAt <= cutoff.at && token.jti !== cutoff.keptJti;
  }

  /** Number of tokens revoked one by one and not purged yet. */
  size(): number {
    return this.revoked.size;
  }

  /** Forgets revocations of tokens that have expired by `now`: the signature check refuses those anyway. */
  private purge(now: number): void {
    for (const [jti, expiresAt] of this.revoked) {
      if (expiresAt <= now) {
        this.revoked.delete(jti);
      }
    }
    for (const [officerId, cutoff] of this.cutoffs) {
      if (cutoff.until <= now) {
        this.cutoffs.delete(officerId);
      }
    }
  }
}
