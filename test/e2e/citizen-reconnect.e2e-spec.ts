import { io } from 'socket.io-client';
import { type AssignedConversationView, CITIZEN_NAMESPACE, type ChatMessage, type OfficerLoadView, type QueueItemView } from '../../src/contracts/socket-events';
import { MAX_WAIT_NOTICE, WHILE_QUEUED_PREFIX } from '../../src/conversation/conversation.service';
import { ConversationStore } from '../../src/conversation/conversation.store';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';
import {
  closeAllSockets,
  connectCitizen,
  connectHeldCitizen,
  connectOfficer,
  connectQueuedCitizen,
  type ConversationStarted,
  emitWithAck,
  nextMessage,
  type OfficerClient,
  officerSocket,
  receivedEvent,
  waitForEvent,
} from '../support/socket-client';

const GRACE_SECONDS = 120;
const OFFICER_GRACE_SECONDS = 120;

type Roster = { officers: OfficerLoadView[] };
const MAX_WAIT_SECONDS = 600;

/** Resolves when the console's queue satisfies `predicate`. */
function queueWhere(officer: OfficerClient, predicate: (items: QueueItemView[]) => boolean): Promise<QueueItemView[]> {
  return waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => predicate(items)).then(({ items }) => items);
}

/** Resolves once the server has seen the socket go (its disconnect handler ran). */
async function disconnectAndSettle(socket: { disconnect(): unknown }, officer: OfficerClient, settled: (items: QueueItemView[]) => boolean): Promise<void> {
  const seen = queueWhere(officer, settled);
  socket.disconnect();
  await seen;
}

describe('Citizen reconnects, grace period and queue exits (fake clock)', () => {
  let sut: TestApp;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    sut = await createTestApp({ CITIZEN_RECONNECT_GRACE_SECONDS: String(GRACE_SECONDS), MAX_QUEUE_WAIT_SECONDS: String(MAX_WAIT_SECONDS) }, { clock });
  });

  afterEach(async () => {
    closeAllSockets();
    await sut.close();
  });

  it('should give a citizen who reloads while queued the same conversation, place and missed messages, once (S-08, S-12)', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('patient')).accessToken);
    await connectQueuedCitizen(sut.baseUrl);
    const citizen = await connectQueuedCitizen(sut.baseUrl);
    const lastSeq = citizen.received.at(-1)?.seq ?? 0;
    await disconnectAndSettle(citizen.socket, officer, (items) => items[1]?.citizenConnected === false);
    clock.tick((GRACE_SECONDS - 20) * 1000);

    const back = await connectCitizen(sut.baseUrl, { resumeToken: citizen.started.resumeToken, lastSeq });
    const position = await receivedEvent<{ position: number }>(back, 'handoff:queued');

    expect(back.started).toMatchObject({ conversationId: citizen.conversationId, resumed: true, status: 'queued' });
    expect(position.position).toBe(2);
    const items = await queueWhere(officer, (list) => list[1]?.citizenConnected === true);
    expect(items.map((item) => item.conversationId).filter((id) => id === citizen.conversationId)).toHaveLength(1);
  });

  it('should deliver an officer message sent while the citizen was away exactly once, in order', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('writer')).accessToken);
    const citizen = await connectHeldCitizen(sut.baseUrl, officer);
    const lastSeq = citizen.received.at(-1)?.seq ?? 0;
    const away = waitForEvent<{ connected: boolean }>(officer, 'conversation:citizen-presence');
    citizen.socket.disconnect();
    expect(await away).toMatchObject({ connected: false });
    await emitWithAck(officer, 'conversation:message', { conversationId: citizen.conversationId, text: 'Êtes-vous toujours là ?' });

    const returned = waitForEvent<{ connected: boolean }>(officer, 'conversation:citizen-presence');
    const back = await connectCitizen(sut.baseUrl, { resumeToken: citizen.started.resumeToken, lastSeq });
    await receivedEvent(back, 'handoff:assigned');

    expect(await returned).toMatchObject({ connected: true });
    expect(back.received.map((message) => [message.seq, message.author, message.text])).toEqual([[lastSeq + 1, 'officer', 'Êtes-vous toujours là ?']]);
  });

  it('should let a second tab join the same conversation, both tabs receiving the officer', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('tabs')).accessToken);
    const first = await connectHeldCitizen(sut.baseUrl, officer);
    const second = await connectCitizen(sut.baseUrl, { resumeToken: first.started.resumeToken, lastSeq: first.received.at(-1)?.seq });

    const inFirst = nextMessage(first.socket, 'officer');
    const inSecond = nextMessage(second.socket, 'officer');
    await emitWithAck(officer, 'conversation:message', { conversationId: first.conversationId, text: 'Bonjour' });

    expect(second.conversationId).toBe(first.conversationId);
    expect((await inFirst).seq).toBe((await inSecond).seq);
  });

  it('should make one queue entry from two « parler à un agent » in the same instant (S-15)', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('double')).accessToken);
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);
    const listed = queueWhere(officer, (items) => items.length > 0);

    await Promise.all([emitWithAck(citizen, 'handoff:request', {}), emitWithAck(citizen, 'handoff:request', {})]);

    expect((await listed).filter((item) => item.conversationId === conversationId)).toHaveLength(1);
  });

  it('should take a queued chat out of the queue once the grace period has passed, and forget it', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('grace')).accessToken);
    const citizen = await connectQueuedCitizen(sut.baseUrl);
    await disconnectAndSettle(citizen.socket, officer, (items) => items[0]?.citizenConnected === false);

    const emptied = queueWhere(officer, (items) => items.length === 0);
    clock.tick(GRACE_SECONDS * 1000);
    await emptied;

    expect(sut.app.get(ConversationStore).size()).toBe(0);
    const again = await connectCitizen(sut.baseUrl, { resumeToken: citizen.started.resumeToken, lastSeq: 3 });
    expect(again.started).toMatchObject({ resumed: false, status: 'bot' });
    expect(again.conversationId).not.toBe(citizen.conversationId);
  });

  it('should show a chat closed while the citizen was away as closed on return, then forget it (S-12)', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('closing')).accessToken);
    const citizen = await connectHeldCitizen(sut.baseUrl, officer);
    const lastSeq = citizen.received.at(-1)?.seq ?? 0;
    const away = waitForEvent(officer, 'conversation:citizen-presence');
    citizen.socket.disconnect();
    await away;
    await emitWithAck(officer, 'conversation:message', { conversationId: citizen.conversationId, text: 'Je clôture, bonne journée.' });
    await emitWithAck(officer, 'conversation:close', { conversationId: citizen.conversationId, outcome: 'answered' });
    expect(sut.app.get(ConversationStore).size()).toBe(1);

    const back = await connectCitizen(sut.baseUrl, { resumeToken: citizen.started.resumeToken, lastSeq });
    const closed = await receivedEvent<{ reason: string; ratingToken: string }>(back, 'conversation:closed');

    expect(closed).toEqual({ reason: 'officer_closed', ratingToken: expect.any(String) });
    expect(back.received.map((message: ChatMessage) => message.author)).toEqual(['officer', 'system']);
    expect(sut.app.get(ConversationStore).size()).toBe(0);
  });

  it('should keep a chat an officer closed for a phone whose connection silently dropped, with the last answer (S-12)', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('halfopen')).accessToken);
    const citizen = await connectHeldCitizen(sut.baseUrl, officer);
    const lastSeen = citizen.received.at(-1)?.seq ?? 0;
    // The phone's socket still looks connected to the service while the officer answers and closes.
    await emitWithAck(officer, 'conversation:message', { conversationId: citizen.conversationId, text: 'Voici la réponse.' });
    const dropped = waitForEvent(citizen.socket, 'disconnect');
    await emitWithAck(officer, 'conversation:close', { conversationId: citizen.conversationId, outcome: 'answered' });
    await dropped;

    const back = await connectCitizen(sut.baseUrl, { resumeToken: citizen.started.resumeToken, lastSeq: lastSeen });
    await receivedEvent(back, 'conversation:closed');

    expect(back.started).toMatchObject({ conversationId: citizen.conversationId, resumed: true, status: 'closed' });
    expect(back.received.map((message) => message.text)).toEqual(['Voici la réponse.', 'La conversation a été clôturée par le policier.']);
    expect(sut.app.get(ConversationStore).size()).toBe(0);
  });

  it('should forget a closed chat nobody came back to once the grace period has passed', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('forgetful')).accessToken);
    const citizen = await connectHeldCitizen(sut.baseUrl, officer);
    const dropped = waitForEvent(citizen.socket, 'disconnect');
    await emitWithAck(officer, 'conversation:close', { conversationId: citizen.conversationId, outcome: 'answered' });
    await dropped;
    expect(sut.app.get(ConversationStore).size()).toBe(1);

    clock.tick(GRACE_SECONDS * 1000);

    expect(sut.app.get(ConversationStore).size()).toBe(0);
  });

  it('should put a citizen who left the queue and asks again behind those who came meanwhile', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('fair')).accessToken);
    const early = await connectQueuedCitizen(sut.baseUrl);
    await emitWithAck(early.socket, 'handoff:cancel', {});
    clock.tick(60_000);
    const later = await connectQueuedCitizen(sut.baseUrl);

    const both = queueWhere(officer, (items) => items.length === 2);
    await emitWithAck(early.socket, 'handoff:request', {});

    expect((await both).map((item) => item.conversationId)).toEqual([later.conversationId, early.conversationId]);
  });

  it('should offer the links and the choice to keep waiting at the maximum wait, and tell a late officer it expired (S-07)', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('late')).accessToken);
    const citizen = await connectQueuedCitizen(sut.baseUrl);

    const offer = waitForEvent<ChatMessage>(citizen.socket, 'conversation:message', (message) => message.offerKeepWaiting === true);
    const left = waitForEvent<{ reason: string }>(citizen.socket, 'handoff:left');
    const emptied = queueWhere(officer, (items) => items.length === 0);
    clock.tick(MAX_WAIT_SECONDS * 1000);

    expect(await left).toEqual({ reason: 'max_wait' });
    const message = await offer;
    expect(message.text).toBe(MAX_WAIT_NOTICE);
    expect(message.links.length).toBeGreaterThan(0);
    await emptied;
    expect(await emitWithAck(officer, 'handoff:take', { conversationId: citizen.conversationId })).toMatchObject({ ok: false, code: 'CONVERSATION_EXPIRED' });

    const requeued = queueWhere(officer, (items) => items[0]?.conversationId === citizen.conversationId);
    expect(await emitWithAck(citizen.socket, 'handoff:keep-waiting', {})).toEqual({ ok: true });
    await requeued;
    expect(await emitWithAck(citizen.socket, 'handoff:keep-waiting', {})).toMatchObject({ ok: false, code: 'NOT_WAITING' });
  });

  it('should let a citizen leave the queue and keep talking to the bot', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('leaver')).accessToken);
    const citizen = await connectQueuedCitizen(sut.baseUrl);

    const left = waitForEvent<{ reason: string }>(citizen.socket, 'handoff:left');
    const emptied = queueWhere(officer, (items) => items.length === 0);
    expect(await emitWithAck(citizen.socket, 'handoff:cancel', {})).toEqual({ ok: true });

    expect(await left).toEqual({ reason: 'citizen_cancelled' });
    await emptied;
    const answer = nextMessage(citizen.socket, 'bot');
    await emitWithAck(citizen.socket, 'conversation:message', { text: "j'ai perdu ma carte d'identité" });
    expect((await answer).outcome).toBe('answer');
    expect(await emitWithAck(citizen.socket, 'handoff:cancel', {})).toMatchObject({ code: 'NOT_WAITING' });
  });

  it('should offer a confident answer « en attendant » to a waiting citizen, who stays in the queue', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('meanwhile')).accessToken);
    const citizen = await connectQueuedCitizen(sut.baseUrl);

    const answer = nextMessage(citizen.socket, 'bot');
    await emitWithAck(citizen.socket, 'conversation:message', { text: "on m'a volé ma carte bancaire, je veux faire opposition" });

    const message = await answer;
    expect(message).toMatchObject({ whileQueued: true, outcome: 'answer' });
    expect(message.text.startsWith(WHILE_QUEUED_PREFIX)).toBe(true);
    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('witness2')).accessToken);
    expect(queue.map((item) => item.conversationId)).toEqual([citizen.conversationId]);
    expect(officer.connected).toBe(true);
  });

  it('should give an officer who drops their chats back within the grace period, and requeue them after it (S-10)', async () => {
    const token = (await sut.signInOfficer('dropper', 'Agent Drop')).accessToken;
    const { socket: first } = await connectOfficer(sut.baseUrl, token);
    const { socket: witness } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('witness3')).accessToken);
    const citizen = await connectHeldCitizen(sut.baseUrl, first);
    const offline = waitForEvent<Roster>(witness, 'officer:roster', ({ officers }) => officers.some((entry) => entry.displayName === 'Agent Drop' && !entry.online));
    first.disconnect();
    await offline;
    clock.tick(OFFICER_GRACE_SECONDS * 1000 - 1_000);

    const again = officerSocket(sut.baseUrl, token);
    const view = waitForEvent<AssignedConversationView>(again, 'conversation:assigned');
    again.connect();
    expect((await view).conversationId).toBe(citizen.conversationId);
    const offlineAgain = waitForEvent<Roster>(witness, 'officer:roster', ({ officers }) => officers.some((entry) => entry.displayName === 'Agent Drop' && !entry.online));
    again.disconnect();
    await offlineAgain;

    const told = nextMessage(citizen.socket, 'system');
    const requeued = queueWhere(witness, (items) => items[0]?.conversationId === citizen.conversationId);
    clock.tick(OFFICER_GRACE_SECONDS * 1000);
    await requeued;
    expect((await told).text).toMatch(/un autre policier va vous répondre/);
  });
});

describe('Long-polling transport (a proxy that blocks websockets, S-13)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ CITIZEN_RECONNECT_GRACE_SECONDS: String(GRACE_SECONDS) });
  });

  afterAll(async () => {
    closeAllSockets();
    await sut.close();
  });

  it('should serve a citizen over HTTP long-polling, and resume the conversation after a reconnect', async () => {
    const url = `${sut.baseUrl}${CITIZEN_NAMESPACE}`;
    const first = io(url, { transports: ['polling'], reconnection: false, forceNew: true });
    const started = await waitForEvent<ConversationStarted>(first, 'conversation:started');
    const answered = waitForEvent<ChatMessage>(first, 'conversation:message', (message) => message.author === 'bot');
    await emitWithAck(first, 'conversation:message', { text: "j'ai perdu mon passeport" });
    const answer = await answered;
    first.disconnect();

    const again = io(url, { transports: ['polling'], reconnection: false, forceNew: true, auth: { resumeToken: started.resumeToken, lastSeq: answer.seq } });
    const resumed = await waitForEvent<ConversationStarted>(again, 'conversation:started');
    // The service ends it (no client request left in flight when the test ends).
    const gone = waitForEvent(again, 'disconnect');
    await emitWithAck(again, 'conversation:leave', {});
    await gone;

    expect(answer.outcome).toBe('answer');
    expect(resumed).toMatchObject({ conversationId: started.conversationId, resumed: true });
  });
});
