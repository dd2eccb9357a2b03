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

/** Why the officer is back on the sign-in form without having signed out. */
export type SessionNotice = 'expired';

const LOGIN_URL = '/api/v1/auth/login';
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

function initialState(): { session: OfficerSession | null; notice: SessionNotice | null } {
  const stored = readStoredSession();
  if (stored !== null && stored.expiresAt <= Date.now()) {
    return { session: null, notice: 'expired' };
  }
  return { session: stored, notice: null };
}

/**
 * The officer's session, kept in memory and in sessionStorage.
 *
 * Returns `session` (null when signed out), `notice` ('expired' when the server ended the session), and:
 * - `signIn({ username, password })`: `POST /api/v1/auth/login`; resolves `{ ok: true }` and stores the session,
 *   or `{ ok: false, failure }`; never rejects;
 * - `signOut()`: revokes the token on the server (`POST /api/v1/auth/logout`) and forgets the session;
 * - `expire()`: forgets the session and sets `notice` to 'expired' (token refused by the socket);
 * - `updateOfficer(officer)`: keeps the profile the server sent with `officer:session`.
 */
export function useSession() {
  const [state, setState] = useState(initialState);

  useEffect(() => storeSession(state.session), [state.session]);

  const signIn = useCallback(async (credentials: LoginRequest): Promise<SignInResult> => {
    const result = await requestLogin(credentials);
    if (!result.ok) {
      return result;
    }
    const session: OfficerSession = {
      accessToken: result.body.accessToken,
      officer: result.body.officer,
      expiresAt: Date.now() + result.body.expiresInSeconds * 1000,
    };
    setState({ session, notice: null });
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
