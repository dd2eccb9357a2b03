import { FakeClock } from '../../test/support/fake-clock';
import type { ConversationClosedEvent } from '../conversation/conversation.events';
import { DailyStatsService } from './daily-stats.service';

function closed(overrides: Partial<ConversationClosedEvent> = {}): ConversationClosedEvent {
  return { conversationId: 'c1', reason: 'citizen_left', handedOff: false, intent: null, handlingMs: null, ...overrides };
}

describe(DailyStatsService.name, () => {
  it('should start a day with no figures and a null deflection rate', () => {
    const sut = new DailyStatsService(new FakeClock('2026-11-30T10:00:00Z'));

    expect(sut.today()).toEqual({
      date: '2026-11-30',
      conversations: 0,
      handedOff: 0,
      deflectionRate: null,
      outcomes: { redirected: 0, answered: 0, emergency_redirected: 0, abusive: 0, no_reply: 0 },
      intents: [],
      ratings: [0, 0, 0, 0, 0],
    });
  });

  it('should count conversations, handoffs once per conversation, closes, outcomes and ratings', () => {
    const sut = new DailyStatsService(new FakeClock('2026-11-30T10:00:00Z'));

    sut.onOpened();
    sut.onOpened();
    sut.onOpened();
    sut.onEnqueued({ conversationId: 'c2', priority: false });
    sut.onEnqueued({ conversationId: 'c2', priority: true });
    sut.onEnqueued({ conversationId: 'c3', priority: false });
    sut.onClosed(closed({ conversationId: 'c1' }));
    sut.onClosed(closed({ conversationId: 'c2', reason: 'officer_closed', outcome: 'answered', handedOff: true, handlingMs: 60_000 }));
    sut.onClosed(closed({ conversationId: 'c3', reason: 'officer_closed', outcome: 'redirected', handedOff: true, handlingMs: 1000 }));
    sut.onClosed(closed({ conversationId: 'c4' }));
    sut.onRated({ score: 5 });
    sut.onRated({ score: 5 });
    sut.onRated({ score: 1 });
    sut.onRated({ score: 7 });

    expect(sut.today()).toMatchObject({
      conversations: 3,
      handedOff: 2,
      deflectionRate: 0.5,
      outcomes: { redirected: 1, answered: 1, emergency_redirected: 0, abusive: 0, no_reply: 0 },
      ratings: [1, 0, 0, 0, 2],
    });
  });

  it('should count decisions per intent and outcome, most decided first, none for no intent and other for text', () => {
    const sut = new DailyStatsService(new FakeClock('2026-11-30T10:00:00Z'));

    sut.onDecided({ conversationId: 'c1', outcome: 'answer', intent: 'fraud' });
    sut.onDecided({ conversationId: 'c1', outcome: 'clarify', intent: 'fraud' });
    sut.onDecided({ conversationId: 'c2', outcome: 'handoff', intent: null });
    sut.onDecided({ conversationId: 'c3', outcome: 'emergency', intent: 'Je veux porter plainte contre mon voisin' });

    expect(sut.today().intents).toEqual([
      { intent: 'fraud', answer: 1, emergency: 0, clarify: 1, handoff: 0 },
      { intent: 'none', answer: 0, emergency: 0, clarify: 0, handoff: 1 },
      { intent: 'other', answer: 0, emergency: 1, clarify: 0, handoff: 0 },
    ]);
  });

  it('should count a conversation enqueued again on a new day as handed off that day', () => {
    const clock = new FakeClock('2026-11-30T22:50:00Z');
    const sut = new DailyStatsService(clock);
    sut.onEnqueued({ conversationId: 'c1', priority: false });

    clock.tick(20 * 60_000);
    sut.onEnqueued({ conversationId: 'c1', priority: false });

    expect(sut.today()).toMatchObject({ date: '2026-12-01', handedOff: 1 });
  });

  it('should start afresh at Paris midnight, not UTC midnight', () => {
    // 23:30 in Paris (UTC+1 in winter) is 22:30 UTC.
    const clock = new FakeClock('2026-11-30T22:30:00Z');
    const sut = new DailyStatsService(clock);
    sut.onOpened();
    sut.onRated({ score: 3 });
    sut.onClosed(closed());
    expect(sut.today()).toMatchObject({ date: '2026-11-30', conversations: 1, deflectionRate: 1 });

    clock.tick(29 * 60_000 + 59_999);
    expect(sut.today()).toMatchObject({ date: '2026-11-30', conversations: 1 });

    clock.tick(1);
    expect(sut.today()).toEqual(expect.objectContaining({ date: '2026-12-01', conversations: 0, deflectionRate: null, ratings: [0, 0, 0, 0, 0] }));
  });

  it('should keep counting through the 25-hour day when summer time ends', () => {
    // 2026-10-25 in Paris runs from 2026-10-24T22:00Z (00:00 CEST) to 2026-10-25T23:00Z (00:00 CET).
    const clock = new FakeClock('2026-10-24T21:59:00Z');
    const sut = new DailyStatsService(clock);
    sut.onOpened();
    expect(sut.today()).toMatchObject({ date: '2026-10-24', conversations: 1 });

    clock.setSystemTime('2026-10-24T22:00:00Z');
    sut.onOpened();
    clock.setSystemTime('2026-10-25T22:30:00Z');
    sut.onOpened();
    expect(sut.today()).toMatchObject({ date: '2026-10-25', conversations: 2 });

    clock.setSystemTime('2026-10-25T23:00:00Z');
    expect(sut.today()).toMatchObject({ date: '2026-10-26', conversations: 0 });
  });

  it('should start afresh after the 23-hour day when summer time begins', () => {
    // 2026-03-29 in Paris runs from 2026-03-28T23:00Z (00:00 CET) to 2026-03-29T22:00Z (00:00 CEST).
    const clock = new FakeClock('2026-03-28T23:00:00Z');
    const sut = new DailyStatsService(clock);
    sut.onOpened();

    clock.setSystemTime('2026-03-29T21:59:59Z');
    expect(sut.today()).toMatchObject({ date: '2026-03-29', conversations: 1 });

    clock.setSystemTime('2026-03-29T22:00:00Z');
    expect(sut.today()).toMatchObject({ date: '2026-03-30', conversations: 0 });
  });
});
