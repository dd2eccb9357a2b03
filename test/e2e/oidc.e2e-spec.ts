import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import request from 'supertest';
import type { LoginResponse, OfficerProfile } from '../../src/contracts/socket-events';
import { identityOfficerId } from '../../src/officers/auth/officer-auth.service';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { closeAllSockets, connectOfficer, officerSocket, waitForEvent } from '../support/socket-client';

const CLIENT_ID = 'console-officier';
const CLIENT_SECRET = 'un-secret-de-test-assez-long-pour-le-client';

/** People the test identity provider knows, by `sub`: their claims besides `sub`. */
const PEOPLE: Record<string, Record<string, unknown>> = {
  'lea-0042': { preferred_username: 'lea.martin', name: 'Léa Martin', roles: ['supervisor', 'admin', 'officer'] },
  'paul-0043': { preferred_username: 'paul.durand', name: 'Paul Durand', roles: ['admin'] },
};

/** A free loopback port: the app must know its own URL (the redirect URI) before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A real OpenID Connect provider (oidc-provider) on an ephemeral loopback port, with one confidential client whose
 * redirect URI is `redirectUri`, the people of `PEOPLE`, and its development login and consent pages.
 */
async function startProvider(redirectUri: string): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'roles'] },
    // Profile claims in the ID token itself, as Keycloak's mappers put them: the service reads only the ID token.
    conformIdTokenClaims: false,
    cookies: { keys: ['cle-de-cookie-de-test'] },
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    ttl: { AccessToken: 300, AuthorizationCode: 60, Grant: 600, IdToken: 300, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_context, sub) =>
      PEOPLE[sub] === undefined ? undefined : { accountId: sub, claims: () => ({ sub, ...PEOPLE[sub] }) },
  });
  server.on('request', provider.callback());
  return { issuer, server };
}

/** A browser for redirects: follows nothing by itself and keeps the cookies it is given (any path). */
class CookieBrowser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.keepCookies(await fetch(url, { redirect: 'manual', headers: this.headers() }));
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams(form).toString();
    const headers = { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' };
    return this.keepCookies(await fetch(url, { method: 'POST', redirect: 'manual', headers, body }));
  }

  private headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  private keepCookies(response: Response): Response {
    for (const cookie of response.headers.getSetCookie()) {
      const [name, value] = cookie.split(';')[0].split('=');
      if (value === '') {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
    return response;
  }
}

/** The `Location` of a redirect, resolved against the URL that answered. */
function locationOf(response: Response): string {
  expect([302, 303]).toContain(response.status);
  return new URL(response.headers.get('location') ?? '', response.url).href;
}

/**
 * Walks the provider's pages from `authorizationUrl` as `sub` (login, then consent; or cancels at the login page
 * when `cancel`) and returns the URL the provider sends the browser back to (the app's callback).
 */
async function passProvider(browser: CookieBrowser, authorizationUrl: string, sub: string, cancel = false): Promise<string> {
  let next = locationOf(await browser.get(authorizationUrl));
  for (let step = 0; step < 10; step += 1) {
    if (!new URL(next).pathname.startsWith('/interaction/')) {
      if (next.includes('/api/v1/auth/oidc/callback')) {
        return next;
      }
      next = locationOf(await browser.get(next));
      continue;
    }
    if (cancel) {
      next = locationOf(await browser.get(`${next}/abort`));
      continue;
    }
    const page = await (await browser.get(next)).text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    next = locationOf(await browser.post(next, prompt === 'login' ? { prompt, login: sub, password: 'test' } : { prompt: prompt ?? '' }));
  }
  throw new Error('The provider did not send the browser back to the app');
}

describe('OpenID Connect sign-in of officers', () => {
  let sut: TestApp;
  let issuer: string;
  let providerServer: Server;
  let browser: CookieBrowser;

  /** Starts a sign-in at the app and returns the provider's authorization URL. */
  async function startLogin(): Promise<string> {
    const response = await browser.get(`${sut.baseUrl}/api/v1/auth/oidc/login`);
    expect(response.status).toBe(302);
    return response.headers.get('location') ?? '';
  }

  /** Where the app's callback sends the browser, for `callbackUrl` (the provider's redirect). */
  async function callAppBack(callbackUrl: string): Promise<Response> {
    return browser.get(callbackUrl);
  }

  /** The officer token of a `/agent/#oidc=<token>` redirect. */
  function tokenOf(response: Response): string {
    expect(response.status).toBe(302);
    const match = /^\/agent\/#oidc=([\w.-]+)$/.exec(response.headers.get('location') ?? '');
    expect(match).not.toBeNull();
    return match?.[1] ?? '';
  }

  beforeAll(async () => {
    const port = await freePort();
    const redirectBase = `http://127.0.0.1:${port}`;
    ({ issuer, server: providerServer } = await startProvider(`${redirectBase}/api/v1/auth/oidc/callback`));
    sut = await createTestApp(
      { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_REDIRECT_BASE_URL: redirectBase },
      { port },
    );
  });

  beforeEach(() => {
    browser = new CookieBrowser();
  });

  afterEach(() => closeAllSockets());

  afterAll(async () => {
    await sut.close();
    providerServer.closeAllConnections();
    await new Promise<void>((resolve) => providerServer.close(() => resolve()));
  });

  it('should say the identity provider is offered when OIDC_ISSUER is set', async () => {
    await request(sut.baseUrl).get('/api/v1/auth/oidc/config').expect(200, { enabled: true });
  });

  it('should send the officer to the provider with PKCE S256, a state and a nonce', async () => {
    const authorizationUrl = new URL(await startLogin());

    expect(authorizationUrl.origin).toBe(issuer);
    expect(authorizationUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorizationUrl.searchParams.get('response_type')).toBe('code');
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorizationUrl.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorizationUrl.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(`${sut.baseUrl}/api/v1/auth/oidc/callback`);
  });

  it('should sign in through the code flow with a token that opens the console socket with the known roles', async () => {
    const callbackUrl = await passProvider(browser, await startLogin(), 'lea-0042');
    const code = new URL(callbackUrl).searchParams.get('code') ?? '';

    const redirect = await callAppBack(callbackUrl);
    const accessToken = tokenOf(redirect);

    const expected: OfficerProfile = {
      id: identityOfficerId(issuer, 'lea-0042'),
      username: 'lea.martin',
      displayName: 'Léa Martin',
      roles: ['officer', 'supervisor'],
      signIn: 'oidc',
    };
    const socket = officerSocket(sut.baseUrl, accessToken);
    const session = waitForEvent<{ officer: OfficerProfile }>(socket, 'officer:session');
    socket.connect();
    expect((await session).officer).toEqual(expected);
    const current = await request(sut.baseUrl).get('/api/v1/auth/session').set('Authorization', `Bearer ${accessToken}`).expect(200);
    expect(current.body).toEqual({ accessToken, expiresInSeconds: expect.any(Number) as number, officer: expected });
    expect((current.body as LoginResponse).expiresInSeconds).toBeGreaterThan(28_700);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    expect(code).not.toBe('');
    const logged = sut.logs.lines.join('\n');
    for (const secret of [accessToken, code, 'lea-0042', 'lea.martin', 'Léa Martin']) {
      expect(logged).not.toContain(secret);
    }
  });

  it('should give the same officer id at every sign-in and end the session on sign-out', async () => {
    const first = tokenOf(await callAppBack(await passProvider(browser, await startLogin(), 'lea-0042')));
    const second = tokenOf(await callAppBack(await passProvider(browser, await startLogin(), 'lea-0042')));
    const officer = await connectOfficer(sut.baseUrl, second);
    const disconnected = waitForEvent(officer.socket, 'disconnect');

    await request(sut.baseUrl).post('/api/v1/auth/logout').set('Authorization', `Bearer ${second}`).expect(204);

    await disconnected;
    await request(sut.baseUrl).get('/api/v1/auth/session').set('Authorization', `Bearer ${second}`).expect(401);
    const firstSession = await request(sut.baseUrl).get('/api/v1/auth/session').set('Authorization', `Bearer ${first}`).expect(200);
    expect((firstSession.body as LoginResponse).officer.id).toBe(identityOfficerId(issuer, 'lea-0042'));
  });

  it('should refuse a callback whose state the app did not issue, and a replayed one', async () => {
    const callbackUrl = new URL(await passProvider(browser, await startLogin(), 'lea-0042'));
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'etat-inconnu-forge-par-un-tiers');

    const refused = await callAppBack(forged.href);
    const accepted = await callAppBack(callbackUrl.href);
    const replayed = await callAppBack(callbackUrl.href);

    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/agent/#oidc-error=state');
    tokenOf(accepted);
    expect(replayed.headers.get('location')).toBe('/agent/#oidc-error=state');
  });

  it('should fail the exchange of a code issued for another sign-in (PKCE verifier mismatch)', async () => {
    const stolen = new URL(await passProvider(browser, await startLogin(), 'lea-0042'));
    const other = new URL(await startLogin());
    stolen.searchParams.set('state', other.searchParams.get('state') ?? '');

    const response = await callAppBack(stolen.href);

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/agent/#oidc-error=exchange');
  });

  it('should refuse a callback without a state', async () => {
    const response = await callAppBack(`${sut.baseUrl}/api/v1/auth/oidc/callback?code=abc`);

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/agent/#oidc-error=state');
  });

  it('should send the officer back with a provider error when they cancel at the provider', async () => {
    const callbackUrl = await passProvider(browser, await startLogin(), 'lea-0042', true);

    const response = await callAppBack(callbackUrl);

    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/agent/#oidc-error=provider');
  });

  it('should give no token to a person whose roles claim names no role of the console', async () => {
    const callbackUrl = await passProvider(browser, await startLogin(), 'paul-0043');

    const response = await callAppBack(callbackUrl);

    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('Votre compte n’a pas de rôle pour cette console.');
    const logged = sut.logs.lines.join('\n');
    expect(logged).toContain('OIDC sign-in refused: no role of the console');
    expect(logged).not.toContain('paul');
  });
});

describe('OpenID Connect sign-in when not configured', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should say the identity provider is not offered', async () => {
    await request(sut.baseUrl).get('/api/v1/auth/oidc/config').expect(200, { enabled: false });
  });

  it.each(['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=abc&state=def'])('should answer 404 at %s', async (path) => {
    await request(sut.baseUrl).get(path).expect(404);
  });
});

describe('OpenID Connect sign-in when the provider is down', () => {
  let sut: TestApp;

  beforeAll(async () => {
    const nobodyListens = `http://127.0.0.1:${await freePort()}`;
    sut = await createTestApp({ OIDC_ISSUER: nobodyListens, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_REDIRECT_BASE_URL: 'http://127.0.0.1:1' });
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should send the officer back to the console with « unavailable » and try discovery again next time', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await request(sut.baseUrl).get('/api/v1/auth/oidc/login').expect(302);
      expect(response.headers.location).toBe('/agent/#oidc-error=unavailable');
    }
    expect(sut.logs.lines.filter((line) => line.includes('OIDC discovery failed'))).toHaveLength(2);
  });
});
