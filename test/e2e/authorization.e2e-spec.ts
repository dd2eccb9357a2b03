import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { io } from 'socket.io-client';
import request from 'supertest';
import { type LoginResponse, OFFICER_NAMESPACE, OFFICER_SOCKET_PATH, type OfficerProfile, type OfficerRole, type SocketException } from '../../src/contracts/socket-events';
import { ConversationService } from '../../src/conversation/conversation.service';
import { ConversationStore } from '../../src/conversation/conversation.store';
import { OfficerPresenceService } from '../../src/handoff/officer-presence.service';
import { OfficerAccountStore } from '../../src/officers/officer-account.store';
import { createTestApp, type TestApp } from '../support/create-test-app';
import {
  type ConnectedCitizen,
  closeAllSockets,
  connectHeldCitizen,
  connectOfficer,
  connectQueuedCitizen,
  emitWithAck,
  type OfficerClient,
  waitForEvent,
} from '../support/socket-client';

/** A signed-in account and its password. */
interface SignedIn {
  login: LoginResponse;
  password: string;
}

/** Claims of a token for `officer`, as the service signs them. */
const claimsOf = (officer: OfficerProfile) => ({ sub: officer.id, username: officer.username, displayName: officer.displayName, roles: officer.roles });

const ALL_ROLES: OfficerRole[] = ['officer', 'supervisor', 'editor'];

describe('Authorization: officer events and protected endpoints', () => {
  let sut: TestApp;
  let owner: SignedIn;
  let ownerSocket: OfficerClient;
  let intruder: SignedIn;
  let intruderSocket: OfficerClient;
  let held: ConnectedCitizen;
  let queued: ConnectedCitizen;
  /** Tokens of accounts with every role, refused for what the token is, never for a missing role. */
  let expired: SignedIn & { token: string };
  let revoked: SignedIn & { token: string };
  let forged: string;

  /** Creates an account and signs it in over HTTP. */
  async function signIn(username: string, roles: OfficerRole[] = ['officer']): Promise<SignedIn> {
    const { password } = await new OfficerAccountStore(sut.dataDir).create(username, username, roles);
    const response = await request(sut.baseUrl).post('/api/v1/auth/login').send({ username, password }).expect(200);
    return { login: response.body as LoginResponse, password };
  }

  /** What an intrusion could change: the two conversations, the queue, the officers' presence and the account file. */
  function state() {
    const store = sut.app.get(ConversationStore);
    const conversation = (id: string) => {
      const found = store.get(id);
      return found && { status: found.status, officerId: found.officer?.id ?? null, messages: found.messages.length, notes: found.notes.length };
    };
    return {
      held: conversation(held.conversationId),
      queued: conversation(queued.conversationId),
      queue: sut.app.get(ConversationService).queueView().map((item) => item.conversationId),
      officers: sut.app.get(OfficerPresenceService).all().map(({ id, status, sockets }) => ({ id, status, sockets: sockets.size })),
      accounts: readFileSync(join(sut.dataDir, 'officers.json'), 'utf8'),
    };
  }

  /** Every officer event, aimed at the conversations of this test: enough to take, answer, close or move them. */
  function everyOfficerEvent(): [string, unknown][] {
    return [
      ['handoff:take', { conversationId: queued.conversationId }],
      ['conversation:message', { conversationId: held.conversationId, text: 'intrusion' }],
      ['conversation:close', { conversationId: held.conversationId, outcome: 'answered' }],
      ['handoff:transfer', { conversationId: held.conversationId, to: 'queue', note: 'intrusion' }],
      ['officer:status', { status: 'away' }],
      ['conversation:typing', { conversationId: held.conversationId, typing: true }],
    ];
  }

  beforeAll(async () => {
    sut = await createTestApp();
    owner = await signIn('owner.officer');
    intruder = await signIn('intruder.officer');
    ownerSocket = (await connectOfficer(sut.baseUrl, owner.login.accessToken)).socket;
    intruderSocket = (await connectOfficer(sut.baseUrl, intruder.login.accessToken)).socket;
    held = await connectHeldCitizen(sut.baseUrl, ownerSocket);
    queued = await connectQueuedCitizen(sut.baseUrl);

    const expiring = await signIn('expired.officer', ALL_ROLES);
    const token = sut.app.get(JwtService).sign(claimsOf(expiring.login.officer), { expiresIn: -60, jwtid: randomUUID() });
    expired = { ...expiring, token };
    const leaving = await signIn('revoked.officer', ALL_ROLES);
    await request(sut.baseUrl).post('/api/v1/auth/logout').set('authorization', `Bearer ${leaving.login.accessToken}`).expect(204);
    revoked = { ...leaving, token: leaving.login.accessToken };
    forged = new JwtService({ secret: 'not-the-service-secret-but-32-characters-long' }).sign(claimsOf(owner.login.officer), { expiresIn: 600, jwtid: randomUUID() });
  });

  afterAll(async () => {
    closeAllSockets();
    await sut.close();
  });

  describe('on the /officer socket namespace', () => {
    it.each<[string, () => Record<string, unknown>]>([
      ['a citizen socket (its resume token)', () => ({ resumeToken: queued.started.resumeToken })],
      ['a socket with no token', () => ({})],
      ['a token signed with another secret', () => ({ token: forged })],
      ['an expired token', () => ({ token: expired.token })],
      ['a revoked token (after sign-out)', () => ({ token: revoked.token })],
    ])('should refuse %s with UNAUTHORIZED and run none of the officer events it sends', async (_case, auth) => {
      const before = state();
      const citizenEventsBefore = held.events.length;
      const socket = io(`${sut.baseUrl}${OFFICER_NAMESPACE}`, { path: OFFICER_SOCKET_PATH, transports: ['websocket'], autoConnect: false, reconnection: false, forceNew: true, auth: auth() });
      const refusal = waitForEvent<SocketException>(socket, 'exception');
      const disconnected = waitForEvent(socket, 'disconnect');
      let served = 0;
      socket.onAny(() => (served += 1));

      socket.connect();
      // Sent as soon as the connection opens, before the refusal can arrive.
      for (const [event, payload] of everyOfficerEvent()) {
        socket.emit(event, payload);
      }

      expect(await refusal).toEqual({ status: 'error', code: 'UNAUTHORIZED', message: 'Session expirée ou absente : reconnectez-vous.' });
      await disconnected;
      socket.close();
      expect(served).toBe(1);
      expect(state()).toEqual(before);
      expect(held.events.slice(citizenEventsBefore)).toEqual([]);
    });

    it('should refuse every event of an officer on a chat a colleague holds, with a code, and change nothing', async () => {
      const before = state();
      const citizenEventsBefore = held.events.length;
      const { conversationId } = held;

      const acks = {
        take: await emitWithAck(intruderSocket, 'handoff:take', { conversationId }),
        message: await emitWithAck(intruderSocket, 'conversation:message', { conversationId, text: 'intrusion' }),
        close: await emitWithAck(intruderSocket, 'conversation:close', { conversationId, outcome: 'answered' }),
        transferToQueue: await emitWithAck(intruderSocket, 'handoff:transfer', { conversationId, to: 'queue', note: 'intrusion' }),
        transferToSelf: await emitWithAck(intruderSocket, 'handoff:transfer', { conversationId, to: intruder.login.officer.id, note: 'intrusion' }),
      };
      intruderSocket.emit('conversation:typing', { conversationId, typing: true });
      // Events of one socket run in order: once this is acknowledged, the typing event above has been handled.
      const statusOfOwner = await emitWithAck(intruderSocket, 'officer:status', { status: 'away', officerId: owner.login.officer.id });
      const ownerTyping = waitForEvent<{ typing: boolean }>(held.socket, 'conversation:typing');
      ownerSocket.emit('conversation:typing', { conversationId, typing: false });

      expect(acks).toEqual({
        take: expect.objectContaining({ ok: false, code: 'CONVERSATION_ALREADY_TAKEN' }),
        message: expect.objectContaining({ ok: false, code: 'NOT_YOUR_CONVERSATION' }),
        close: expect.objectContaining({ ok: false, code: 'NOT_YOUR_CONVERSATION' }),
        transferToQueue: expect.objectContaining({ ok: false, code: 'NOT_YOUR_CONVERSATION' }),
        transferToSelf: expect.objectContaining({ ok: false, code: 'NOT_YOUR_CONVERSATION' }),
      });
      expect(statusOfOwner).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      // The first typing indicator the citizen gets is the holder's, not the intruder's.
      expect(await ownerTyping).toEqual({ typing: false });
      expect(held.events.slice(citizenEventsBefore)).toEqual([['conversation:typing', { typing: false }]]);
      expect(state()).toEqual(before);
    });
  });

  describe('on the HTTP API', () => {
    const credentials: [string, () => string | undefined][] = [
      ['no token', () => undefined],
      ['a header that is not a bearer token', () => `Basic ${Buffer.from('owner.officer:x').toString('base64')}`],
      ['a token signed with another secret', () => `Bearer ${forged}`],
      ['an expired token', () => `Bearer ${expired.token}`],
      ['a revoked token (after sign-out)', () => `Bearer ${revoked.token}`],
    ];
    /** Each protected endpoint, called with the password of the account whose token is expired or revoked. */
    const endpoints: [string, (authorization: string | undefined, password: string) => request.Test][] = [
      ['GET /api/v1/intents/status', (authorization) => withAuthorization(request(sut.baseUrl).get('/api/v1/intents/status'), authorization)],
      ['GET /api/v1/supervision', (authorization) => withAuthorization(request(sut.baseUrl).get('/api/v1/supervision'), authorization)],
      ['POST /api/v1/triage?explain=1', (authorization) => withAuthorization(request(sut.baseUrl).post('/api/v1/triage?explain=1'), authorization).send({ text: 'bonjour' })],
      ['POST /api/v1/auth/logout', (authorization) => withAuthorization(request(sut.baseUrl).post('/api/v1/auth/logout'), authorization)],
      [
        'POST /api/v1/auth/password',
        (authorization, password) =>
          withAuthorization(request(sut.baseUrl).post('/api/v1/auth/password'), authorization).send({ currentPassword: password, newPassword: 'un mot de passe tout neuf' }),
      ],
    ];

    /** Sets the Authorization header when there is one. */
    function withAuthorization(call: request.Test, authorization: string | undefined): request.Test {
      return authorization === undefined ? call : call.set('authorization', authorization);
    }

    const cases = endpoints.flatMap(([endpoint, call]) => credentials.map(([credential, header]) => [endpoint, credential, call, header] as const));

    it.each(cases)('should refuse %s with %s: 401, and change nothing', async (_endpoint, credential, call, header) => {
      const before = state();
      const password = credential.includes('expired') ? expired.password : revoked.password;

      const response = await call(header(), password);

      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, message: 'Officer sign-in required', error: 'Unauthorized' });
      expect(response.body).not.toHaveProperty('trace');
      expect(state()).toEqual(before);
      expect(ownerSocket.connected && intruderSocket.connected).toBe(true);
    });

    it.each([
      ['GET /api/v1/intents/status', '/api/v1/intents/status', 'The editor role is required'],
      ['GET /api/v1/supervision', '/api/v1/supervision', 'The supervisor role is required'],
    ])('should refuse %s to an officer without the role: 403', async (_endpoint, path, message) => {
      const response = await request(sut.baseUrl).get(path).set('authorization', `Bearer ${intruder.login.accessToken}`);

      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ statusCode: 403, message });
    });

    it('should still serve the same endpoints to the right accounts, so the refusals above are about the token', async () => {
      const chief = await signIn('chief.officer', ALL_ROLES);
      const bearer = `Bearer ${chief.login.accessToken}`;

      const statuses = [
        (await request(sut.baseUrl).get('/api/v1/intents/status').set('authorization', bearer)).status,
        (await request(sut.baseUrl).get('/api/v1/supervision').set('authorization', bearer)).status,
        (await request(sut.baseUrl).post('/api/v1/triage?explain=1').set('authorization', bearer).send({ text: 'bonjour' })).status,
      ];

      expect(statuses).toEqual([200, 200, 200]);
      // The tokens refused above belong to accounts with every role.
      expect([expired.login.officer.roles, revoked.login.officer.roles]).toEqual([ALL_ROLES, ALL_ROLES]);
    });
  });
});
