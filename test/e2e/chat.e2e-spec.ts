import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import type { Ack, ChatMessage, QueueItemView, SocketException } from '../../src/contracts/socket-events';
import { ConversationStore } from '../../src/conversation/conversation.store';
import { createTestApp, type TestApp } from '../support/create-test-app';
import {
  closeAllSockets,
  connectCitizen,
  connectHeldCitizen,
  connectOfficer,
  connectQueuedCitizen,
  emitWithAck,
  nextMessage,
  officerSocket,
  waitForEvent,
} from '../support/socket-client';

const UNRESOLVABLE = 'Je voudrais savoir où en est l’enquête sur l’affaire de mon frère jugée l’an dernier';

describe('Citizen chat and officer handoff', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });

  afterEach(() => {
    closeAllSockets();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should answer an emergency with 17, 112 and 114 at once and never queue it', async () => {
    const { token } = { token: (await sut.signInOfficer('watcher.emergency')).accessToken };
    const { socket: officer } = await connectOfficer(sut.baseUrl, token);
    const queueUpdates: QueueItemView[][] = [];
    officer.on('handoff:queue', ({ items }) => queueUpdates.push(items));
    const { socket: citizen } = await connectCitizen(sut.baseUrl);
    let queued = false;
    citizen.on('handoff:queued', () => {
      queued = true;
    });

    const reply = nextMessage(citizen, 'bot');
    const ack = await emitWithAck(citizen, 'conversation:message', { text: 'aidez moi il me frappe, il est encore dans l’appartement' });
    const message = await reply;

    expect(ack).toEqual({ ok: true });
    expect(message.outcome).toBe('emergency');
    expect(message.text).toMatch(/17/);
    expect(message.text).toMatch(/112/);
    expect(message.text).toMatch(/114/);
    expect(queued).toBe(false);
    expect(queueUpdates.flat()).toEqual([]);
  });

  it('should answer a fraud question with its links and keep the citizen with the bot', async () => {
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);

    const echo = nextMessage(citizen, 'citizen');
    const reply = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: 'on m’a débité ma carte bancaire pour des achats que je n’ai pas faits' });

    expect(await echo).toMatchObject({ conversationId, seq: 1, author: 'citizen' });
    const message = await reply;
    expect(message).toMatchObject({ conversationId, seq: 2, author: 'bot', outcome: 'answer' });
    expect(message.links.length).toBeGreaterThan(0);
    expect(message.links.map((link) => link.url).join(' ')).toContain('https://');
  });

  it('should queue an unresolved question, let a signed-in officer take it, reply and close it', async () => {
    const login = await sut.signInOfficer('bruno', 'Brigadier Bruno');
    const { socket: officer, queue: initialQueue } = await connectOfficer(sut.baseUrl, login.accessToken);
    expect(initialQueue).toEqual([]);
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);

    // The bot cannot resolve it: the citizen is told and queued, the officer sees the message live.
    const queued = waitForEvent<{ position: number }>(citizen, 'handoff:queued');
    const queueSeen = waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => items.length > 0);
    const botReply = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: UNRESOLVABLE });
    expect((await botReply).outcome).toBe('handoff');
    expect(await queued).toMatchObject({ position: 1 });
    const { items } = await queueSeen;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ conversationId, position: 1 });
    expect(items[0].messages.map((message) => message.text)).toContain(UNRESOLVABLE);

    // The officer takes it: the citizen is told who joined, the officer gets the history.
    const assignedToCitizen = waitForEvent<{ officerName: string }>(citizen, 'handoff:assigned');
    const assignedToOfficer = waitForEvent<{ conversationId: string; messages: ChatMessage[] }>(officer, 'conversation:assigned');
    const queueEmptied = waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items: after }) => after.length === 0);
    expect(await emitWithAck(officer, 'handoff:take', { conversationId })).toEqual({ ok: true });
    expect(await assignedToCitizen).toEqual({ officerName: 'Brigadier Bruno' });
    expect((await assignedToOfficer).messages.map((message) => message.author)).toEqual(['citizen', 'bot']);
    await queueEmptied;

    // They talk: the officer's reply reaches the citizen, the citizen's answer reaches the officer.
    const officerReply = nextMessage(citizen, 'officer');
    expect(await emitWithAck(officer, 'conversation:message', { conversationId, text: 'Bonjour, je regarde votre dossier.' })).toEqual({ ok: true });
    expect(await officerReply).toMatchObject({ author: 'officer', text: 'Bonjour, je regarde votre dossier.', officerName: 'Brigadier Bruno' });
    const citizenMessage = nextMessage(officer, 'citizen');
    await emitWithAck(citizen, 'conversation:message', { text: 'Merci, c’est le dossier 42.' });
    expect(await citizenMessage).toMatchObject({ conversationId, author: 'citizen', text: 'Merci, c’est le dossier 42.' });

    // The officer closes: both sides are told and the conversation is gone from memory.
    const closedForCitizen = waitForEvent(citizen, 'conversation:closed');
    const closedForOfficer = waitForEvent(officer, 'conversation:closed');
    const citizenDisconnected = waitForEvent(citizen, 'disconnect');
    expect(await emitWithAck(officer, 'conversation:close', { conversationId, outcome: 'answered' })).toEqual({ ok: true });
    expect(await closedForCitizen).toEqual({ reason: 'officer_closed', ratingToken: expect.any(String) });
    expect(await closedForOfficer).toEqual({ conversationId, reason: 'officer_closed' });
    await citizenDisconnected;
    expect(sut.app.get(ConversationStore).get(conversationId)).toBeUndefined();
  });

  it('should keep the bot silent once an officer holds the chat, even for a question a rule answers', async () => {
    const login = await sut.signInOfficer('silent.officer');
    const { socket: officer } = await connectOfficer(sut.baseUrl, login.accessToken);
    const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, officer);
    const citizenAuthors: string[] = [];
    citizen.on('conversation:message', (message) => citizenAuthors.push(message.author));

    const reachedOfficer = nextMessage(officer, 'citizen');
    await emitWithAck(citizen, 'conversation:message', { text: 'comment porter plainte en ligne ?' });
    await reachedOfficer;
    const officerReply = nextMessage(citizen, 'officer');
    await emitWithAck(officer, 'conversation:message', { conversationId, text: 'Je vous explique.' });
    await officerReply;

    expect(citizenAuthors).toEqual(['citizen', 'officer']);
  });

  it('should flag a danger message to the officer who holds the chat, while the bot stays silent', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('flag.officer')).accessToken);
    const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, officer);
    const citizenAuthors: string[] = [];
    citizen.on('conversation:message', (message) => citizenAuthors.push(message.author));

    const flagged = nextMessage(officer, 'citizen');
    await emitWithAck(citizen, 'conversation:message', { text: 'il est revenu, il défonce la porte avec un marteau, au secours' });
    expect(await flagged).toMatchObject({ author: 'citizen', safetyFlag: 'emergency' });
    const calm = nextMessage(officer, 'citizen');
    await emitWithAck(citizen, 'conversation:message', { text: 'merci pour votre réponse' });

    expect((await calm).safetyFlag).toBeUndefined();
    expect(citizenAuthors).toEqual(['citizen', 'citizen']);
  });

  it('should let exactly one of two officers take the same chat', async () => {
    const first = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('race.one')).accessToken);
    const second = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('race.two')).accessToken);
    const { socket: citizen, conversationId } = await connectQueuedCitizen(sut.baseUrl);

    const acks = await Promise.all([
      emitWithAck(first.socket, 'handoff:take', { conversationId }),
      emitWithAck(second.socket, 'handoff:take', { conversationId }),
    ]);

    expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
    expect(acks.find((ack) => !ack.ok)).toMatchObject({ ok: false, code: 'CONVERSATION_ALREADY_TAKEN' });
  });

  it('should queue a chat only once however often the citizen asks', async () => {
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);
    const queued = waitForEvent(citizen, 'handoff:queued');

    await Promise.all([emitWithAck(citizen, 'handoff:request', {}), emitWithAck(citizen, 'handoff:request', {})]);
    await queued;
    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('count.officer')).accessToken);

    expect(queue.filter((item) => item.conversationId === conversationId)).toHaveLength(1);
  });

  it('should refuse a socket without a valid token on the officer namespace, and change nothing', async () => {
    const { socket: citizen, conversationId } = await connectQueuedCitizen(sut.baseUrl);

    for (const token of [undefined, 'not-a-token', `${(await sut.signInOfficer('forger')).accessToken}x`]) {
      const intruder = officerSocket(sut.baseUrl, token);
      const refusal = waitForEvent<SocketException>(intruder, 'exception');
      const disconnected = waitForEvent(intruder, 'disconnect');
      intruder.connect();
      expect(await refusal).toMatchObject({ code: 'UNAUTHORIZED' });
      await disconnected;
    }

    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('checker')).accessToken);
    expect(queue.map((item) => item.conversationId)).toContain(conversationId);
  });

  it('should give a citizen socket no way to send officer events', async () => {
    const { socket: waiting, conversationId } = await connectQueuedCitizen(sut.baseUrl);
    const { socket: attacker } = await connectCitizen(sut.baseUrl);

    const untyped = attacker as unknown as Socket;
    untyped.emit('handoff:take', { conversationId });
    untyped.emit('conversation:close', { conversationId, outcome: 'answered' });
    const echo = nextMessage(attacker, 'citizen');
    await emitWithAck(attacker, 'conversation:message', { text: 'bonjour' });
    await echo;

    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('verifier')).accessToken);
    expect(queue.map((item) => item.conversationId)).toContain(conversationId);
  });

  it('should refuse an officer acting on a chat another officer holds', async () => {
    const holder = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('holder')).accessToken);
    const other = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('other')).accessToken);
    const { socket: citizen, conversationId } = await connectQueuedCitizen(sut.baseUrl);
    await emitWithAck(holder.socket, 'handoff:take', { conversationId });

    const reply = await emitWithAck(other.socket, 'conversation:message', { conversationId, text: 'intrusion' });
    const close = await emitWithAck(other.socket, 'conversation:close', { conversationId, outcome: 'answered' });

    expect(reply).toMatchObject({ ok: false, code: 'NOT_YOUR_CONVERSATION' });
    expect(close).toMatchObject({ ok: false, code: 'NOT_YOUR_CONVERSATION' });
    expect(sut.app.get(ConversationStore).get(conversationId)?.status).toBe('assigned');
  });

  it.each([
    ['empty', { text: '' }],
    ['not a string', { text: 12 }],
    ['too long', { text: 'SECRET-MARKER'.repeat(200) }],
    ['with extra fields', { text: 'SECRET-MARKER', admin: true }],
    ['not an object', 'SECRET-MARKER'],
  ])('should refuse a citizen message that is %s with VALIDATION_FAILED and no echo', async (_case, payload) => {
    const { socket: citizen } = await connectCitizen(sut.baseUrl);
    const exception = waitForEvent<SocketException>(citizen, 'exception');

    const ack: Ack = await emitWithAck(citizen, 'conversation:message', payload);

    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(ack)).not.toContain('SECRET-MARKER');
    expect(JSON.stringify(await exception)).not.toContain('SECRET-MARKER');
    const stillServed = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: 'bonjour' });
    await stillServed;
  });

  it('should give a reconnecting officer console the chats the officer holds', async () => {
    const login = await sut.signInOfficer('reload.officer');
    const { socket: first } = await connectOfficer(sut.baseUrl, login.accessToken);
    const { socket: citizen, conversationId } = await connectQueuedCitizen(sut.baseUrl);
    await emitWithAck(first, 'handoff:take', { conversationId });
    first.disconnect();

    const second = officerSocket(sut.baseUrl, login.accessToken);
    const heldAgain = waitForEvent<{ conversationId: string }>(second, 'conversation:assigned');
    second.connect();

    expect(await heldAgain).toMatchObject({ conversationId, status: 'assigned' });
    const reachedOfficer = nextMessage(second, 'citizen');
    await emitWithAck(citizen, 'conversation:message', { text: 'vous êtes toujours là ?' });
    await reachedOfficer;
  });

  it('should acknowledge a citizen who leaves, then close the conversation', async () => {
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);
    const closed = waitForEvent(citizen, 'conversation:closed');

    expect(await emitWithAck(citizen, 'conversation:leave', {})).toEqual({ ok: true });
    expect(await closed).toEqual({ reason: 'citizen_left', ratingToken: expect.any(String) });
    expect(sut.app.get(ConversationStore).get(conversationId)).toBeUndefined();
  });

  it('should forget a conversation when the citizen leaves, and take it out of the queue', async () => {
    const login = await sut.signInOfficer('leave.watcher');
    const { socket: officer } = await connectOfficer(sut.baseUrl, login.accessToken);
    const { socket: citizen, conversationId } = await connectQueuedCitizen(sut.baseUrl);

    const gone = waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => !items.some((item) => item.conversationId === conversationId));
    citizen.disconnect();
    await gone;

    expect(sut.app.get(ConversationStore).get(conversationId)).toBeUndefined();
  });
});

describe('Clarifying questions in the citizen chat', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ INTENTS_DIR: join(__dirname, '..', 'fixtures', 'intents', 'clarify') });
  });

  afterEach(() => {
    closeAllSockets();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should offer quick replies for two close intents and answer the one the citizen picks', async () => {
    const { socket: citizen } = await connectCitizen(sut.baseUrl);
    const question = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: 'un litige' });
    const clarify = await question;
    expect(clarify.outcome).toBe('clarify');
    expect(clarify.choices?.map((choice) => choice.intent).sort()).toEqual(['seller_dispute', 'shop_dispute']);

    const answer = nextMessage(citizen, 'bot');
    expect(await emitWithAck(citizen, 'conversation:choose', { intent: 'shop_dispute' })).toEqual({ ok: true });

    expect(await answer).toMatchObject({ outcome: 'answer', text: 'Réponse de l\'intention shop_dispute.' });
  });

  it('should let every kind of citizen message reach the officer who holds the chat, and the bot answer none (S-02)', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('gate.officer')).accessToken);
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);
    const clarify = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: 'un litige' });
    expect((await clarify).outcome).toBe('clarify');
    await emitWithAck(citizen, 'handoff:request', {});
    const joined = nextMessage(citizen, 'system');
    await emitWithAck(officer, 'handoff:take', { conversationId });
    await joined;
    const citizenSees: string[] = [];
    citizen.on('conversation:message', (message) => citizenSees.push(message.author));
    const officerGets: string[] = [];
    officer.on('conversation:message', (message) => officerGets.push(message.text));

    const long = `Voici tout le détail. ${'x'.repeat(1978)}`;
    expect(await emitWithAck(citizen, 'conversation:choose', { intent: 'shop_dispute' })).toEqual({ ok: true });
    for (const text of ['👍', 'voici le lien https://exemple.fr/annonce', long]) {
      expect(await emitWithAck(citizen, 'conversation:message', { text })).toEqual({ ok: true });
    }
    expect(await emitWithAck(citizen, 'conversation:message', { text: '   ' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const reached = nextMessage(officer, 'citizen');
    await emitWithAck(citizen, 'conversation:message', { text: 'fin' });
    await reached;

    expect(officerGets).toEqual(['Intention shop_dispute', '👍', 'voici le lien https://exemple.fr/annonce', long, 'fin']);
    expect(citizenSees.every((author) => author === 'citizen')).toBe(true);
  });

  it('should refuse a choice that was not offered', async () => {
    const { socket: citizen } = await connectCitizen(sut.baseUrl);

    expect(await emitWithAck(citizen, 'conversation:choose', { intent: 'shop_dispute' })).toMatchObject({ ok: false, code: 'CHOICE_NOT_OFFERED' });
  });

  it('should clarify only once per question, then hand the chat to an officer', async () => {
    const { socket: citizen } = await connectCitizen(sut.baseUrl);
    const first = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: 'un litige' });
    expect((await first).outcome).toBe('clarify');

    const second = nextMessage(citizen, 'bot');
    const queued = waitForEvent(citizen, 'handoff:queued');
    await emitWithAck(citizen, 'conversation:message', { text: 'encore un litige' });

    expect((await second).outcome).toBe('handoff');
    expect(await queued).toMatchObject({ position: 1 });
  });
});
