import request from 'supertest';
import type { SupervisionSnapshot } from '../../src/contracts/socket-events';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';
import { closeAllSockets, connectCitizen, connectHeldCitizen, connectOfficer, connectQueuedCitizen, emitWithAck, nextMessage } from '../support/socket-client';

describe('GET /api/v1/supervision', () => {
  let sut: TestApp;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock('2026-11-30T09:00:00Z');
    sut = await createTestApp({}, { clock });
  });

  afterEach(async () => {
    closeAllSockets();
    await sut.close();
  });

  it('should refuse a visitor (401) and an officer without the supervisor role (403)', async () => {
    const officer = await sut.signInOfficer('plain');

    await request(sut.baseUrl).get('/api/v1/supervision').expect(401);
    await request(sut.baseUrl).get('/api/v1/supervision').set('Authorization', `Bearer ${officer.accessToken}`).expect(403);
  });

  it('should show the queue, the officers and their load, and today’s figures, with no message text', async () => {
    const supervisor = await sut.signInOfficer('chief', 'Cheffe', ['officer', 'supervisor']);
    const { socket: officer } = await connectOfficer(sut.baseUrl, supervisor.accessToken);
    const deflected = await connectCitizen(sut.baseUrl);
    const answered = nextMessage(deflected.socket, 'bot');
    await emitWithAck(deflected.socket, 'conversation:message', { text: "j'ai perdu ma carte d'identité MARQUEUR-SUPERVISION" });
    await answered;
    await emitWithAck(deflected.socket, 'conversation:leave', {});
    const held = await connectHeldCitizen(sut.baseUrl, officer);
    clock.tick(4 * 60_000);
    await emitWithAck(officer, 'conversation:close', { conversationId: held.conversationId, outcome: 'redirected' });
    await connectQueuedCitizen(sut.baseUrl);
    clock.tick(90_000);

    const response = await request(sut.baseUrl).get('/api/v1/supervision').set('Authorization', `Bearer ${supervisor.accessToken}`).expect(200);

    const snapshot = response.body as SupervisionSnapshot;
    expect(snapshot).toMatchObject({ queueLength: 1, longestWaitMs: 90_000, routingMode: 'pick' });
    expect(snapshot.officers).toEqual([expect.objectContaining({ displayName: 'Cheffe', online: true, status: 'available', load: 0, capacity: 3 })]);
    expect(snapshot.today).toMatchObject({ date: '2026-11-30', conversations: 3, handedOff: 2, deflectionRate: 0.5 });
    expect(snapshot.today.outcomes.redirected).toBe(1);
    expect(snapshot.today.intents).toEqual(expect.arrayContaining([expect.objectContaining({ intent: 'identity_documents', answer: 1 })]));
    expect(response.text).not.toContain('MARQUEUR-SUPERVISION');
  });
});
