import { EventEmitter2 } from '@nestjs/event-emitter';
import { FakeClock } from '../../test/support/fake-clock';
import { type ChatRatedEvent, ConversationEvent } from '../conversation/conversation.events';
import { MAX_LIVE_RATING_TOKENS, RATING_TOKEN_TTL_MS, RatingService } from './rating.service';

describe(RatingService.name, () => {
  let clock: FakeClock;
  let events: EventEmitter2;
  let rated: ChatRatedEvent[];
  let sut: RatingService;

  beforeEach(() => {
    clock = new FakeClock('2026-11-30T10:00:00Z');
    events = new EventEmitter2();
    rated = [];
    events.on(ConversationEvent.Rated, (event: ChatRatedEvent) => rated.push(event));
    sut = new RatingService(clock, events);
  });

  it('should issue distinct 128-bit base64url tokens', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => sut.issue()));

    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });

  it('should count a rating once and refuse the same token again', () => {
    const token = sut.issue();

    expect(sut.rate(token, 4)).toBe(true);
    expect(sut.rate(token, 5)).toBe(false);
    expect(rated).toEqual([{ score: 4 }]);
  });

  it('should refuse a token it never issued', () => {
    sut.issue();

    expect(sut.rate('AAAAAAAAAAAAAAAAAAAAAA', 3)).toBe(false);
    expect(rated).toEqual([]);
  });

  it('should accept a token until one hour has passed and refuse it from then on', () => {
    const early = sut.issue();
    const late = sut.issue();

    clock.tick(RATING_TOKEN_TTL_MS - 1);
    expect(sut.rate(early, 2)).toBe(true);
    clock.tick(1);
    expect(sut.rate(late, 2)).toBe(false);
    expect(rated).toEqual([{ score: 2 }]);
  });

  it('should drop the oldest token when more than the maximum are alive', () => {
    const first = sut.issue();
    const second = sut.issue();
    for (let issued = 2; issued < MAX_LIVE_RATING_TOKENS; issued += 1) {
      sut.issue();
    }

    sut.issue();

    expect(sut.rate(first, 5)).toBe(false);
    expect(sut.rate(second, 5)).toBe(true);
  });

  it.each([0, 6, 3.5, Number.NaN])('should throw and keep the token when the score is %p', (score) => {
    const token = sut.issue();

    expect(() => sut.rate(token, score)).toThrow(RangeError);
    expect(sut.rate(token, 1)).toBe(true);
  });
});
