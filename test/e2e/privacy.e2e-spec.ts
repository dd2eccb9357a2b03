import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/app-config';
import { ConversationStore } from '../../src/conversation/conversation.store';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { closeAllSockets, connectCitizen, connectOfficer, emitWithAck, nextMessage, waitForEvent } from '../support/socket-client';

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

  it('should keep the marker out of logs, output and files through a whole conversation, and forget it at the end', async () => {
    const startedAt = Date.now() - 1000;
    const login = await sut.signInOfficer('privacy.officer', 'Officier Vie Privée');
    const { socket: officer } = await connectOfficer(sut.baseUrl, login.accessToken);
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
    const closed = waitForEvent(citizen, 'conversation:closed');
    await emitWithAck(officer, 'conversation:close', { conversationId });
    await closed;

    expect(sut.logs.lines.length).toBeGreaterThan(0);
    expect(sut.logs.lines.filter((line) => line.includes(MARKER))).toEqual([]);
    expect(printed.filter((chunk) => chunk.includes(MARKER))).toEqual([]);
    const changed = [...filesChangedSince(PROJECT_ROOT, startedAt), ...filesChangedSince(sut.dataDir, 0)];
    expect(changed.filter((file) => readFileSync(file, 'latin1').includes(MARKER))).toEqual([]);
    expect(sut.app.get(ConversationStore).size()).toBe(0);
  });
});
