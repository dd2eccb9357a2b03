import { useCallback, useEffect, useState } from 'react';
import type { LoginRequest, LoginResponse, OfficerProfile } from '../../../../../src/contracts/socket-events';

/** A signed-in officer: the bearer token for the socket, who they are, and when the token ends (ms since epoch). */
export interface OfficerSession {
  accessToken: string;
  officer: OfficerProfile;
  expiresAt: number;
}

/** Why a sign-in failed: 401, 400, 429, or anything else (network, 5xx, unreadable answer). */
export type SignInFailure = 'invalid_credentials' | 'invalid_request' | 'too_many_attempts' | 'unavailable';

/** What `signIn` resolves with; it never rejects. */
export type SignInResult = { ok: true } | { ok: false; failure: SignInFailure };

/**
 * Why the sign-in through the identity provider failed, as the server says it in `/agent/#oidc-error=<code>`
 * (`OidcFailure` in `src/officers/auth/oidc/oidc.service.ts`), plus `session` when the console could not read the
 * session of the token it received and `unknown` for any other code.
 */
export type OidcErrorCode = 'state' | 'provider' | 'exchange' | 'unavailable' | 'session' | 'unknown';

/**
 * What the sign-in page tells the officer: the server ended the session (`expired`); the console is finishing a
 * sign-in through the identity provider (`oidc-pending`); or that sign-in failed (`{ oidcError }`).
 */
export type SessionNotice = 'expired' | 'oidc-pending' | { oidcError: OidcErrorCode };

const LOGIN_URL = '/api/v1/auth/login';
/** The session of a bearer token, as `LoginResponse` (`expiresInSeconds`: time left). */
const SESSION_URL = '/api/v1/auth/session';
const OIDC_ERROR_CODES: readonly OidcErrorCode[] = ['state', 'provider', 'exchange', 'unavailable'];
/** sessionStorage keeps the session through a reload during the shift and drops it with the tab. */
const STORAGE_KEY = 'officer-console.session';

function isOfficerProfile(value: unknown): value is OfficerProfile {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.username === 'string' &&
    typeof candidate.displayName === 'string' &&
    Array.isArray(candidate.roles) &&
    candidate.roles.every((role) => typeof role === 'string')
  );
}

function isLoginResponse(value: unknown): value is LoginResponse {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.expiresInSeconds === 'number' &&
    isOfficerProfile(candidate.officer)
  );
}

function isOfficerSession(value: unknown): value is OfficerSession {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.expiresAt === 'number' &&
    isOfficerProfile(candidate.officer)
  );
}

function readStoredSession(): OfficerSession | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return isOfficerSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

function storeSession(session: OfficerSession | null): void {
  if (session === null) {
    sessionStorage.removeItem(STORAGE_KEY);
  } else {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  }
}

function failureOfStatus(status: number): SignInFailure {
  switch (status) {
    case 400:
      return 'invalid_request';
    case 401:
      return 'invalid_credentials';
    case 429:
      return 'too_many_attempts';
    default:
      return 'unavailable';
  }
}

type LoginOutcome = { ok: true; body: LoginResponse } | { ok: false; failure: SignInFailure };

async function requestLogin(credentials: LoginRequest): Promise<LoginOutcome> {
  try {
    const response = await fetch(LOGIN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) {
      return { ok: false, failure: failureOfStatus(response.status) };
    }
    const body: unknown = await response.json();
    return isLoginResponse(body) ? { ok: true, body } : { ok: false, failure: 'unavailable' };
  } catch {
    return { ok: false, failure: 'unavailable' };
  }
}

/** What the identity provider's sign-in left in the URL fragment: a token, an error code, or nothing. */
type OidcLanding = { token: string } | { error: OidcErrorCode } | null;

/** The fragment read at the first call, kept so that a second render or effect (React strict mode) sees it too. */
let oidcLanding: OidcLanding | undefined;

/**
 * Reads `#oidc=<token>` or `#oidc-error=<code>` once per page load and removes it from the address bar
 * (`history.replaceState`), so the token is neither kept in the history nor shown; later calls return the same.
 */
function takeOidcLanding(): OidcLanding {
  if (oidcLanding !== undefined) {
    return oidcLanding;
  }
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('oidc');
  const error = fragment.get('oidc-error');
  oidcLanding =
    token !== null && token.length > 0
      ? { token }
      : error !== null
        ? { error: OIDC_ERROR_CODES.find((code) => code === error) ?? 'unknown' }
        : null;
  if (oidcLanding !== null) {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
  }
  return oidcLanding;
}

/** `GET /api/v1/auth/session` with `token`: the officer session, or null when refused or unreadable. */
async function requestSession(token: string): Promise<OfficerSession | null> {
  try {
    const response = await fetch(SESSION_URL, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    const body: unknown = response.ok ? await response.json() : null;
    return isLoginResponse(body) ? sessionOf(body) : null;
  } catch {
    return null;
  }
}

function sessionOf(body: LoginResponse): OfficerSession {
  return { accessToken: body.accessToken, officer: body.officer, expiresAt: Date.now() + body.expiresInSeconds * 1000 };
}

function initialState(): { session: OfficerSession | null; notice: SessionNotice | null } {
  const landing = takeOidcLanding();
  if (landing !== null && 'token' in landing) {
    return { session: null, notice: 'oidc-pending' };
  }
  if (landing !== null) {
    return { session: null, notice: { oidcError: landing.error } };
  }
  const stored = readStoredSession();
  if (stored !== null && stored.expiresAt <= Date.now()) {
    return { session: null, notice: 'expired' };
  }
  return { session: stored, notice: null };
}

/**
 * The officer's session, kept in memory and in sessionStorage. When the page opens with `#oidc=<token>` (the
 * identity provider's sign-in), the fragment is removed from the address bar and the session of that token is read
 * from `GET /api/v1/auth/session`; `#oidc-error=<code>` becomes a notice.
 *
 * Returns `session` (null when signed out), `notice` (see `SessionNotice`), and:
 * - `signIn({ username, password })`: `POST /api/v1/auth/login`; resolves `{ ok: true }` and stores the session,
 *   or `{ ok: false, failure }`; never rejects;
 * - `signOut()`: revokes the token on the server (`POST /api/v1/auth/logout`) and forgets the session;
 * - `expire()`: forgets the session and sets `notice` to 'expired' (token refused by the socket);
 * - `updateOfficer(officer)`: keeps the profile the server sent with `officer:session`.
 */
export function useSession() {
  const [state, setState] = useState(initialState);

  useEffect(() => storeSession(state.session), [state.session]);

  useEffect(() => {
    const landing = takeOidcLanding();
    if (landing === null || !('token' in landing)) {
      return undefined;
    }
    let cancelled = false;
    void requestSession(landing.token).then((session) => {
      if (!cancelled) {
        setState((current) =>
          current.notice !== 'oidc-pending' ? current : session === null ? { session: null, notice: { oidcError: 'session' } } : { session, notice: null },
        );
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const signIn = useCallback(async (credentials: LoginRequest): Promise<SignInResult> => {
    const result = await requestLogin(credentials);
    if (!result.ok) {
      return result;
    }
    setState({ session: sessionOf(result.body), notice: null });
    return { ok: true };
  }, []);

  const signedInToken = state.session?.accessToken;
  const signOut = useCallback(() => {
    if (signedInToken !== undefined) {
      // The server revokes the token and closes its sockets; the console forgets it whatever the answer.
      void fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${signedInToken}` } }).catch(() => undefined);
    }
    setState({ session: null, notice: null });
  }, [signedInToken]);

  const expire = useCallback(() => {
    setState({ session: null, notice: 'expired' });
  }, []);

  const updateOfficer = useCallback((officer: OfficerProfile) => {
    setState((current) =>
      current.session === null ? current : { ...current, session: { ...current.session, officer } },
    );
  }, []);

  return { session: state.session, notice: state.notice, signIn, signOut, expire, updateOfficer };
}
