import { once } from 'node:events';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { AnotherCoreError, CORE_CALL_TIMEOUT_MS } from '../../src/cluster/core-bus';
import { SocketRedisAdapter } from '../../src/cluster/socket-redis-adapter';
import request from 'supertest';
import { CitizenCoreMethod, CitizenSessions } from '../../src/conversation/citizen-sessions';
import { EDGE_SERVES_CITIZENS_ONLY } from '../../src/officers/officer.gateway';
import { CITIZEN_NAMESPACE, type ChatMessage, OFFICER_NAMESPACE, OFFICER_SOCKET_PATH, type QueueItemView } from '../../src/contracts/socket-events';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { bootCoreAndEdge, testClusterEnv } from '../support/cluster';
import { redisKeys, requireRedis, TEST_REDIS_URL } from '../support/redis';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import {
  closeAllSockets,
  connectCitizen,
  connectHeldCitizen,
  connectOfficer,
  type ConnectedCitizen,
  type ConversationStarted,
  emitWithAck,
  nextMessage,
  type OfficerClient,
  receivedEvent,
  waitForEvent,
} from '../support/socket-client';

/** Resolves with the console's queue once it satisfies `predicate`. */
function queueWhere(officer: OfficerClient, predicate: (items: QueueItemView[]) => boolean): Promise<QueueItemView[]> {
  return waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => predicate(items)).then(({ items }) => items);
}

/**
 * Plays an edge on the Redis of the deployment `prefix` with raw connections: `call` publishes a call to the core
 * (sent at `sentAt`, the caller's clock, ms; 5 s timeout unless `timeoutMs`) whose answer comes on `subscriber`;
 * `ping` calls `cluster.ping`, and `disconnect` tells the core that an unknown citizen socket closed (a no-op).
 */
async function rawCaller(prefix: string) {
  const replies = `${prefix}:reply:raw-caller`;
  const subscriber = new Redis(TEST_REDIS_URL);
  const publisher = new Redis(TEST_REDIS_URL);
  await subscriber.subscribe(replies);
  return {
    subscriber,
    publisher,
    ping: (id: string, sentAt: number, timeoutMs = 5_000) =>
      publisher.publish(`${prefix}:core`, JSON.stringify({ id, method: 'cluster.ping', payload: null, replyTo: replies, sentAt, timeoutMs })),
    disconnect: (id: string, sentAt: number) =>
      publisher.publish(
        `${prefix}:core`,
        JSON.stringify({ id, method: CitizenCoreMethod.Disconnect, payload: { socketId: 'unknown' }, replyTo: replies, sentAt, timeoutMs: 5_000 }),
      ),
    close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/**
 * Closes `connection` (a Redis connection of an instance), then opens a citizen socket on `baseUrl` that retries
 * every 50 ms, and resolves with it once it was refused as `SERVICE_UNAVAILABLE`.
 */
async function refusedWhileClosed(connection: Redis, baseUrl: string): Promise<Socket> {
  const ended = once(connection, 'end');
  connection.disconnect();
  await ended;
  const socket = io(`${baseUrl}${CITIZEN_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 50 });
  expect(await waitForEvent(socket, 'exception')).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  return socket;
}

/** Asks for an officer and resolves once the conversation is in the queue. */
async function queue(citizen: ConnectedCitizen): Promise<void> {
  const queued = receivedEvent(citizen, 'handoff:queued');
  await emitWithAck(citizen.socket, 'handoff:request', {});
  await queued;
}

describe('Several instances: a core and an edge joined over Redis (S-13)', () => {
  let core: TestApp;
  let edge: TestApp;
  let prefix: string;
  let cluster: Record<string, string>;

  beforeAll(async () => {
    await requireRedis();
  });

  beforeEach(async () => {
    cluster = testClusterEnv();
    prefix = cluster.CLUSTER_PREFIX ?? '';
    ({ core, edge } = await bootCoreAndEdge(cluster));
  });

  afterEach(async () => {
    closeAllSockets();
    await edge.close();
    await core.close();
  });

  it('should answer a citizen connected to the edge from the intents, at once', async () => {
    const citizen = await connectCitizen(edge.baseUrl);
    const answer = nextMessage(citizen.socket, 'bot');

    expect(await emitWithAck(citizen.socket, 'conversation:message', { text: 'je me suis fait arnaquer sur leboncoin' })).toEqual({ ok: true });
    expect(await answer).toMatchObject({ outcome: 'answer', seq: 2 });
  });

  it('should show the handoff of a citizen on the edge in the queue of an officer on the core, and carry messages both ways', async () => {
    const officer = await connectOfficer(core.baseUrl, (await core.signInOfficer('core.officer')).accessToken);
    const citizen = await connectCitizen(edge.baseUrl);
    const listed = queueWhere(officer.socket, (items) => items.some((item) => item.conversationId === citizen.conversationId));
    await queue(citizen);
    await listed;

    const joined = nextMessage(citizen.socket, 'system');
    expect(await emitWithAck(officer.socket, 'handoff:take', { conversationId: citizen.conversationId })).toEqual({ ok: true });
    await joined;
    const officerText = nextMessage(citizen.socket, 'officer');
    await emitWithAck(officer.socket, 'conversation:message', { conversationId: citizen.conversationId, text: 'Bonjour, je vous écoute.' });
    const citizenText = waitForEvent<ChatMessage>(officer.socket, 'conversation:message', (message) => message.author === 'citizen');
    await emitWithAck(citizen.socket, 'conversation:message', { text: 'Mon voisin me menace' });

    expect(await officerText).toMatchObject({ text: 'Bonjour, je vous écoute.' });
    expect(await citizenText).toMatchObject({ conversationId: citizen.conversationId, text: 'Mon voisin me menace' });
    // Not recorded: the text crossed Redis but was stored nowhere, and no instance logged it.
    expect(await redisKeys(`${prefix}*`)).toEqual([]);
    expect([...core.logs.lines, ...edge.logs.lines].filter((line) => line.includes('voisin me menace'))).toEqual([]);
  });

  it('should serve a citizen on the long-polling transport of the edge', async () => {
    const citizen = await connectCitizen(edge.baseUrl, {}, ['polling']);
    const answer = nextMessage(citizen.socket, 'bot');
    await emitWithAck(citizen.socket, 'conversation:message', { text: 'on m a volé mon téléphone' });

    expect(citizen.socket.io.engine.transport.name).toBe('polling');
    expect(await answer).toMatchObject({ author: 'bot' });
  });

  it('should give a citizen whose reconnect lands on the other instance the same conversation and what they missed', async () => {
    const officer = await connectOfficer(core.baseUrl, (await core.signInOfficer('core.keeper')).accessToken);
    const citizen = await connectHeldCitizen(edge.baseUrl, officer.socket);
    const lastSeq = citizen.received.at(-1)?.seq ?? 0;
    const away = waitForEvent<{ connected: boolean }>(officer.socket, 'conversation:citizen-presence', ({ connected }) => !connected);
    citizen.socket.disconnect();
    await away;
    await emitWithAck(officer.socket, 'conversation:message', { conversationId: citizen.conversationId, text: 'Êtes-vous toujours là ?' });

    const back = await connectCitizen(core.baseUrl, { resumeToken: citizen.started.resumeToken, lastSeq });
    await receivedEvent(back, 'handoff:assigned');

    expect(back.started).toMatchObject({ conversationId: citizen.conversationId, resumed: true, status: 'assigned' });
    expect(back.received.map((message) => message.text)).toEqual(['Êtes-vous toujours là ?']);
  });

  it('should count the rating a citizen sends to the edge after an officer closed the chat', async () => {
    const officer = await connectOfficer(core.baseUrl, (await core.signInOfficer('core.closer')).accessToken);
    const citizen = await connectHeldCitizen(edge.baseUrl, officer.socket);
    const closed = receivedEvent<{ ratingToken: string }>(citizen, 'conversation:closed');
    await emitWithAck(officer.socket, 'conversation:close', { conversationId: citizen.conversationId, outcome: 'answered' });
    const { ratingToken } = await closed;

    await request(edge.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 5 }).expect(204);
    await request(edge.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 5 }).expect(404);
  });

  it('should send consoles and the officer API to the core, with a French explanation', async () => {
    const refused = await request(edge.baseUrl).get('/api/v1/supervision').expect(503);
    const token = (await core.signInOfficer('edge.visitor')).accessToken;
    const socket = io(`${edge.baseUrl}${OFFICER_NAMESPACE}`, { path: OFFICER_SOCKET_PATH, transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    const exception = waitForEvent<{ code: string }>(socket, 'exception');

    expect(refused.body.message).toBe(EDGE_SERVES_CITIZENS_ONLY);
    const page = await request(edge.baseUrl).get('/agent/').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(503);
    expect(page.text).toContain(EDGE_SERVES_CITIZENS_ONLY);
    expect(page.headers['content-security-policy']).toBeDefined();
    await request(edge.baseUrl).post('/api/v1/auth/login').send({ username: 'edge.visitor', password: 'whatever-it-is' }).expect(503);
    await request(edge.baseUrl).post('/API/V1/auth/login').send({ username: 'edge.visitor', password: 'whatever-it-is' }).expect(503);
    expect((await request(edge.baseUrl).get('/api/v1/health').expect(200)).body.cluster).toEqual({ role: 'edge', redis: true, core: true });
    expect((await request(core.baseUrl).get('/api/v1/health').expect(200)).body.cluster).toEqual({ role: 'core', redis: true, core: true });
    await request(edge.baseUrl).get('/').expect(200);
    expect(await exception).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: EDGE_SERVES_CITIZENS_ONLY });
    socket.close();
  });

  it('should find the sockets of a crashed edge at the second sweep, keep the live ones, and hear of an edge that stops', async () => {
    const officer = await connectOfficer(core.baseUrl, (await core.signInOfficer('core.watcher')).accessToken);
    const live = await connectCitizen(edge.baseUrl);
    await queue(live);
    const sessions = core.app.get(CitizenSessions);
    // The core hears of a socket that no instance holds: what an edge that crashed leaves behind.
    await sessions.connect({ socketId: 'socket-of-a-crashed-edge', address: '127.0.0.1', resumeToken: live.started.resumeToken, lastSeq: 0 });

    expect(await sessions.sweep()).toBe(0);
    expect(await sessions.sweep()).toBe(1);
    expect(await sessions.sweep()).toBe(0);
    const away = queueWhere(officer.socket, (items) => items.find((item) => item.conversationId === live.conversationId)?.citizenConnected === false);
    await edge.close();
    await away;
    edge = await createTestApp({ ...testClusterEnv(), INSTANCE_ROLE: 'edge' });
  });

  it('should make the citizens of an edge reconnect when the core restarts, to a new conversation', async () => {
    let resumeToken: string | undefined;
    const socket = io(`${edge.baseUrl}${CITIZEN_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      auth: (send) => send(resumeToken === undefined ? {} : { resumeToken, lastSeq: 0 }),
    });
    try {
      const first = await waitForEvent<ConversationStarted>(socket, 'conversation:started');
      resumeToken = first.resumeToken;
      await emitWithAck(socket, 'handoff:request', {});

      await core.close();
      const next = waitForEvent<ConversationStarted>(socket, 'conversation:started', (started) => started.conversationId !== first.conversationId, 10_000);
      core = await createTestApp(cluster);

      expect(await next).toMatchObject({ resumed: false, status: 'bot' });
    } finally {
      socket.close();
    }
  });

  it('should keep all console traffic under /agent/ and /api/, so a load balancer can route it by path', async () => {
    const token = (await core.signInOfficer('path.checker')).accessToken;
    const onCitizenPath = io(`${core.baseUrl}${OFFICER_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    const refused = waitForEvent<Error>(onCitizenPath, 'connect_error');

    expect((await refused).message).toBe('Invalid namespace');
    expect((await connectOfficer(core.baseUrl, token)).queue).toEqual([]);
    onCitizenPath.close();
  });

  it('should move a citizen from the core to the edge the same way', async () => {
    const citizen = await connectCitizen(core.baseUrl);
    await emitWithAck(citizen.socket, 'conversation:message', { text: 'bonjour' });
    const lastSeq = 1;
    citizen.socket.disconnect();

    const back = await connectCitizen(edge.baseUrl, { resumeToken: citizen.started.resumeToken, lastSeq });
    const missed = await receivedEvent<ChatMessage>(back, 'conversation:message');

    expect(back.started).toMatchObject({ conversationId: citizen.conversationId, resumed: true });
    expect(missed.seq).toBe(2);
  });

  it('should refuse to start a second core on the same prefix, and say how to start an edge instead', async () => {
    const second = createTestApp(cluster);

    await expect(second).rejects.toThrow(AnotherCoreError);
    await expect(second).rejects.toThrow('INSTANCE_ROLE=edge');
    expect((await connectCitizen(edge.baseUrl)).started.status).toBe('bot');
  });

  it('should answer calls from a host whose clock is an hour off, drop a call that waited too long, but answer a late ping', async () => {
    const caller = await rawCaller(prefix);
    try {
      const answered: string[] = [];
      const lastAnswered = new Promise<void>((resolve) =>
        caller.subscriber.on('message', (_channel: string, raw: string) => {
          const { id } = JSON.parse(raw) as { id: string };
          answered.push(id);
          if (id === 'on-time-after') {
            resolve();
          }
        }),
      );
      const anHourAhead = 3_600_000;
      const sentAgo = (ms: number) => performance.now() + anHourAhead - ms;

      await caller.disconnect('on-time', sentAgo(0));
      await caller.disconnect('waited-4.5-s', sentAgo(4_500));
      // What an edge's health check sends (1 s timeout): answering it late does no harm.
      await caller.ping('ping-waited-0.5-s', sentAgo(500), 1_000);
      await caller.disconnect('on-time-after', sentAgo(0));
      await lastAnswered;

      expect(answered).toEqual(['on-time', 'ping-waited-0.5-s', 'on-time-after']);
    } finally {
      caller.close();
    }
  });

  it('should log an error when the core hears another core announce itself on its prefix', async () => {
    const caller = await rawCaller(prefix);
    try {
      const answered = once(caller.subscriber, 'message');
      await caller.publisher.publish(`${prefix}:core-events`, JSON.stringify({ coreId: 'a-core-cut-from-redis-until-now', type: 'resync' }));
      // Heard after the announcement, on the same connection: once answered, the announcement has been handled.
      await caller.ping('after', performance.now());
      await answered;

      expect(core.logs.entries()).toContainEqual(expect.objectContaining({ level: 50, msg: expect.stringContaining('Another core') }));
    } finally {
      caller.close();
    }
  });

  it("should refuse a citizen of the edge while the core's adapter cannot reach it, and make the edge's citizens catch up once it can", async () => {
    const before = await connectCitizen(edge.baseUrl);
    const [publisher] = core.app.get(SocketRedisAdapter).connections;
    const socket = await refusedWhileClosed(publisher, edge.baseUrl);
    try {
      const started = waitForEvent<ConversationStarted>(socket, 'conversation:started');
      // Told to reconnect (this test client does not), as every edge socket is, to catch up.
      const resynced = waitForEvent<string>(before.socket, 'disconnect');
      await publisher.connect();

      expect(await started).toMatchObject({ resumed: false, status: 'bot' });
      expect(await resynced).toBe('transport close');
    } finally {
      socket.close();
    }
  });

  it("should refuse a citizen while the edge's own adapter cannot hear the core, and take them once it can", async () => {
    const [, subscriber] = edge.app.get(SocketRedisAdapter).connections;
    const socket = await refusedWhileClosed(subscriber, edge.baseUrl);
    try {
      const started = waitForEvent<ConversationStarted>(socket, 'conversation:started');
      await subscriber.connect();
      const answer = nextMessage(socket, 'bot');
      await emitWithAck(socket, 'conversation:message', { text: 'je me suis fait arnaquer sur leboncoin' });

      expect(await started).toMatchObject({ resumed: false });
      expect(await answer).toMatchObject({ outcome: 'answer' });
    } finally {
      socket.close();
    }
  });
});

describe('An edge whose core does not answer', () => {
  const cluster = testClusterEnv();
  let edge: TestApp;

  beforeAll(async () => {
    await requireRedis();
    edge = await createTestApp({ ...cluster, INSTANCE_ROLE: 'edge' });
  });

  afterAll(async () => {
    closeAllSockets();
    await edge.close();
  });

  it('should tell the citizen the service is unavailable, with the emergency numbers, and connect once a core answers', async () => {
    const socket = io(`${edge.baseUrl}${CITIZEN_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 50 });
    const refusal = waitForEvent<{ code: string; message: string }>(socket, 'exception', undefined, CORE_CALL_TIMEOUT_MS + 3_000);
    const closed = waitForEvent<string>(socket, 'disconnect', undefined, CORE_CALL_TIMEOUT_MS + 3_000);
    let core: TestApp | undefined;
    try {
      expect((await request(edge.baseUrl).get('/api/v1/health').expect(200)).body.cluster).toEqual({ role: 'edge', redis: true, core: false });
      expect(await refusal).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('17 ou le 112') });
      expect(await closed).toBe('transport close');
      const started = waitForEvent<ConversationStarted>(socket, 'conversation:started', undefined, 10_000);
      core = await createTestApp(cluster);

      expect(await started).toMatchObject({ resumed: false, status: 'bot' });
    } finally {
      socket.close();
      await core?.close();
    }
  }, 20_000);
});

describe('A Redis outage between a core and an edge', () => {
  let proxy: TcpProxy;
  let core: TestApp;
  let edge: TestApp;

  beforeAll(async () => {
    await requireRedis();
    proxy = await startTcpProxy(Number(new URL(TEST_REDIS_URL).port || 6379));
    ({ core, edge } = await bootCoreAndEdge(testClusterEnv(`redis://127.0.0.1:${proxy.port}`)));
  });

  afterAll(async () => {
    closeAllSockets();
    await edge.close();
    await core.close();
    await proxy.close();
  });

  it('should give the citizen of the edge what the officer wrote during the outage, once Redis is back', async () => {
    const officer = await connectOfficer(core.baseUrl, (await core.signInOfficer('outage.officer')).accessToken);
    const received: ChatMessage[] = [];
    let resumeToken: string | undefined;
    const citizen = io(`${edge.baseUrl}${CITIZEN_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      auth: (send) => send(resumeToken === undefined ? {} : { resumeToken, lastSeq: received.at(-1)?.seq ?? 0 }),
    });
    citizen.on('conversation:message', (message: ChatMessage) => received.push(message));
    try {
      const started = await waitForEvent<ConversationStarted>(citizen, 'conversation:started');
      resumeToken = started.resumeToken;
      const queued = waitForEvent(citizen, 'handoff:queued');
      await emitWithAck(citizen, 'handoff:request', {});
      await queued;
      const joined = nextMessage(citizen, 'system');
      await emitWithAck(officer.socket, 'handoff:take', { conversationId: started.conversationId });
      await joined;

      proxy.cut();
      expect(await emitWithAck(officer.socket, 'conversation:message', { conversationId: started.conversationId, text: 'Écrit pendant la coupure' })).toEqual({ ok: true });
      const caughtUp = waitForEvent<ChatMessage>(citizen, 'conversation:message', (message) => message.text === 'Écrit pendant la coupure', 15_000);
      proxy.restore();

      expect((await caughtUp).author).toBe('officer');
      expect(received.filter((message) => message.text === 'Écrit pendant la coupure')).toHaveLength(1);
    } finally {
      citizen.close();
    }
  }, 25_000);

  it('should keep serving the citizens of the core while Redis is down, and skip the sweep rather than hang', async () => {
    const lost = once(core.app.get(SocketRedisAdapter).connections[0], 'close');
    proxy.cut();
    try {
      await lost;
      expect(await core.app.get(CitizenSessions).sweep()).toBe(0);

      const citizen = await connectCitizen(core.baseUrl);
      const answer = nextMessage(citizen.socket, 'bot');
      await emitWithAck(citizen.socket, 'conversation:message', { text: 'je me suis fait arnaquer sur leboncoin' });

      expect(await answer).toMatchObject({ outcome: 'answer' });
      const leaving = waitForEvent(citizen.socket, 'disconnect');
      await emitWithAck(citizen.socket, 'conversation:leave', {});
      await leaving;
    } finally {
      proxy.restore();
    }
  });
});
