import { ForbiddenException, HttpException, HttpStatus, Injectable, Logger, type OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { LoginLockout } from '../../common/security/login-lockout';
import { AppConfig } from '../../config/app-config';
import { OFFICER_ROLES, type LoginResponse, type OfficerProfile, type OfficerRole } from '../../contracts/socket-events';
import { OfficerAccountStore } from '../officer-account.store';

/** Claims of an officer token. `exp` is in seconds since the epoch (RFC 7519). */
interface OfficerTokenClaims {
  sub: string;
  username: string;
  displayName: string;
  roles: OfficerRole[];
  exp: number;
}

/** A verified officer token: who, and until when (milliseconds since the epoch). */
export interface OfficerSession {
  officer: OfficerProfile;
  expiresAt: number;
}

/** Name of the account made on the first start. */
export const FIRST_OFFICER_USERNAME = 'officier';

/** The refusal of a locked username, with the minutes left until the lock ends (rounded up). */
function lockedMessage(lockedForMs: number): string {
  const minutes = Math.ceil(lockedForMs / 60_000);
  return `Compte temporairement verrouillé après plusieurs échecs de connexion : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}

/**
 * Officer sign-in: checks the password against the argon2id hash and issues a signed token (HS256) that the
 * console sends with every socket connection. A username is locked for `LOGIN_LOCKOUT_MINUTES` (default 15) after
 * `LOGIN_MAX_FAILURES` (default 5) failed attempts (`LoginLockout`). On the first start with no account it creates
 * one with a random password and prints it once.
 */
@Injectable()
export class OfficerAuthService implements OnModuleInit {
  private readonly logger = new Logger(OfficerAuthService.name);
  private readonly accounts: OfficerAccountStore;
  /** Hash of a random password, verified when the username is unknown so both failures take the same time. */
  private readonly decoyHash: Promise<string>;
  private readonly lockout: LoginLockout;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.accounts = new OfficerAccountStore(config.dataDir);
    this.decoyHash = hash(Math.random().toString(36));
    this.lockout = new LoginLockout(config.loginMaxFailures, config.loginLockoutMinutes);
  }

  async onModuleInit(): Promise<void> {
    if (this.accounts.list().length > 0) {
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
    const officer: OfficerProfile = { id: account.id, username: account.username, displayName: account.displayName, roles: account.roles ?? ['officer'] };
    const accessToken = await this.jwt.signAsync({ sub: officer.id, username: officer.username, displayName: officer.displayName, roles: officer.roles });
    this.logger.log(`Officer ${officer.id} signed in`);
    return { accessToken, expiresInSeconds: this.config.officerTokenTtlSeconds, officer };
  }

  /**
   * Checks an HTTP `Authorization: Bearer <token>` header, and the role when one is named.
   * @throws UnauthorizedException (401) when the header is missing or the token invalid or expired.
   * @throws ForbiddenException (403) when the account lacks `role`.
   */
  requireBearer(authorization: string | undefined, role?: OfficerRole): OfficerSession {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    const session = match ? this.verify(match[1]) : null;
    if (!session) {
      throw new UnauthorizedException('Officer sign-in required');
    }
    if (role !== undefined && !session.officer.roles.includes(role)) {
      throw new ForbiddenException(`The ${role} role is required`);
    }
    return session;
  }

  /** @returns the session of a valid, unexpired token, or null for anything else (never throws). */
  verify(token: unknown): OfficerSession | null {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      return null;
    }
    try {
      const claims = this.jwt.verify<OfficerTokenClaims>(token);
      return {
        officer: { id: claims.sub, username: claims.username, displayName: claims.displayName, roles: Array.isArray(claims.roles) ? claims.roles : ['officer'] },
        expiresAt: claims.exp * 1000,
      };
    } catch {
      return null;
    }
  }
}
