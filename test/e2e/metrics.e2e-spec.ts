import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import {
  type ChatRatedEvent,
  type ConversationClosedEvent,
  ConversationEvent,
  type ConversationOpenedEvent,
  type HandoffAssignedEvent,
  type HandoffEnqueuedEvent,
  type TriageDecidedEvent,
} from '../../src/conversation/conversation.events';
import { HandoffQueue } from '../../src/handoff/handoff-queue';
import { OfficerPresenceService } from '../../src/handoff/officer-presence.service';
import { createTestApp, type TestApp } from '../support/create-test-app';

const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
/** What a citizen might type; the tests emit it as an intent, which must never become a label. */
const CITIZEN_SENTENCE = 'Je veux porter plainte contre mon voisin qui fait du bruit';

/** A sample line of the exposition format: `name{label="value",…} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) {
        throw new Error(`Not a sample line: ${line}`);
      }
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the sample with exactly these labels, 0 when the series does not exist yet. */
function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const sample = parseSamples(text).find((candidate) => candidate.name === name && JSON.stringify(Object.entries(candidate.labels).sort()) === wanted);
  return sample?.value ?? 0;
}

describe('GET /metrics', () => {
  let sut: TestApp;
  let events: EventEmitter2;

  const scrape = async (): Promise<string> => (await request(sut.baseUrl).get('/metrics').expect(200)).text;

  beforeAll(async () => {
    sut = await createTestApp();
    events = sut.app.get(EventEmitter2);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should answer the Prometheus text format with its content type, the service metrics and the default ones', async () => {
    const response = await request(sut.baseUrl).get('/metrics').expect(200);

    expect(response.headers['content-type']).toBe(PROMETHEUS_CONTENT_TYPE);
    expect(response.headers['cache-control']).toBe('no-store');
    for (const [name, type] of [
      ['police_chat_conversations_opened_total', 'counter'],
      ['police_chat_bot_decisions_total', 'counter'],
      ['police_chat_conversations_closed_total', 'counter'],
      ['police_chat_handoffs_total', 'counter'],
      ['police_chat_queue_length', 'gauge'],
      ['police_chat_officers_online', 'gauge'],
      ['police_chat_queue_wait_seconds', 'histogram'],
      ['police_chat_handling_seconds', 'histogram'],
      ['police_chat_ratings_total', 'counter'],
      ['process_cpu_user_seconds_total', 'counter'],
      ['nodejs_heap_size_used_bytes', 'gauge'],
    ]) {
      expect(response.text).toContain(`# TYPE ${name} ${type}\n`);
    }
    expect(() => parseSamples(response.text)).not.toThrow();
  });

  it('should not serve the metrics under the API prefix', async () => {
    await request(sut.baseUrl).get('/api/v1/metrics').expect(404);
  });

  it('should count the domain events it receives', async () => {
    const before = await scrape();
    const opened: ConversationOpenedEvent = { conversationId: 'metrics-c1' };
    const decided: TriageDecidedEvent = { conversationId: 'metrics-c1', outcome: 'handoff', intent: 'lost_property' };
    const unmatched: TriageDecidedEvent = { conversationId: 'metrics-c1', outcome: 'handoff', intent: null };
    const enqueued: HandoffEnqueuedEvent = { conversationId: 'metrics-c1', priority: true };
    const assigned: HandoffAssignedEvent = { conversationId: 'metrics-c1', officerId: 'o1', officerName: 'Alice', waitedMs: 45_000 };
    const closedEvent: ConversationClosedEvent = {
      conversationId: 'metrics-c1',
      reason: 'officer_closed',
      officerId: 'o1',
      outcome: 'answered',
      handedOff: true,
      intent: 'lost_property',
      handlingMs: 240_000,
    };
    const rated: ChatRatedEvent = { score: 4 };

    events.emit(ConversationEvent.Opened, opened);
    events.emit(ConversationEvent.Decided, decided);
    events.emit(ConversationEvent.Decided, unmatched);
    events.emit(ConversationEvent.Enqueued, enqueued);
    events.emit(ConversationEvent.Assigned, assigned);
    events.emit(ConversationEvent.Closed, closedEvent);
    events.emit(ConversationEvent.Rated, rated);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(delta('police_chat_conversations_opened_total')).toBe(1);
    expect(delta('police_chat_bot_decisions_total', { outcome: 'handoff', intent: 'lost_property' })).toBe(1);
    expect(delta('police_chat_bot_decisions_total', { outcome: 'handoff', intent: 'none' })).toBe(1);
    expect(delta('police_chat_handoffs_total', { priority: 'true' })).toBe(1);
    expect(delta('police_chat_handoffs_total', { priority: 'false' })).toBe(0);
    expect(delta('police_chat_conversations_closed_total', { reason: 'officer_closed', outcome: 'answered', intent: 'lost_property' })).toBe(1);
    expect(delta('police_chat_queue_wait_seconds_count')).toBe(1);
    expect(delta('police_chat_queue_wait_seconds_sum')).toBe(45);
    expect(delta('police_chat_queue_wait_seconds_bucket', { le: '30' })).toBe(0);
    expect(delta('police_chat_queue_wait_seconds_bucket', { le: '60' })).toBe(1);
    expect(delta('police_chat_handling_seconds_count')).toBe(1);
    expect(delta('police_chat_handling_seconds_sum')).toBe(240);
    expect(delta('police_chat_ratings_total', { score: '4' })).toBe(1);
  });

  it('should count a close by a citizen with outcome none and no handling time', async () => {
    const before = await scrape();
    const closedEvent: ConversationClosedEvent = { conversationId: 'metrics-c2', reason: 'citizen_left', handedOff: false, intent: null, handlingMs: null };

    events.emit(ConversationEvent.Closed, closedEvent);
    const after = await scrape();

    expect(
      sampleValue(after, 'police_chat_conversations_closed_total', { reason: 'citizen_left', outcome: 'none', intent: 'none' }) -
        sampleValue(before, 'police_chat_conversations_closed_total', { reason: 'citizen_left', outcome: 'none', intent: 'none' }),
    ).toBe(1);
    expect(sampleValue(after, 'police_chat_handling_seconds_count')).toBe(sampleValue(before, 'police_chat_handling_seconds_count'));
  });

  it('should read the queue length and the officers online when scraped', async () => {
    const queue = sut.app.get(HandoffQueue);
    const presence = sut.app.get(OfficerPresenceService);
    const queuedBefore = queue.list().length;
    const onlineBefore = presence.onlineCount();

    queue.enqueue('metrics-q1', false, Date.now());
    queue.enqueue('metrics-q2', true, Date.now());
    presence.connected({ id: 'metrics-officer', displayName: 'Officier Métriques' }, 'metrics-socket', 3);
    const during = await scrape();
    queue.remove('metrics-q1');
    queue.remove('metrics-q2');
    presence.disconnected('metrics-officer', 'metrics-socket');
    const after = await scrape();

    expect(sampleValue(during, 'police_chat_queue_length')).toBe(queuedBefore + 2);
    expect(sampleValue(during, 'police_chat_officers_online')).toBe(onlineBefore + 1);
    expect(sampleValue(after, 'police_chat_queue_length')).toBe(queuedBefore);
    expect(sampleValue(after, 'police_chat_officers_online')).toBe(onlineBefore);
  });

  it('should label an intent that is free text as other and never put the text in a label', async () => {
    const before = await scrape();
    const decided: TriageDecidedEvent = { conversationId: 'metrics-c3', outcome: 'answer', intent: CITIZEN_SENTENCE };
    const closedEvent: ConversationClosedEvent = {
      conversationId: 'metrics-c3',
      reason: 'citizen_gone',
      handedOff: false,
      intent: CITIZEN_SENTENCE,
      handlingMs: null,
    };

    events.emit(ConversationEvent.Decided, decided);
    events.emit(ConversationEvent.Closed, closedEvent);
    const after = await scrape();

    expect(after).not.toContain('porter plainte');
    expect(after).not.toContain('voisin');
    const labelValues = parseSamples(after).flatMap((sample) => Object.values(sample.labels));
    expect(labelValues).not.toContain(CITIZEN_SENTENCE);
    expect(
      sampleValue(after, 'police_chat_bot_decisions_total', { outcome: 'answer', intent: 'other' }) -
        sampleValue(before, 'police_chat_bot_decisions_total', { outcome: 'answer', intent: 'other' }),
    ).toBe(1);
    expect(
      sampleValue(after, 'police_chat_conversations_closed_total', { reason: 'citizen_gone', outcome: 'none', intent: 'other' }) -
        sampleValue(before, 'police_chat_conversations_closed_total', { reason: 'citizen_gone', outcome: 'none', intent: 'other' }),
    ).toBe(1);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ METRICS_TOKEN });
  });

  afterAll(async () => {
    await sut.close();
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token of the same length', `Bearer ${'x'.repeat(METRICS_TOKEN.length)}`],
    ['a longer token starting with the right one', `Bearer ${METRICS_TOKEN}0`],
    ['the right token in another scheme', `Basic ${METRICS_TOKEN}`],
    ['the bare token', METRICS_TOKEN],
  ])('should answer 401 without the metrics for %s', async (_case, authorization) => {
    const call = request(sut.baseUrl).get('/metrics');
    const response = await (authorization === undefined ? call : call.set('Authorization', authorization)).expect(401);

    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.text).not.toContain('police_chat_');
  });

  it('should answer the metrics with the right bearer token', async () => {
    const response = await request(sut.baseUrl).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);

    expect(response.headers['content-type']).toBe(PROMETHEUS_CONTENT_TYPE);
    expect(response.text).toContain('# TYPE police_chat_conversations_opened_total counter');
  });
});
