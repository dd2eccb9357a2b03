import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import request from 'supertest';
import { type Ack, CITIZEN_NAMESPACE, type LoginResponse, type SocketException } from '../../src/contracts/socket-events';
import { ConversationStore } from '../../src/conversation/conversation.store';
import { OfficerAccountStore } from '../../src/officers/officer-account.store';
import { createTestApp, type TestApp } from '../support/create-test-app';
import {
  type CitizenClient,
  closeAllSockets,
  connectHeldCitizen,
  connectOfficer,
  connectQueuedCitizen,
  emitWithAck,
  nextMessage,
  type OfficerClient,
  officerSocket,
  waitForEvent,
} from '../support/socket-client';

/** The Content-Security-Policy both pages and the API must send, directive by directive. */
const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // react-dsfr's `<style>:root { color-scheme: light|dark; }</style>`, allowed by hash rather than 'unsafe-inline'.
  "style-src 'self' 'sha256-HzhUjVBe6Oi2wcxUM7bmy2Rp9VdLMHYDdYr9MalNmOY=' 'sha256-xVQ4mcypV0CvOtZpQgVcKpcoNvdUkR9BrwZBrtBbU+w='",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

const FOREIGN_ORIGIN = 'https://evil.example';
const ALLOWED_ORIGIN = 'https://console.example';

/** Headers of a request relayed by the trusted proxy for the client at `address`. */
const from = (address: string) => ({ 'x-forwarded-for': address });

const openSockets: CitizenClient[] = [];

/** A citizen socket, not yet connected, that sends `headers` with its handshake. */
function citizenSocket(baseUrl: string, headers: Record<string, string> = {}, transport: 'websocket' | 'polling' = 'websocket'): CitizenClient {
  const socket: CitizenClient = io(`${baseUrl}${CITIZEN_NAMESPACE}`, {
    transports: [transport],
    autoConnect: false,
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  openSockets.push(socket);
  return socket;
}

/** Connects a citizen socket and resolves once its conversation is open. */
async function connectCitizenWith(baseUrl: string, headers: Record<string, string> = {}): Promise<CitizenClient> {
  const socket = citizenSocket(baseUrl, headers);
  const started = waitForEvent(socket, 'conversation:started');
  socket.connect();
  await started;
  return socket;
}

/** Connects a citizen socket and resolves with the `exception` it gets before the server disconnects it. */
async function refusedCitizen(baseUrl: string, headers: Record<string, string> = {}): Promise<SocketException> {
  const socket = citizenSocket(baseUrl, headers);
  const exception = waitForEvent<SocketException>(socket, 'exception');
  const disconnected = waitForEvent(socket, 'disconnect');
  socket.connect();
  const refusal = await exception;
  await disconnected;
  return refusal;
}

/** Sends a citizen message and resolves with its acknowledgement. */
const say = (socket: CitizenClient, text = 'bonjour') => emitWithAck(socket, 'conversation:message', { text });

/**
 * Ends every conversation the test opened and resolves once the server has closed them, so the next test starts
 * with no conversation counted against 127.0.0.1.
 */
async function leaveAll(): Promise<void> {
  const connected = openSockets.splice(0).filter((socket) => socket.connected);
  await Promise.all(
    connected.map(async (socket) => {
      const disconnected = waitForEvent(socket, 'disconnect');
      await emitWithAck(socket, 'conversation:leave', {});
      await disconnected;
    }),
  );
}

describe('Security: abuse limits and headers', () => {
  afterEach(async () => {
    await leaveAll();
  });

  describe('with the default settings', () => {
    let sut: TestApp;

    beforeAll(async () => {
      sut = await createTestApp();
    });

    afterAll(async () => {
      await sut.close();
    });

    it.each(['/', '/agent/', '/api/v1/health'])('should send the strict CSP and helmet headers on %s', async (path) => {
      const response = await request(sut.baseUrl).get(path).expect(200);

      expect(response.headers['content-security-policy'].split(';')).toEqual(EXPECTED_CSP);
      expect(response.headers).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'strict-transport-security': expect.stringContaining('max-age='),
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('should send no CORS header to a foreign origin when ALLOWED_ORIGINS is empty', async () => {
      const simple = await request(sut.baseUrl).get('/api/v1/health').set('origin', FOREIGN_ORIGIN).expect(200);
      const preflight = await request(sut.baseUrl)
        .options('/api/v1/auth/login')
        .set('origin', FOREIGN_ORIGIN)
        .set('access-control-request-method', 'POST');

      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    });

    it.each(['websocket', 'polling'] as const)('should refuse a %s socket whose Origin is foreign', async (transport) => {
      const socket = citizenSocket(sut.baseUrl, { origin: FOREIGN_ORIGIN }, transport);
      let started = false;
      socket.on('conversation:started', () => {
        started = true;
      });
      const failed = waitForEvent(socket, 'connect_error');

      socket.connect();
      await failed;

      expect(started).toBe(false);
      expect(socket.connected).toBe(false);
    });

    it('should accept a socket whose Origin is the service itself, and one with no Origin', async () => {
      const samePage = await connectCitizenWith(sut.baseUrl, { origin: sut.baseUrl });
      const noOrigin = await connectCitizenWith(sut.baseUrl);

      expect(await say(samePage)).toEqual({ ok: true });
      expect(await say(noOrigin)).toEqual({ ok: true });
    });

    it('should cap open conversations at 5 per address and ignore X-Forwarded-For when TRUST_PROXY is off', async () => {
      for (let index = 1; index <= 5; index += 1) {
        await connectCitizenWith(sut.baseUrl, from(`198.51.100.${index}`));
      }

      const refusal = await refusedCitizen(sut.baseUrl, from('198.51.100.6'));

      expect(refusal).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('17 ou le 112') });
    });

    it('should disconnect only the socket that sends more than 16 KiB and keep serving the others', async () => {
      const flooder = await connectCitizenWith(sut.baseUrl);
      const neighbour = await connectCitizenWith(sut.baseUrl);
      const flooderGone = waitForEvent(flooder, 'disconnect');

      flooder.emit('conversation:message', { text: 'x'.repeat(20_000) });
      await flooderGone;

      // 2 000 characters that JSON escapes to 6 bytes each: the longest valid message still fits.
      expect(await say(neighbour, '\u0001'.repeat(2000))).toEqual({ ok: true });
      expect(await say(neighbour)).toEqual({ ok: true });
      expect(neighbour.connected).toBe(true);
    });
  });

  describe('with small limits, ALLOWED_ORIGINS and a trusted proxy', () => {
    let sut: TestApp;

    beforeAll(async () => {
      sut = await createTestApp({
        TRUST_PROXY: 'true',
        ALLOWED_ORIGINS: ALLOWED_ORIGIN,
        CITIZEN_MESSAGES_PER_SOCKET: '2',
        CITIZEN_MESSAGES_PER_IP: '3',
        MAX_CONVERSATIONS_PER_IP: '3',
        LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '3',
        LOGIN_MAX_FAILURES: '2',
      });
    });

    afterAll(async () => {
      await sut.close();
    });

    it('should refuse a socket over its message limit, post nothing, and still serve another socket', async () => {
      const flooder = await connectCitizenWith(sut.baseUrl, from('203.0.113.1'));
      const neighbour = await connectCitizenWith(sut.baseUrl, from('203.0.113.1'));
      let flooderEchoes = 0;
      flooder.on('conversation:message', (message) => {
        flooderEchoes += message.author === 'citizen' ? 1 : 0;
      });

      const acks: Ack[] = [await say(flooder), await say(flooder), await say(flooder)];

      expect(acks.slice(0, 2)).toEqual([{ ok: true }, { ok: true }]);
      expect(acks[2]).toEqual({
        ok: false,
        code: 'RATE_LIMITED',
        message: "Vous envoyez beaucoup de messages : patientez quelques secondes. En cas d'urgence, appelez le 17 ou le 112.",
      });
      // The server sends a posted message's echo before its acknowledgement, on the same connection.
      expect(flooderEchoes).toBe(2);
      expect(await say(neighbour)).toEqual({ ok: true });
    });

    it('should count queue requests against the message limit, so a request/leave loop cannot flood officers', async () => {
      const looper = await connectCitizenWith(sut.baseUrl, from('203.0.113.7'));

      const acks: Ack[] = [];
      for (const event of ['handoff:request', 'handoff:cancel', 'handoff:request']) {
        acks.push(await emitWithAck(looper, event, {}));
      }

      expect(acks.map((ack) => (ack.ok ? 'ok' : ack.code))).toEqual(['ok', 'ok', 'RATE_LIMITED']);
    });

    it('should refuse messages over the per-address limit across sockets, and still serve another address', async () => {
      const first = await connectCitizenWith(sut.baseUrl, from('203.0.113.2'));
      const second = await connectCitizenWith(sut.baseUrl, from('203.0.113.2'));
      const elsewhere = await connectCitizenWith(sut.baseUrl, from('203.0.113.3'));

      expect([await say(first), await say(first), await say(second)].every((ack) => ack.ok)).toBe(true);
      expect(await say(second)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
      expect(await say(elsewhere)).toEqual({ ok: true });
    });

    it('should refuse a connection over MAX_CONVERSATIONS_PER_IP, and accept it again once one has ended', async () => {
      const [leaving] = await Promise.all([1, 2, 3].map(() => connectCitizenWith(sut.baseUrl, from('203.0.113.4'))));

      expect(await refusedCitizen(sut.baseUrl, from('203.0.113.4'))).toMatchObject({ status: 'error', code: 'RATE_LIMITED' });
      await connectCitizenWith(sut.baseUrl, from('203.0.113.5'));
      const left = waitForEvent(leaving, 'disconnect');
      await emitWithAck(leaving, 'conversation:leave', {});
      await left;
      await connectCitizenWith(sut.baseUrl, from('203.0.113.4'));
    });

    it('should answer CORS for a listed origin only', async () => {
      const listed = await request(sut.baseUrl).get('/api/v1/health').set('origin', ALLOWED_ORIGIN).expect(200);
      const foreign = await request(sut.baseUrl).get('/api/v1/health').set('origin', FOREIGN_ORIGIN).expect(200);

      expect(listed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('should accept a socket from a listed origin and refuse a foreign one', async () => {
      await connectCitizenWith(sut.baseUrl, { origin: ALLOWED_ORIGIN, ...from('203.0.113.6') });
      const foreign = citizenSocket(sut.baseUrl, { origin: FOREIGN_ORIGIN, ...from('203.0.113.6') });
      const failed = waitForEvent(foreign, 'connect_error');

      foreign.connect();

      await failed;
    });

    it('should throttle sign-in attempts per address with 429 and Retry-After', async () => {
      let attempts = 0;
      // A new username per attempt, so the per-username lockout stays out of the way.
      const attempt = (address: string) =>
        request(sut.baseUrl)
          .post('/api/v1/auth/login')
          .set(from(address))
          .send({ username: `nobody.${(attempts += 1)}`, password: 'nope' });

      const statuses = [(await attempt('192.0.2.1')).status, (await attempt('192.0.2.1')).status, (await attempt('192.0.2.1')).status];
      const throttled = await attempt('192.0.2.1');

      expect(statuses).toEqual([401, 401, 401]);
      expect(throttled.status).toBe(429);
      expect(throttled.body).toEqual({ statusCode: 429, message: 'Trop de tentatives de connexion depuis cette adresse : réessayez dans une minute.' });
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt('192.0.2.2')).status).toBe(401);
    });

    it('should lock a username after repeated failures with the same answer whether it exists or not', async () => {
      const accounts = new OfficerAccountStore(sut.dataDir);
      const { password } = await accounts.create('locked.officer', 'Verrouillé');
      const { password: otherPassword } = await accounts.create('other.officer', 'Autre');
      let address = 0;
      // A new address per attempt, so the per-address throttle stays out of the way.
      const login = (username: string, secret: string) =>
        request(sut.baseUrl).post('/api/v1/auth/login').set(from(`192.0.2.${100 + (address += 1)}`)).send({ username, password: secret });

      const failures = [
        (await login('locked.officer', 'wrong')).status,
        (await login('locked.officer', 'wrong')).status,
        (await login('ghost.officer', 'wrong')).status,
        (await login('ghost.officer', 'wrong')).status,
      ];
      const lockedKnown = await login('locked.officer', password);
      const lockedUnknown = await login('ghost.officer', 'wrong');

      expect(failures).toEqual([401, 401, 401, 401]);
      expect(lockedKnown.status).toBe(429);
      expect(lockedKnown.body).toEqual({
        statusCode: 429,
        message: 'Compte temporairement verrouillé après plusieurs échecs de connexion : réessayez dans 15 minutes.',
      });
      expect(lockedUnknown.status).toBe(429);
      expect(lockedUnknown.body).toEqual(lockedKnown.body);
      expect((await login('other.officer', otherPassword)).status).toBe(200);
    });

    it('should forget earlier failures once the officer signs in', async () => {
      const { password } = await new OfficerAccountStore(sut.dataDir).create('forgetful.officer', 'Distrait');
      let address = 0;
      const login = (secret: string) =>
        request(sut.baseUrl)
          .post('/api/v1/auth/login')
          .set(from(`192.0.2.${200 + (address += 1)}`))
          .send({ username: 'forgetful.officer', password: secret });

      const statuses = [(await login('wrong')).status, (await login(password)).status, (await login('wrong')).status, (await login(password)).status];

      expect(statuses).toEqual([401, 200, 401, 200]);
    });
  });

  describe('officer sessions: sign-out and password change', () => {
    let sut: TestApp;
    let accounts: OfficerAccountStore;

    beforeAll(async () => {
      sut = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
      accounts = new OfficerAccountStore(sut.dataDir);
    });

    afterEach(() => {
      closeAllSockets();
    });

    afterAll(async () => {
      await sut.close();
    });

    /** Signs `username` in with `password` over HTTP and resolves with the answer. */
    const login = (username: string, password: string) => request(sut.baseUrl).post('/api/v1/auth/login').send({ username, password });
    /** Signs `username` in and resolves with the token (the sign-in must succeed). */
    const tokenOf = async (username: string, password: string) => ((await login(username, password).expect(200)).body as LoginResponse).accessToken;
    /** Status of an HTTP call with `token`, on an endpoint any signed-in account may call. */
    const statusWith = async (token: string) =>
      (await request(sut.baseUrl).get('/api/v1/intents/validity').set('authorization', `Bearer ${token}`)).status;
    const logout = (token: string) => request(sut.baseUrl).post('/api/v1/auth/logout').set('authorization', `Bearer ${token}`);
    const changePassword = (token: string, body: Record<string, unknown>) =>
      request(sut.baseUrl).post('/api/v1/auth/password').set('authorization', `Bearer ${token}`).send(body);
    const storedHash = (username: string) => accounts.findByUsername(username)?.passwordHash;

    /** Resolves with the `exception` a console gets and once it is disconnected. */
    async function signedOff(socket: OfficerClient): Promise<SocketException> {
      const exception = waitForEvent<SocketException>(socket, 'exception');
      const disconnected = waitForEvent(socket, 'disconnect');
      const refusal = await exception;
      await disconnected;
      return refusal;
    }

    /** Connects a console with `token` and resolves with the refusal it gets. */
    async function refusedConsole(token: string): Promise<SocketException> {
      const socket = officerSocket(sut.baseUrl, token);
      const refusal = signedOff(socket);
      socket.connect();
      return refusal;
    }

    it('should disconnect at once every console of a signed-out token, refuse the token, and keep the officer\'s other session and chats', async () => {
      const { password } = await accounts.create('leaving.officer', 'Partant');
      const [signingOut, staying] = [await tokenOf('leaving.officer', password), await tokenOf('leaving.officer', password)];
      const first = await connectOfficer(sut.baseUrl, signingOut);
      const second = await connectOfficer(sut.baseUrl, signingOut);
      const other = await connectOfficer(sut.baseUrl, staying);
      const { conversationId } = await connectHeldCitizen(sut.baseUrl, first.socket);
      const refusals = Promise.all([signedOff(first.socket), signedOff(second.socket)]);

      const response = await logout(signingOut);

      expect(response.status).toBe(204);
      expect(await refusals).toEqual([
        { status: 'error', code: 'UNAUTHORIZED', message: 'Vous êtes déconnecté.' },
        { status: 'error', code: 'UNAUTHORIZED', message: 'Vous êtes déconnecté.' },
      ]);
      expect(other.socket.connected).toBe(true);
      expect(sut.app.get(ConversationStore).get(conversationId)).toMatchObject({ status: 'assigned', officer: { displayName: 'Partant' } });
      expect(await statusWith(signingOut)).toBe(401);
      expect((await logout(signingOut)).status).toBe(401);
      expect(await refusedConsole(signingOut)).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await statusWith(staying)).toBe(200);
    });

    it('should put the chats of an officer who signs out of their last console back at the head of the queue at once', async () => {
      const { password } = await accounts.create('last.console', 'Dernière console');
      const token = await tokenOf('last.console', password);
      const { socket: lastConsole } = await connectOfficer(sut.baseUrl, token);
      const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, lastConsole);
      await connectQueuedCitizen(sut.baseUrl);
      const told = nextMessage(citizen, 'system');
      const requeued = waitForEvent<{ position: number }>(citizen, 'handoff:queued');

      // OFFICER_RECONNECT_GRACE_SECONDS is 120 here: only a sign-out gives the chats back without waiting.
      await logout(token).expect(204);

      expect((await told).text).toMatch(/revient en tête de la file/);
      expect(await requeued).toEqual(expect.objectContaining({ position: 1 }));
      expect(sut.app.get(ConversationStore).get(conversationId)).toMatchObject({ status: 'queued' });
    });

    it('should change the password, keep this session and close every other session of the officer', async () => {
      const { password } = await accounts.create('changing.officer', 'Prudent');
      const [changing, other] = [await tokenOf('changing.officer', password), await tokenOf('changing.officer', password)];
      const { socket: thisConsole } = await connectOfficer(sut.baseUrl, changing);
      const { socket: otherConsole } = await connectOfficer(sut.baseUrl, other);
      const hashBefore = storedHash('changing.officer');
      const otherSignedOff = signedOff(otherConsole);

      const response = await changePassword(changing, { currentPassword: password, newPassword: 'une phrase de passe neuve' });

      expect(response.status).toBe(204);
      expect(await otherSignedOff).toEqual({ status: 'error', code: 'UNAUTHORIZED', message: 'Vous êtes déconnecté.' });
      expect(thisConsole.connected).toBe(true);
      expect([await statusWith(other), await statusWith(changing)]).toEqual([401, 200]);
      expect((await login('changing.officer', password)).status).toBe(401);
      // A token issued right after the change, within the same second, is valid.
      expect(await statusWith(await tokenOf('changing.officer', 'une phrase de passe neuve'))).toBe(200);
      expect(storedHash('changing.officer')).toMatch(/^\$argon2id\$/);
      expect(storedHash('changing.officer')).not.toBe(hashBefore);
      expect(readFileSync(join(sut.dataDir, 'officers.json'), 'utf8')).not.toContain('une phrase de passe neuve');
    });

    it('should refuse a wrong current password with 401, count it towards the sign-in lockout, and change nothing', async () => {
      const { password } = await accounts.create('forgetting.officer', 'Étourdi');
      const token = await tokenOf('forgetting.officer', password);
      const hashBefore = storedHash('forgetting.officer');
      const attempt = () => changePassword(token, { currentPassword: 'pas le bon mot de passe', newPassword: 'une phrase de passe neuve' });

      const failures = [await attempt(), await attempt(), await attempt()];
      const locked = await changePassword(token, { currentPassword: password, newPassword: 'une phrase de passe neuve' });

      expect(failures.map((failure) => failure.body)).toEqual(Array(3).fill({ statusCode: 401, message: 'Mot de passe actuel incorrect', error: 'Unauthorized' }));
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(/^Compte temporairement verrouillé/);
      expect((await login('forgetting.officer', password)).status).toBe(429);
      expect(storedHash('forgetting.officer')).toBe(hashBefore);
      expect(await statusWith(token)).toBe(200);
    });

    it.each([
      ['too short', { newPassword: 'court-11car' }, 'Le nouveau mot de passe doit compter au moins 12 caractères.'],
      ['too long', { newPassword: 'x'.repeat(129) }, 'Le nouveau mot de passe compte au plus 128 caractères.'],
      ['the current one', {}, 'Le nouveau mot de passe doit être différent de l’actuel.'],
      ['missing', { newPassword: undefined }, 'Le nouveau mot de passe doit être du texte.'],
    ])('should refuse a new password that is %s with 400, a French message and no echo', async (_case, override, message) => {
      const username = `strict.${randomUUID().slice(0, 8)}`;
      const { password } = await accounts.create(username, 'Rigoureux');
      const token = await tokenOf(username, password);
      const hashBefore = storedHash(username);

      const response = await changePassword(token, { currentPassword: password, newPassword: password, ...override });

      expect(response.status).toBe(400);
      expect(response.body.message).toEqual([message]);
      expect(JSON.stringify(response.body)).not.toContain(password);
      expect(storedHash(username)).toBe(hashBefore);
    });
  });
});
