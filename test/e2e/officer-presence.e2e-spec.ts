import { JwtService } from '@nestjs/jwt';
import type { QueueItemView, SocketException } from '../../src/contracts/socket-events';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { NO_OFFICER_AVAILABLE_NOTICE } from '../../src/conversation/conversation.service';
import { closeAllSockets, connectCitizen, connectHeldCitizen, connectOfficer, connectQueuedCitizen, emitWithAck, nextMessage, officerSocket, waitForEvent } from '../support/socket-client';

describe('Officer sessions and presence', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ OFFICER_RECONNECT_GRACE_SECONDS: '0' });
  });

  afterEach(() => {
    closeAllSockets();
  });

  afterAll(async () => {
    await sut.close();
  });

  // First: no officer socket of another test may still be closing on the server.
  it('should tell a citizen at once when no officer is connected, with the emergency numbers and links (S-05)', async () => {
    const { socket: citizen } = await connectCitizen(sut.baseUrl);

    const notice = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'handoff:request', {});

    const message = await notice;
    expect(message.text).toBe(NO_OFFICER_AVAILABLE_NOTICE);
    expect(message.text).toMatch(/17.*112.*114/);
    expect(message.text).not.toMatch(/mis en relation|rappel|e-mail/i);
    expect(message.links.map((link) => link.url)).toEqual(expect.arrayContaining([expect.stringMatching(/^https:\/\//)]));
  });

  it('should disconnect an officer socket when its token expires, so it receives nothing more', async () => {
    const { officer } = await sut.signInOfficer('short.session');
    const token = sut.app.get(JwtService).sign({ sub: officer.id, username: officer.username, displayName: officer.displayName, roles: officer.roles }, { expiresIn: 1 });
    const socket = officerSocket(sut.baseUrl, token);
    const connected = waitForEvent(socket, 'handoff:queue');
    socket.connect();
    await connected;

    const refusal = waitForEvent<SocketException>(socket, 'exception', () => true, 3000);
    const disconnected = waitForEvent(socket, 'disconnect', () => true, 3000);

    expect(await refusal).toMatchObject({ code: 'UNAUTHORIZED' });
    await disconnected;
  });

  it('should put the chats of an officer who dropped back at the head of the queue and tell the citizen', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('dropping')).accessToken);
    const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, officer);

    const told = nextMessage(citizen, 'system');
    const requeued = waitForEvent<{ position: number }>(citizen, 'handoff:queued');
    officer.disconnect();

    expect((await told).text).toMatch(/revient en tête de la file/);
    expect(await requeued).toMatchObject({ position: 1 });
    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('colleague')).accessToken);
    expect(queue[0]?.conversationId).toBe(conversationId);
  });

  it('should answer an emergency at once while the citizen waits in the queue', async () => {
    const { socket: citizen } = await connectQueuedCitizen(sut.baseUrl);

    const answer = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: 'au secours il est revenu avec un couteau' });

    expect(await answer).toMatchObject({ outcome: 'emergency' });
  });

  it('should not send that notice when an officer is connected', async () => {
    await connectOfficer(sut.baseUrl, (await sut.signInOfficer('present')).accessToken);
    const { socket: citizen } = await connectCitizen(sut.baseUrl);
    const systemMessages: string[] = [];
    citizen.on('conversation:message', (message) => {
      if (message.author === 'system') {
        systemMessages.push(message.text);
      }
    });

    const queued = waitForEvent(citizen, 'handoff:queued');
    await emitWithAck(citizen, 'handoff:request', {});
    await queued;

    expect(systemMessages).toEqual([]);
  });

  it('should move a waiting chat ahead of the others when its citizen writes about danger now', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('priority.watcher')).accessToken);
    const first = await connectQueuedCitizen(sut.baseUrl);
    const second = await connectQueuedCitizen(sut.baseUrl);

    const movedUp = waitForEvent<{ position: number }>(second.socket, 'handoff:queued', ({ position }) => position === 1);
    const reordered = waitForEvent<{ items: QueueItemView[] }>(officer, 'handoff:queue', ({ items }) => items[0]?.conversationId === second.conversationId);
    await emitWithAck(second.socket, 'conversation:message', { text: 'il est revenu, il a un couteau' });

    await movedUp;
    const { items } = await reordered;
    const ours = items.filter((item) => [first.conversationId, second.conversationId].includes(item.conversationId));
    expect(ours.map((item) => [item.conversationId, item.priority])).toEqual([
      [second.conversationId, true],
      [first.conversationId, false],
    ]);
  });

  it('should queue ahead of the others a citizen who asks for an officer after an emergency answer', async () => {
    await connectOfficer(sut.baseUrl, (await sut.signInOfficer('priority.second')).accessToken);
    const waiting = await connectQueuedCitizen(sut.baseUrl);
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);
    const alert = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: 'au secours il veut me tuer' });
    expect((await alert).outcome).toBe('emergency');

    const queued = waitForEvent<{ position: number }>(citizen, 'handoff:queued');
    await emitWithAck(citizen, 'handoff:request', {});

    expect(await queued).toMatchObject({ position: 1 });
    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('priority.third')).accessToken);
    const ours = queue.map((item) => item.conversationId).filter((id) => [conversationId, waiting.conversationId].includes(id));
    expect(ours).toEqual([conversationId, waiting.conversationId]);
  });
});
