/**
 * Events `OfficerAuthService` publishes (@nestjs/event-emitter) when officer tokens stop being valid before they
 * expire; the officer gateway listens and disconnects the sockets opened with them.
 */
export const AuthEvent = {
  /** One token was revoked (a sign-out): `SessionRevokedEvent`. */
  SessionRevoked: 'auth.session-revoked',
  /** Every token of an officer but one was revoked (a password change): `OfficerSessionsRevokedEvent`. */
  OfficerSessionsRevoked: 'auth.officer-sessions-revoked',
} as const;

/** Payload of `auth.session-revoked`: the `jti` claim of the revoked token. */
export interface SessionRevokedEvent {
  jti: string;
}

/** Payload of `auth.officer-sessions-revoked`: the officer, and the one token of theirs that stays valid. */
export interface OfficerSessionsRevokedEvent {
  officerId: string;
  keptJti: string;
}
