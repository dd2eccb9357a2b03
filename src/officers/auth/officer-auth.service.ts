import { createHash, randomUUID } from 'node:crypto';
import { ForbiddenException, HttpException, HttpStatus, Injectable, Logger, type OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { LoginLockout } from '../../common/security/login-lockout';
import { AppConfig } from '../../config/app-config';
import { OFFICER_ROLES, type LoginResponse, type OfficerProfile, type OfficerRole } from '../../contracts/socket-events';
import { OfficerAccountStore } from '../officer-account.store';
import { AuthEvent, type OfficerSessionsRevokedEvent, type SessionRevokedEvent } from './auth.events';
import { SessionRevocationStore, type TokenIdentity } from './session-revocation.store';

/**
 * Claims of an officer token (RFC 7519). `iat` and `exp` are seconds since the epoch; `iat` keeps milliseconds as
 * a fraction (a NumericDate may be non-integer, RFC 7519 §2) so that a password change can tell the tokens issued
 * before it from those issued after it within the same second. `jti` is a random id, absent from tokens signed
 * before sign-outs existed.
 */
interface OfficerTokenClaims {
  sub: string;
  username: string;
  displayName: string;
  roles: OfficerRole[];
  /** How the officer signed in; absent on older tokens (a local password). */
  amr?: 'password' | 'oidc';
  jti?: string;
  iat?: number;
  exp: number;
}

/** A verified officer token: who, which token, and when it was issued and ends (milliseconds since the epoch). */
export interface OfficerSession {
  officer: OfficerProfile;
  /** The token's `jti` claim; for a token signed without one, a SHA-256 digest of the token. */
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

/** An `Authorization` header carrying a bearer token (RFC 6750 §2.1); group 1 is the token. */
const BEARER = /^Bearer (\S+)$/;

/** A person an OpenID Connect identity provider authenticated, as `issueForIdentity` takes it. */
export interface ExternalIdentity {
  /** The ID token's `iss`. */
  issuer: string;
  /** The ID token's `sub`: stable and unique within the issuer (OpenID Connect Core §2). */
  subject: string;
  username: string;
  displayName: string;
  roles: readonly OfficerRole[];
}

/**
 * The officer id of a person known to an identity provider: a name-based UUID (version 8, RFC 9562 §5.8 and
 * appendix B.2) from the SHA-256 digest of `issuer`, a NUL byte and `subject`; the same for every sign-in, distinct
 * across issuers, and revealing neither.
 */
export function identityOfficerId(issuer: string, subject: string): string {
  const digest = createHash('sha256').update(`${issuer}\u0000${subject}`).digest();
  digest[6] = (digest[6] & 0x0f) | 0x80;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Name of the account made on the first start. */
export const FIRST_OFFICER_USERNAME = 'officier';

/** The refusal of a locked username, with the minutes left until the lock ends (rounded up). */
function lockedMessage(lockedForMs: number): string {
  const minutes = Math.ceil(lockedForMs / 60_000);
  return `Compte temporairement verrouillé après plusieurs échecs de connexion : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}

/** What identifies a session's token for revocation. */
function tokenIdentity(session: OfficerSession): TokenIdentity {
  return { jti: session.jti, officerId: session.officer.id, issuedAt: session.issuedAt, expiresAt: session.expiresAt };
}

/**
 * Officer sign-in: checks the password against the argon2id hash and issues a signed token (HS256, with a random
 * `jti`) that the console sends with every socket connection. A username is locked for `LOGIN_LOCKOUT_MINUTES`
 * (default 15) after `LOGIN_MAX_FAILURES` (default 5) failed attempts (`LoginLockout`). On the first start with no
 * account it creates one with a random password and prints it once. Officers authenticated by an OpenID Connect
 * identity provider get the same token through `issueForIdentity`.
 *
 * Sessions end early on sign-out (`logout`: that token) and password change (`changePassword`: every other token of
 * the officer); revocations are kept in memory (`SessionRevocationStore`), and `auth.session-revoked` /
 * `auth.officer-sessions-revoked` tell the officer gateway to disconnect the sockets opened with those tokens.
 * Token instants use the system clock (`Date.now()`), the one jsonwebtoken signs and checks `iat`/`exp` with.
 */
@Injectable()
export class OfficerAuthService implements OnModuleInit {
  private readonly logger = new Logger(OfficerAuthService.name);
  private readonly accounts: OfficerAccountStore;
  /** Hash of a random password, verified when the username is unknown so both failures take the same time. */
  private readonly decoyHash: Promise<string>;
  private readonly lockout: LoginLockout;
  private readonly revocations = new SessionRevocationStore();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {
    this.accounts = new OfficerAccountStore(config.dataDir);
    this.decoyHash = hash(Math.random().toString(36));
    this.lockout = new LoginLockout(config.loginMaxFailures, config.loginLockoutMinutes);
  }

  /** Creates the first account when none exists, on a core (an edge serves no officer, so it creates none). */
  async onModuleInit(): Promise<void> {
    if (!this.config.isCore || this.accounts.list().length > 0) {
      return;
    }
    // The first account can do everything, so that a new installation can be used and administered at once.
    const { account, password } = await this.accounts.create(FIRST_OFFICER_USERNAME, 'Officier', [...OFFICER_ROLES]);
    this.logger.warn(
      `No officer account found: created "${account.username}" with password ${password} ` +
        `(shown once; add accounts with npm run officer:add -- --username <name>)`,
    );
  }

  /**
   * @returns a token valid `OFFICER_TOKEN_TTL_SECONDS` and the officer's profile.
   * @throws UnauthorizedException (401) with one message for an unknown user and a wrong password.
   * @throws HttpException (429) « Compte temporairement verrouillé… » while the username is locked, before the
   *   password is checked: the same answer whether the account exists or not.
   */
  async login(username: string, password: string): Promise<LoginResponse> {
    const lockedForMs = await this.lockout.attempt(username);
    if (lockedForMs > 0) {
      this.logger.warn('Officer sign-in refused: username temporarily locked');
      throw new HttpException(lockedMessage(lockedForMs), HttpStatus.TOO_MANY_REQUESTS);
    }
    const account = this.accounts.findByUsername(username);
    const valid = await verify(account?.passwordHash ?? (await this.decoyHash), password);
    if (!account || !valid) {
      this.logger.warn('Failed officer sign-in');
      throw new UnauthorizedException('Identifiant ou mot de passe incorrect');
    }
    await this.lockout.succeeded(username);
    const officer: OfficerProfile = { id: account.id, username: account.username, displayName: account.displayName, roles: account.roles ?? ['officer'], signIn: 'password' };
    return this.issue(officer);
  }

  /**
   * Signs in an officer whom an OpenID Connect identity provider authenticated (`OidcService`): issues the same
   * token as `login`, valid `OFFICER_TOKEN_TTL_SECONDS`, revocable by `logout` like any other. The officer id is
   * `identityOfficerId(issuer, subject)`, the same at every sign-in, so held chats and presence follow the person;
   * no local account is created, so the capacity is `DEFAULT_OFFICER_CAPACITY`.
   * @param identity `issuer` and `subject`: the ID token's `iss` and `sub`; `username`, `displayName` and `roles`
   *   (at least one) as the console shows them.
   * @returns a `LoginResponse`, as `login` does.
   */
  issueForIdentity(identity: ExternalIdentity): Promise<LoginResponse> {
    const officer: OfficerProfile = {
      id: identityOfficerId(identity.issuer, identity.subject),
      username: identity.username,
      displayName: identity.displayName,
      roles: [...identity.roles],
      signIn: 'oidc',
    };
    return this.issue(officer);
  }

  /**
   * The session of an HTTP `Authorization: Bearer <token>` header as a `LoginResponse`, for a console that received
   * the token without the profile (sign-in through the identity provider). `expiresInSeconds` is the time left
   * (whole seconds, rounded down), not the full lifetime.
   * @throws UnauthorizedException (401) when the header is missing or the token invalid, expired or revoked.
   */
  currentSession(authorization: string | undefined): LoginResponse {
    const session = this.requireBearer(authorization);
    const accessToken = BEARER.exec(authorization ?? '')?.[1] ?? '';
    return { accessToken, expiresInSeconds: Math.max(0, Math.floor((session.expiresAt - Date.now()) / 1000)), officer: session.officer };
  }

  /**
   * Ends the session of `session`'s token at once: the token is refused from now on (HTTP and sockets) and every
   * socket opened with it is disconnected (`auth.session-revoked`). The officer's other sessions stay open.
   */
  logout(session: OfficerSession): void {
    this.revocations.revoke(tokenIdentity(session), Date.now());
    this.events.emit(AuthEvent.SessionRevoked, { jti: session.jti } satisfies SessionRevokedEvent);
    this.logger.log(`Officer ${session.officer.id} signed out`);
  }

  /**
   * Replaces the officer's password: checks `currentPassword` against the stored argon2id hash, stores an argon2id
   * hash of `newPassword` (`OfficerAccountStore.updatePassword`), then revokes every other token of the officer
   * issued until now and disconnects their sockets (`auth.officer-sessions-revoked`); `session`'s token stays valid.
   * A wrong current password counts as a failed sign-in of the username (`LoginLockout`).
   * @throws UnauthorizedException (401) « Mot de passe actuel incorrect » for a wrong current password or an
   *   account that no longer exists.
   * @throws HttpException (429) « Compte temporairement verrouillé… » while the username is locked.
   */
  async changePassword(session: OfficerSession, currentPassword: string, newPassword: string): Promise<void> {
    const { id, username } = session.officer;
    const lockedForMs = await this.lockout.attempt(username);
    if (lockedForMs > 0) {
      this.logger.warn(`Password change of officer ${id} refused: username temporarily locked`);
      throw new HttpException(lockedMessage(lockedForMs), HttpStatus.TOO_MANY_REQUESTS);
    }
    const account = this.accounts.findByUsername(username);
    if (account?.id !== id || !(await verify(account.passwordHash, currentPassword))) {
      this.logger.warn(`Failed password change of officer ${id}`);
      throw new UnauthorizedException('Mot de passe actuel incorrect');
    }
    await this.lockout.succeeded(username);
    this.accounts.updatePassword(username, await hash(newPassword));
    const now = Date.now();
    this.revocations.cutOff(id, now, session.jti, now + this.config.officerTokenTtlSeconds * 1000);
    this.events.emit(AuthEvent.OfficerSessionsRevoked, { officerId: id, keptJti: session.jti } satisfies OfficerSessionsRevokedEvent);
    this.logger.log(`Officer ${id} changed their password; their other sessions are closed`);
  }

  /**
   * Checks an HTTP `Authorization: Bearer <token>` header, and the role when one is named.
   * @throws UnauthorizedException (401) when the header is missing or the token invalid, expired or revoked.
   * @throws ForbiddenException (403) when the account lacks `role`.
   */
  requireBearer(authorization: string | undefined, role?: OfficerRole): OfficerSession {
    const match = BEARER.exec(authorization ?? '');
    const session = match ? this.verify(match[1]) : null;
    if (!session) {
      throw new UnauthorizedException('Officer sign-in required');
    }
    if (role !== undefined && !session.officer.roles.includes(role)) {
      throw new ForbiddenException(`The ${role} role is required`);
    }
    return session;
  }

  /** @returns the session of a valid, unexpired, unrevoked token, or null for anything else (never throws). */
  verify(token: unknown): OfficerSession | null {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      return null;
    }
    let claims: OfficerTokenClaims;
    try {
      claims = this.jwt.verify<OfficerTokenClaims>(token);
    } catch {
      return null;
    }
    const session: OfficerSession = {
      officer: {
        id: claims.sub,
        username: claims.username,
        displayName: claims.displayName,
        roles: Array.isArray(claims.roles) ? claims.roles : ['officer'],
        signIn: claims.amr === 'oidc' ? 'oidc' : 'password',
      },
      // A token signed without a jti (before sign-outs existed, under a kept JWT_SECRET) is still revocable by digest.
      jti: typeof claims.jti === 'string' && claims.jti.length > 0 ? claims.jti : createHash('sha256').update(token).digest('base64url'),
      issuedAt: typeof claims.iat === 'number' ? claims.iat * 1000 : 0,
      expiresAt: claims.exp * 1000,
    };
    return this.isRevoked(session) ? null : session;
  }

  /** @returns true when the session's token was revoked since it was verified (sign-out, password change). */
  isRevoked(session: OfficerSession): boolean {
    return this.revocations.isRevoked(tokenIdentity(session));
  }

  /** Signs a token for `officer` (HS256, random `jti`, `iat` with milliseconds) and logs the sign-in by officer id. */
  private async issue(officer: OfficerProfile): Promise<LoginResponse> {
    const accessToken = await this.jwt.signAsync({
      sub: officer.id,
      username: officer.username,
      displayName: officer.displayName,
      roles: officer.roles,
      amr: officer.signIn ?? 'password',
      jti: randomUUID(),
      iat: Date.now() / 1000,
    });
    this.logger.log(`Officer ${officer.id} signed in`);
    return { accessToken, expiresInSeconds: this.config.officerTokenTtlSeconds, officer };
  }
}
