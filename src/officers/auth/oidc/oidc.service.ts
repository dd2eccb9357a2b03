import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import { Clock } from '../../../common/clock/clock';
import { AppConfig, type OidcSettings } from '../../../config/app-config';
import { OFFICER_ROLES, type OfficerRole } from '../../../contracts/socket-events';
import { OfficerAuthService } from '../officer-auth.service';
import { PendingLoginStore } from './pending-login.store';

/** Path of the callback under the service's public base URL (`OIDC_REDIRECT_BASE_URL`), registered at the provider. */
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** Scopes asked of the identity provider: the ID token and the profile claims (`preferred_username`, `name`). */
const OIDC_SCOPE = 'openid profile';
/** Seconds one request to the identity provider may take (discovery, code exchange, keys). */
const PROVIDER_TIMEOUT_SECONDS = 10;
/** Longest username and display name kept from the ID token, in characters; longer ones are cut. */
const MAX_NAME_CHARS = 100;
/** Hosts where an `http://` issuer is accepted (a provider on the same machine, as in the tests). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a sign-in through the identity provider failed, as the console receives it (`/agent/#oidc-error=<code>`):
 * `state`: unknown, replayed or expired `state` (more than 10 minutes); `provider`: the provider answered with an
 * error (the officer cancelled, access refused); `exchange`: the code exchange or the ID token checks failed;
 * `unavailable`: the provider's metadata could not be read.
 */
export enum OidcFailure {
  State = 'state',
  Provider = 'provider',
  Exchange = 'exchange',
  Unavailable = 'unavailable',
}

/**
 * The outcome of the provider's callback: signed in with the service's own officer token; authenticated but
 * without any role of the console; or failed.
 */
export type OidcCallbackResult =
  | { outcome: 'signed-in'; accessToken: string }
  | { outcome: 'no-role' }
  | { outcome: 'failed'; failure: OidcFailure };

/** openid-client, loaded at the first use, and the provider's configuration discovered with it. */
interface DiscoveredProvider {
  client: typeof OpenIdClient;
  configuration: OpenIdClient.Configuration;
}

/** Where `startLogin` sends the browser: the provider's authorization URL, or nowhere when the provider is down. */
export type OidcLoginStart = { outcome: 'redirect'; url: string } | { outcome: 'failed'; failure: OidcFailure.Unavailable };

/**
 * The roles named by `claim` of `claims`, in `OFFICER_ROLES` order, unknown values dropped. `claim` is a claim name
 * (`roles`) or, when no claim has that exact name, a dotted path into nested objects (`realm_access.roles`, where
 * Keycloak puts realm roles by default). The value may be a list of strings or one string of space-separated roles.
 */
export function rolesOfClaims(claims: Record<string, unknown>, claim: string): OfficerRole[] {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes('.')) {
    value = claim.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), claims);
  }
  const names = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return OFFICER_ROLES.filter((role) => names.includes(role));
}

/** An OAuth error code (RFC 6749 §4.1.2.1) when it has the expected shape, else `invalid`: never free text. */
function oauthErrorCode(code: unknown): string {
  return typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? code : 'invalid';
}

/**
 * The class and codes of an error, for logs: its name, the OAuth `error` of a provider's answer and the library's
 * `code` when they have the expected shape; never its message, which may quote the provider's answer.
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return 'unknown error';
  }
  const { error: oauthError, code } = error as { error?: unknown; code?: unknown };
  return [
    error.name,
    ...(oauthError === undefined ? [] : [oauthErrorCode(oauthError)]),
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? [code] : []),
  ].join(' ');
}

/** A non-empty trimmed string of at most `MAX_NAME_CHARS` characters, or undefined. */
function nameClaim(value: unknown): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim().slice(0, MAX_NAME_CHARS) : '';
  return trimmed.length > 0 ? trimmed : undefined;
}

/**
 * Officer sign-in through an OpenID Connect identity provider (Keycloak, ProConnect…), when `OIDC_ISSUER` is set;
 * with openid-client (certified relying party). Authorization code flow with PKCE (S256), `state` and `nonce`
 * (OpenID Connect Core §3.1, RFC 7636, RFC 9700 §2.1.1); the provider's metadata is discovered at the first use and
 * kept (a failed discovery is retried at the next use). Started sign-ins wait in memory (`PendingLoginStore`: 10
 * minutes, at most 10 000). openid-client checks the ID token (signature, issuer, audience, expiry, nonce); this
 * service then reads `preferred_username` (else `sub`), `name` and the roles claim (`OIDC_ROLES_CLAIM`), and signs
 * the officer in with the service's own token (`OfficerAuthService.issueForIdentity`), so the session behaves like
 * a local one (expiry, sign-out, sockets). Logs name the officer id (a digest of issuer and subject), never a code,
 * token or other claim.
 * @throws NotFoundException (404) from `startLogin` and `handleCallback` when OpenID Connect is not configured.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private readonly pending: PendingLoginStore;
  private provider: Promise<DiscoveredProvider> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly auth: OfficerAuthService,
    clock: Clock,
  ) {
    this.pending = new PendingLoginStore(clock);
  }

  /** Whether officers may sign in through the identity provider (`OIDC_ISSUER` set). */
  get enabled(): boolean {
    return this.config.oidc !== undefined;
  }

  /**
   * Starts a sign-in: keeps a fresh PKCE verifier and nonce under a fresh `state`, and returns the provider's
   * authorization URL (`response_type=code`, `scope=openid profile`, `code_challenge_method=S256`).
   * @returns `{ outcome: 'redirect', url }`, or `{ outcome: 'failed', failure: 'unavailable' }` when the provider's
   *   metadata cannot be read.
   * @throws NotFoundException (404) when OpenID Connect is not configured.
   */
  async startLogin(): Promise<OidcLoginStart> {
    const settings = this.requireSettings();
    const provider = await this.discover(settings);
    if (provider === undefined) {
      return { outcome: 'failed', failure: OidcFailure.Unavailable };
    }
    const { client, configuration } = provider;
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    this.pending.add(state, { codeVerifier, nonce });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: `${settings.redirectBaseUrl}${OIDC_CALLBACK_PATH}`,
      scope: OIDC_SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { outcome: 'redirect', url: url.href };
  }

  /**
   * Ends a sign-in when the provider sends the browser back: takes the pending login of the `state` parameter
   * (once), exchanges the code with the PKCE verifier, lets openid-client check the answer and the ID token, and
   * signs the officer in when the roles claim names at least one role of the console.
   * @param search the callback's query string as received (`?code=…&state=…&iss=…`, or `?error=…&state=…`).
   * @throws NotFoundException (404) when OpenID Connect is not configured.
   */
  async handleCallback(search: string): Promise<OidcCallbackResult> {
    const settings = this.requireSettings();
    const currentUrl = new URL(`${settings.redirectBaseUrl}${OIDC_CALLBACK_PATH}${search}`);
    const state = currentUrl.searchParams.get('state');
    const login = state === null ? undefined : this.pending.take(state);
    if (state === null || login === undefined) {
      this.logger.warn('OIDC callback refused: unknown or expired state');
      return { outcome: 'failed', failure: OidcFailure.State };
    }
    const provider = await this.discover(settings);
    if (provider === undefined) {
      return { outcome: 'failed', failure: OidcFailure.Unavailable };
    }
    const { client, configuration } = provider;
    let claims: OpenIdClient.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError) {
        this.logger.warn(`OIDC sign-in refused by the provider (${oauthErrorCode(error.error)})`);
        return { outcome: 'failed', failure: OidcFailure.Provider };
      }
      this.logger.warn(`OIDC code exchange failed (${describeError(error)})`);
      return { outcome: 'failed', failure: OidcFailure.Exchange };
    }
    if (claims === undefined) {
      this.logger.warn('OIDC code exchange failed (no ID token)');
      return { outcome: 'failed', failure: OidcFailure.Exchange };
    }
    return this.signIn(claims, settings);
  }

  /** Signs in the person of a checked ID token, or refuses them when the roles claim names no role of the console. */
  private async signIn(claims: OpenIdClient.IDToken, settings: OidcSettings): Promise<OidcCallbackResult> {
    const roles = rolesOfClaims(claims, settings.rolesClaim);
    if (roles.length === 0) {
      this.logger.warn('OIDC sign-in refused: no role of the console in the roles claim');
      return { outcome: 'no-role' };
    }
    const username = nameClaim(claims.preferred_username) ?? claims.sub.slice(0, MAX_NAME_CHARS);
    const { accessToken } = await this.auth.issueForIdentity({
      issuer: claims.iss,
      subject: claims.sub,
      username,
      displayName: nameClaim(claims.name) ?? username,
      roles,
    });
    return { outcome: 'signed-in', accessToken };
  }

  private requireSettings(): OidcSettings {
    if (this.config.oidc === undefined) {
      throw new NotFoundException();
    }
    return this.config.oidc;
  }

  /**
   * openid-client and the provider's configuration, discovered once (`<issuer>/.well-known/openid-configuration`)
   * and kept; undefined when discovery fails, which is forgotten so that the next sign-in tries again. The library
   * (an ES module) is loaded here, at the first sign-in, not at start-up. Plain `http://` is allowed only for an
   * issuer on the loopback interface.
   */
  private async discover(settings: OidcSettings): Promise<DiscoveredProvider | undefined> {
    this.provider ??= (async () => {
      const client = await import('openid-client');
      const issuer = new URL(settings.issuer);
      const configuration = await client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        execute: issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname) ? [client.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      });
      return { client, configuration };
    })();
    try {
      return await this.provider;
    } catch (error) {
      this.provider = undefined;
      this.logger.error(`OIDC discovery failed (${describeError(error)})`);
      return undefined;
    }
  }
}
