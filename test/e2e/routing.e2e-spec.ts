import type { AssignedConversationView, CannedAnswer, ChatMessage, OfficerLoadView, QueueItemView, RoutingMode } from '../../src/contracts/socket-events';
import { NO_OFFICER_AVAILABLE_NOTICE } from '../../src/conversation/conversation.service';
import { createTestApp, type TestApp } from '../support/create-test-app';
import {
  closeAllSockets,
  connectCitizen,
  connectHeldCitizen,
  connectOfficer,
  connectQueuedCitizen,
  emitWithAck,
  nextMessage,
  type OfficerClient,
  officerSocket,
  waitForEvent,
} from '../support/socket-client';

type Roster = { officers: OfficerLoadView[]; routingMode: RoutingMode };

/** Waits until the console's queue satisfies `predicate`. */
function queueWhere(officer: OfficerClient, predicate: (items: QueueItemView[]) => boolean): Promise<QueueItemView[]> {
  return waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => predicate(items)).then(({ items }) => items);
}

describe('Queue and routing: officers pick (ROUTING_MODE=pick)', () => {
  let sut: TestApp;

  beforeEach(async () => {
    // Every test citizen comes from 127.0.0.1: the per-address limit would stop the 100-round race.
    sut = await createTestApp({ CITIZEN_MESSAGES_PER_IP: '100000', MAX_CONVERSATIONS_PER_IP: '1000' });
  });

  afterEach(async () => {
    closeAllSockets();
    await sut.close();
  });

  it('should refuse a take beyond the officer capacity, and nothing changes', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('solo', 'Solo', ['officer'], 1)).accessToken);
    await connectHeldCitizen(sut.baseUrl, officer);
    const second = await connectQueuedCitizen(sut.baseUrl);

    const refusal = await emitWithAck(officer, 'handoff:take', { conversationId: second.conversationId });

    expect(refusal).toMatchObject({ ok: false, code: 'AT_CAPACITY' });
    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('witness')).accessToken);
    expect(queue.map((item) => item.conversationId)).toEqual([second.conversationId]);
  });

  it('should give each chat to exactly one of two officers racing for it, 100 times with 0–20 ms jitter (S-03)', async () => {
    const { socket: first } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('racer.one', 'Un')).accessToken);
    const { socket: second } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('racer.two', 'Deux')).accessToken);
    const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 21)));

    for (let round = 0; round < 100; round += 1) {
      const citizen = await connectQueuedCitizen(sut.baseUrl);
      const joins: string[] = [];
      citizen.socket.on('conversation:message', (message) => message.author === 'system' && joins.push(message.text));
      const take = (officer: OfficerClient) => jitter().then(() => emitWithAck(officer, 'handoff:take', { conversationId: citizen.conversationId }));
      const acks = await Promise.all([take(first), take(second)]);

      const winner = acks[0]?.ok ? first : second;
      expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
      expect(acks.find((ack) => !ack.ok)).toMatchObject({ code: 'CONVERSATION_ALREADY_TAKEN', message: expect.stringContaining('déjà été prise') });
      const closed = waitForEvent(citizen.socket, 'conversation:closed');
      await emitWithAck(winner, 'conversation:close', { conversationId: citizen.conversationId, outcome: 'answered' });
      await closed;
      expect(joins.filter((text) => text.endsWith('a rejoint la conversation.'))).toHaveLength(1);
    }
  }, 60_000);

  it('should show a supervisor- or editor-only account no queue and no chat, and count it as no officer', async () => {
    const { accessToken } = await sut.signInOfficer('chef.only', 'Cheffe', ['supervisor', 'editor']);
    const socket = officerSocket(sut.baseUrl, accessToken);
    const roster = waitForEvent<Roster>(socket, 'officer:roster');
    let queues = 0;
    socket.on('handoff:queue', () => (queues += 1));
    socket.connect();
    await roster;
    const citizen = await connectCitizen(sut.baseUrl);
    const notice = nextMessage(citizen.socket, 'bot');
    await emitWithAck(citizen.socket, 'handoff:request', {});

    expect((await notice).text).toBe(NO_OFFICER_AVAILABLE_NOTICE);
    expect(await emitWithAck(socket, 'handoff:take', { conversationId: citizen.conversationId })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(await emitWithAck(socket, 'officer:status', { status: 'available' })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(queues).toBe(0);
    const { roster: seen } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('real.officer')).accessToken);
    expect(seen.officers.map((officer) => officer.displayName)).toEqual(['real.officer']);
  });

  it('should stop queue updates while away and send the whole queue on coming back (S-06)', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('away')).accessToken);
    expect(await emitWithAck(officer, 'officer:status', { status: 'away' })).toEqual({ ok: true });
    let updatesWhileAway = 0;
    officer.on('handoff:queue', () => (updatesWhileAway += 1));
    const first = await connectQueuedCitizen(sut.baseUrl);
    const second = await connectQueuedCitizen(sut.baseUrl);
    officer.off('handoff:queue');

    const back = queueWhere(officer, (items) => items.length === 2);
    await emitWithAck(officer, 'officer:status', { status: 'available' });

    expect(updatesWhileAway).toBe(0);
    expect((await back).map((item) => item.conversationId)).toEqual([first.conversationId, second.conversationId]);
  });

  it('should show each queued chat with its triage summary and whether the citizen is connected', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('reader')).accessToken);
    const { socket: citizen } = await connectCitizen(sut.baseUrl);
    const listed = queueWhere(officer, (items) => items.length === 1);

    await emitWithAck(citizen, 'conversation:message', { text: 'quelle est la couleur préférée du préfet' });

    const [item] = await listed;
    expect(item?.summary).toMatchObject({ flags: [], language: 'fr' });
    expect(item?.citizenConnected).toBe(true);
    expect(item?.notes).toEqual([]);
  });

  it('should give the citizen an estimated wait, and none when no officer is available', async () => {
    const alone = await connectCitizen(sut.baseUrl);
    const noEstimate = waitForEvent<{ estimatedWaitMs: number | null }>(alone.socket, 'handoff:queued');
    await emitWithAck(alone.socket, 'handoff:request', {});
    expect((await noEstimate).estimatedWaitMs).toBeNull();

    const estimate = waitForEvent<{ estimatedWaitMs: number | null }>(alone.socket, 'handoff:queued', ({ estimatedWaitMs }) => estimatedWaitMs !== null);
    await connectOfficer(sut.baseUrl, (await sut.signInOfficer('arriving')).accessToken);

    expect((await estimate).estimatedWaitMs).toBeGreaterThan(0);
  });

  it('should transfer a chat to a colleague with a note: the colleague gets it, the first officer loses it, the citizen is told', async () => {
    const { socket: first } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('first', 'Agent Un')).accessToken);
    const colleague = await sut.signInOfficer('second', 'Agent Deux');
    const { socket: second } = await connectOfficer(sut.baseUrl, colleague.accessToken);
    const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, first);

    const released = waitForEvent<{ conversationId: string }>(first, 'conversation:released');
    const assigned = waitForEvent<AssignedConversationView>(second, 'conversation:assigned');
    const told = nextMessage(citizen, 'system');
    const ack = await emitWithAck(first, 'handoff:transfer', { conversationId, to: colleague.officer.id, note: 'Victime d’escroquerie, déjà orientée.' });

    expect(ack).toEqual({ ok: true });
    expect(await released).toEqual({ conversationId });
    const view = await assigned;
    expect(view.notes).toEqual([expect.objectContaining({ fromOfficerName: 'Agent Un', text: 'Victime d’escroquerie, déjà orientée.' })]);
    expect((await told).text).toBe('Agent Deux a rejoint la conversation.');
    expect(await emitWithAck(first, 'conversation:message', { conversationId, text: 'encore moi' })).toMatchObject({ code: 'NOT_YOUR_CONVERSATION' });
  });

  it('should refuse a transfer to oneself or to an officer who is not online', async () => {
    const me = await sut.signInOfficer('moi.meme');
    const { socket } = await connectOfficer(sut.baseUrl, me.accessToken);
    const offline = await sut.signInOfficer('offline');
    const { conversationId } = await connectHeldCitizen(sut.baseUrl, socket);

    expect(await emitWithAck(socket, 'handoff:transfer', { conversationId, to: me.officer.id, note: 'x' })).toMatchObject({ code: 'OFFICER_UNAVAILABLE' });
    expect(await emitWithAck(socket, 'handoff:transfer', { conversationId, to: offline.officer.id, note: 'x' })).toMatchObject({ code: 'OFFICER_UNAVAILABLE' });
    expect(await emitWithAck(socket, 'handoff:transfer', { conversationId, to: 'queue', note: '   ' })).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('should send a chat back to the head of the queue with its note', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('returning', 'Agent Retour')).accessToken);
    await connectQueuedCitizen(sut.baseUrl);
    const held = await connectHeldCitizen(sut.baseUrl, officer);

    const requeued = queueWhere(officer, (items) => items[0]?.conversationId === held.conversationId);
    await emitWithAck(officer, 'handoff:transfer', { conversationId: held.conversationId, to: 'queue', note: 'Besoin d’un collègue de la brigade numérique.' });

    const [head] = await requeued;
    expect(head?.notes).toEqual([expect.objectContaining({ fromOfficerName: 'Agent Retour', text: 'Besoin d’un collègue de la brigade numérique.' })]);
  });

  it('should require an outcome to close, and count the close in the roster load', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('closer')).accessToken);
    const { conversationId } = await connectHeldCitizen(sut.baseUrl, officer);

    expect(await emitWithAck(officer, 'conversation:close', { conversationId })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await emitWithAck(officer, 'conversation:close', { conversationId, outcome: 'perdu' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    const roster = waitForEvent<Roster>(officer, 'officer:roster', ({ officers }) => officers.some((entry) => entry.load === 0));
    expect(await emitWithAck(officer, 'conversation:close', { conversationId, outcome: 'redirected' })).toEqual({ ok: true });
    expect((await roster).officers.find((entry) => entry.displayName === 'closer')).toMatchObject({ online: true, status: 'available', load: 0, capacity: 3 });
  });

  it('should insert canned links the catalogue knows, alone or with text, and refuse any other link', async () => {
    const { socket: officer, cannedAnswers } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('canned')).accessToken);
    const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, officer);
    const fraud: CannedAnswer | undefined = cannedAnswers.find((answer) => answer.intent === 'fraud');
    expect(fraud?.links.length).toBeGreaterThan(0);

    const received = nextMessage(citizen, 'officer');
    expect(await emitWithAck(officer, 'conversation:message', { conversationId, text: 'Voici le bon service.', links: fraud?.links })).toEqual({ ok: true });
    expect((await received).links).toEqual(fraud?.links);
    const alone = nextMessage(citizen, 'officer');
    expect(await emitWithAck(officer, 'conversation:message', { conversationId, text: '', links: fraud?.links })).toEqual({ ok: true });
    expect((await alone).links).toEqual(fraud?.links);
    expect(await emitWithAck(officer, 'conversation:message', { conversationId, text: '  ' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    const foreign = [{ title: 'Banque', url: 'https://example.com/phishing' }];
    expect(await emitWithAck(officer, 'conversation:message', { conversationId, text: 'clic', links: foreign })).toMatchObject({ code: 'LINK_NOT_IN_CATALOG' });
  });

  it('should forward typing both ways once an officer holds the chat, and no text', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('typist')).accessToken);
    const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, officer);

    const officerSees = waitForEvent(officer, 'conversation:typing');
    citizen.emit('conversation:typing', { typing: true });
    expect(await officerSees).toEqual({ conversationId, typing: true });

    const citizenSees = waitForEvent(citizen, 'conversation:typing');
    officer.emit('conversation:typing', { conversationId, typing: true });
    expect(await citizenSees).toEqual({ typing: true });
  });

  it('should flag a waiting chat in its summary and move it to the priority group when the citizen writes of danger', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('summary')).accessToken);
    const { socket: citizen } = await connectCitizen(sut.baseUrl);
    await emitWithAck(citizen, 'conversation:message', { text: 'je veux parler à un policier' });
    const listed = queueWhere(officer, (items) => items[0]?.summary.flags.length === 1);

    await emitWithAck(citizen, 'conversation:message', { text: 'il est chez moi avec un couteau, aidez moi' });

    const [item] = await listed;
    expect(item?.priority).toBe(true);
    expect(item?.summary.flags).toEqual(['emergency']);
    expect(item?.messages.some((message: ChatMessage) => message.safetyFlag === 'emergency')).toBe(true);
  });
});

describe('Queue and routing: automatic assignment (ROUTING_MODE=auto)', () => {
  let sut: TestApp;

  beforeEach(async () => {
    sut = await createTestApp({ ROUTING_MODE: 'auto' });
  });

  afterEach(async () => {
    closeAllSockets();
    await sut.close();
  });

  it('should give each waiting chat to the least-loaded available officer, never to a busy or away one', async () => {
    const { socket: alice } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('alice', 'Alice')).accessToken);
    const { socket: bob } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('bob', 'Bob')).accessToken);
    const { socket: carol } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('carol', 'Carol')).accessToken);
    await emitWithAck(carol, 'officer:status', { status: 'busy' });
    const toAlice: string[] = [];
    const toBob: string[] = [];
    let toCarol = 0;
    const aliceHasTwo = new Promise<void>((resolve) =>
      alice.on('conversation:assigned', (view) => toAlice.push(view.conversationId) === 2 && resolve()),
    );
    bob.on('conversation:assigned', (view) => toBob.push(view.conversationId));
    carol.on('conversation:assigned', () => (toCarol += 1));

    const citizens = [];
    for (let index = 0; index < 3; index += 1) {
      const citizen = await connectCitizen(sut.baseUrl);
      const joined = waitForEvent<{ officerName: string }>(citizen.socket, 'handoff:assigned');
      await emitWithAck(citizen.socket, 'handoff:request', {});
      citizens.push({ ...citizen, officerName: (await joined).officerName });
    }

    expect(citizens.map((citizen) => citizen.officerName)).toEqual(['Alice', 'Bob', 'Alice']);
    await aliceHasTwo;
    expect(toAlice).toEqual([citizens[0]?.conversationId, citizens[2]?.conversationId]);
    expect(toBob).toEqual([citizens[1]?.conversationId]);
    expect(toCarol).toBe(0);
  });

  it('should keep chats waiting while every officer is full, and route the head as soon as a slot frees', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('full', 'Full', ['officer'], 1)).accessToken);
    const assigned = waitForEvent<AssignedConversationView>(officer, 'conversation:assigned');
    const held = await connectCitizen(sut.baseUrl);
    await emitWithAck(held.socket, 'handoff:request', {});
    const first = await assigned;
    expect(first.conversationId).toBe(held.conversationId);
    const waiting = await connectCitizen(sut.baseUrl);
    const queued = waitForEvent<{ position: number }>(waiting.socket, 'handoff:queued');
    await emitWithAck(waiting.socket, 'handoff:request', {});
    expect((await queued).position).toBe(1);

    const next = waitForEvent<AssignedConversationView>(officer, 'conversation:assigned');
    await emitWithAck(officer, 'conversation:close', { conversationId: first.conversationId, outcome: 'answered' });

    expect((await next).conversationId).toBe(waiting.conversationId);
  });

  it('should not give a chat sent back to the queue to the officer who sent it back, and route it to the next one', async () => {
    const { socket: alice } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('alone', 'Alone')).accessToken);
    const assigned = waitForEvent<AssignedConversationView>(alice, 'conversation:assigned');
    const citizen = await connectCitizen(sut.baseUrl);
    await emitWithAck(citizen.socket, 'handoff:request', {});
    const { conversationId } = await assigned;
    let bounced = 0;
    alice.on('conversation:assigned', () => (bounced += 1));

    const queued = waitForEvent<{ position: number }>(citizen.socket, 'handoff:queued');
    await emitWithAck(alice, 'handoff:transfer', { conversationId, to: 'queue', note: 'Pour un collègue, svp.' });
    expect((await queued).position).toBe(1);

    const bob = officerSocket(sut.baseUrl, (await sut.signInOfficer('next', 'Next')).accessToken);
    const toBob = waitForEvent<AssignedConversationView>(bob, 'conversation:assigned');
    bob.connect();
    expect((await toBob).conversationId).toBe(conversationId);
    expect(bounced).toBe(0);
  });

  it('should tell the console the routing mode', async () => {
    const { roster } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('mode')).accessToken);

    expect(roster.routingMode).toBe('auto');
  });
});
