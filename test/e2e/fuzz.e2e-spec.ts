import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { stringify } from 'yaml';
import type { Ack } from '../../src/contracts/socket-events';
import { inspectIntentFolder } from '../../src/intents/intent-loader';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { closeAllSockets, connectCitizen, connectOfficer, emitWithAck, nextMessage } from '../support/socket-client';

/** Any JSON-like value, strings full of control characters, right-to-left marks and emoji included. */
const anyPayload = fc.oneof(
  fc.anything({ maxDepth: 3, withBoxedValues: false }),
  fc.record({ text: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.anything({ maxDepth: 2 })) }),
  fc.record({ conversationId: fc.oneof(fc.uuid(), fc.string()), text: fc.anything({ maxDepth: 2 }) }),
);
/** Text a citizen may send: any Unicode, up to the 2,000-character limit. */
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 2000 }).filter((text) => /\S/u.test(text));

function isAck(value: unknown): value is Ack {
  return typeof value === 'object' && value !== null && typeof (value as Ack).ok === 'boolean';
}

describe('Malformed and random input (property-based)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ CITIZEN_MESSAGES_PER_SOCKET: '10000', CITIZEN_MESSAGES_PER_IP: '1000000' });
  });

  afterEach(() => {
    closeAllSockets();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should answer any HTTP body with a decision or a 400, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(anyPayload, async (body) => {
        // Sent as raw JSON text, so that any value (a bare number, null, a nested array) reaches the server.
        const response = await request(sut.baseUrl).post('/api/v1/triage').set('content-type', 'application/json').send(JSON.stringify(body) ?? '');

        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
    await request(sut.baseUrl).get('/api/v1/health').expect(200);
  });

  it('should decide any Unicode text up to 2,000 characters', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const response = await request(sut.baseUrl).post('/api/v1/triage').send({ text }).expect(200);

        expect(['answer', 'emergency', 'clarify', 'handoff']).toContain(response.body.outcome);
      }),
      { numRuns: 100 },
    );
  });

  it('should acknowledge any citizen payload on every event, and keep serving another citizen', async () => {
    const { socket: fuzzed } = await connectCitizen(sut.baseUrl);
    const events = ['conversation:message', 'conversation:choose', 'handoff:request', 'handoff:cancel', 'handoff:keep-waiting'];

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), anyPayload, async (event, payload) => {
        const ack: unknown = await emitWithAck(fuzzed, event, payload);

        expect(isAck(ack)).toBe(true);
      }),
      { numRuns: 150 },
    );
    const { socket: other } = await connectCitizen(sut.baseUrl);
    const served = nextMessage(other, 'bot');
    await emitWithAck(other, 'conversation:message', { text: 'bonjour' });
    await served;
  });

  it('should acknowledge any officer payload with ok or an error code', async () => {
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('fuzz.officer')).accessToken);
    const events = ['handoff:take', 'conversation:message', 'conversation:close', 'handoff:transfer', 'officer:status'];

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), anyPayload, async (event, payload) => {
        const ack: unknown = await emitWithAck(officer, event, payload);

        expect(isAck(ack) && !ack.ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('should report any YAML an editor may write as errors, never throw', () => {
    const folder = mkdtempSync(join(tmpdir(), 'intents-fuzz-'));
    try {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.anything({ maxDepth: 3 }).map((value) => stringify(value) ?? '')),
          (text) => {
            writeFileSync(join(folder, 'fuzzed.yaml'), text);

            const inspection = inspectIntentFolder(folder);

            expect(inspection.errors.length > 0 || inspection.catalog !== undefined).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
