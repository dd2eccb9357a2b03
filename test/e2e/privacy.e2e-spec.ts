import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/config/app-config';
import { ConversationStore } from '../../src/conversation/conversation.store';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { closeAllSockets, connectCitizen, connectOfficer, connectQueuedCitizen, emitWithAck, nextMessage, waitForEvent } from '../support/socket-client';

const MARKER = 'PRIVATE-7f3a9c';

/** Files under `directory` changed since `sinceMs`, skipping dependencies and git's own files. */
function filesChangedSince(directory: string, sinceMs: number): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', '.git'].includes(entry.name) ? [] : filesChangedSince(path, sinceMs);
    }
    return entry.isFile() && statSync(path).mtimeMs >= sinceMs ? [path] : [];
  });
}

describe('Privacy: what citizens write is not recorded', () => {
  let sut: TestApp;
  const printed: string[] = [];
  let restoreOutput: () => void;

  beforeAll(async () => {
    const stdout = process.stdout.write.bind(process.stdout);
    const stderr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (printed.push(String(chunk)), stdout(chunk, ...rest))) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (printed.push(String(chunk)), stderr(chunk, ...rest))) as typeof process.stderr.write;
    restoreOutput = () => {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    };
    sut = await createTestApp();
  });

  afterAll(async () => {
    closeAllSockets();
    restoreOutput();
    await sut.close();
  });

  it('should keep the marker out of logs (debug level), output and files through whole conversations, transfers, bad payloads and sign-outs, and forget it at the end', async () => {
    const startedAt = Date.now() - 1000;
    const login = await sut.signInOfficer('privacy.officer', 'Officier Vie Privée');
    const colleagueLogin = await sut.signInOfficer('privacy.colleague', 'Collègue');
    const { socket: officer } = await connectOfficer(sut.baseUrl, login.accessToken);
    const { socket: colleague } = await connectOfficer(sut.baseUrl, colleagueLogin.accessToken);
    const { socket: citizen, conversationId } = await connectCitizen(sut.baseUrl);

    // A bot answer, a bad payload, a handoff.
    let botReply = nextMessage(citizen, 'bot');
    await emitWithAck(citizen, 'conversation:message', { text: `je me suis fait arnaquer ${MARKER}` });
    await botReply;
    await emitWithAck(citizen, 'conversation:message', { text: MARKER.repeat(300) });
    await emitWithAck(citizen, 'conversation:message', { text: MARKER, extra: MARKER });
    botReply = nextMessage(citizen, 'bot');
    const queued = waitForEvent(citizen, 'handoff:queued');
    await emitWithAck(citizen, 'conversation:message', { text: `ma question bizarre ${MARKER} sans réponse automatique` });
    await botReply;
    await queued;

    // The officer takes it, a second take fails, they talk, the officer closes.
    await emitWithAck(officer, 'handoff:take', { conversationId });
    expect(await emitWithAck(officer, 'handoff:take', { conversationId })).toMatchObject({ ok: false });
    const reachedOfficer = nextMessage(officer, 'citizen');
    await emitWithAck(citizen, 'conversation:message', { text: `mon adresse est ${MARKER}` });
    await reachedOfficer;
    await emitWithAck(officer, 'conversation:message', { conversationId, text: `bien reçu ${MARKER}` });

    // Bad officer payloads, a failed transfer, then transfers with notes: to a colleague, back to the queue.
    expect(await emitWithAck(officer, 'conversation:message', { conversationId, text: MARKER, links: [{ title: MARKER, url: `https://${MARKER}.example` }] })).toMatchObject({ ok: false });
    expect(await emitWithAck(officer, 'handoff:transfer', { conversationId, to: MARKER, note: MARKER })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await emitWithAck(officer, 'handoff:transfer', { conversationId, to: login.officer.id, note: `note ${MARKER}` })).toMatchObject({ ok: false, code: 'OFFICER_UNAVAILABLE' });
    const reachedColleague = waitForEvent(colleague, 'conversation:assigned');
    await emitWithAck(officer, 'handoff:transfer', { conversationId, to: colleagueLogin.officer.id, note: `note ${MARKER}` });
    await reachedColleague;
    const requeued = waitForEvent(citizen, 'handoff:queued');
    await emitWithAck(colleague, 'handoff:transfer', { conversationId, to: 'queue', note: `retour ${MARKER}` });
    await requeued;
    await emitWithAck(officer, 'handoff:take', { conversationId });
    const closed = waitForEvent(citizen, 'conversation:closed');
    await emitWithAck(officer, 'conversation:close', { conversationId, outcome: 'answered' });
    await closed;

    // The HTTP API: bodies, query strings, credentials and cookies carrying the marker.
    const api = request(sut.baseUrl);
    await api.post(`/api/v1/triage?explain=1&q=${MARKER}`).set('cookie', `session=${MARKER}`).send({ text: `vol de vélo ${MARKER}` });
    await api.post('/api/v1/triage?explain=1').set('authorization', `Bearer ${MARKER}`).send({ text: `vol de vélo ${MARKER}` }).expect(401);
    await api.post('/api/v1/triage').send(`{"text": "${MARKER}`).set('content-type', 'application/json').expect(400);
    await api.post('/api/v1/auth/login').send({ username: 'privacy.officer', password: MARKER }).expect(401);
    await api.post('/api/v1/auth/login').send({ username: MARKER, password: MARKER }).expect(401);
    await api.post('/api/v1/auth/password').set('authorization', `Bearer ${colleagueLogin.accessToken}`).send({ currentPassword: MARKER, newPassword: `${MARKER}-nouveau` }).expect(401);
    await api.post('/api/v1/auth/password').set('authorization', `Bearer ${colleagueLogin.accessToken}`).send({ currentPassword: MARKER, newPassword: MARKER }).expect(400);

    // Sign-outs, one of them with a chat still held.
    const { socket: lastCitizen, conversationId: lastConversation } = await connectQueuedCitizen(sut.baseUrl);
    await emitWithAck(colleague, 'handoff:take', { conversationId: lastConversation });
    await emitWithAck(lastCitizen, 'conversation:message', { text: `dernier message ${MARKER}` });
    await api.post('/api/v1/auth/logout').set('authorization', `Bearer ${login.accessToken}`).expect(204);
    const lastClosed = waitForEvent(lastCitizen, 'conversation:closed');
    await api.post('/api/v1/auth/logout').set('authorization', `Bearer ${colleagueLogin.accessToken}`).expect(204);
    await emitWithAck(lastCitizen, 'conversation:leave', {});
    await lastClosed;

    expect(sut.logs.lines.length).toBeGreaterThan(0);
    // The request lines are there, without their query string.
    const requestLines = sut.logs.entries().filter((entry) => entry.msg === 'request completed');
    expect(requestLines.map((entry) => (entry.req as { url: string }).url)).toEqual(expect.arrayContaining(['/api/v1/triage', '/api/v1/auth/logout']));
    expect(sut.logs.lines.filter((line) => line.includes(MARKER))).toEqual([]);
    expect(printed.filter((chunk) => chunk.includes(MARKER))).toEqual([]);
    const changed = [...filesChangedSince(PROJECT_ROOT, startedAt), ...filesChangedSince(sut.dataDir, 0)];
    expect(changed.filter((file) => readFileSync(file, 'latin1').includes(MARKER))).toEqual([]);
    expect(sut.app.get(ConversationStore).size()).toBe(0);
  });
});
