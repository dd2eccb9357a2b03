import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock/clock';
import { type ChatRatedEvent, ConversationEvent } from '../conversation/conversation.events';

/** How long a rating token stays valid after it was issued, in milliseconds: one hour (contract of `conversation:closed`). */
export const RATING_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Most tokens kept alive at once; issuing one more drops the oldest, so a flood of chats cannot grow memory. */
export const MAX_LIVE_RATING_TOKENS = 50_000;

/** Random bytes of a token: 128 bits, written as 22 base64url characters. */
const TOKEN_BYTES = 16;

/**
 * Chat ratings (CSAT). A closed chat gets a random single-use token that is not linked to the conversation, so a
 * rating cannot be traced back to a chat; a rating is kept only as one more count for its score (the
 * `ConversationEvent.Rated` event feeds the daily statistics and the metrics). Tokens live in memory only.
 */
@Injectable()
export class RatingService {
  /** Expiry of each live token, in milliseconds since the epoch, oldest token first (a Map keeps insertion order). */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * @returns a new token (22 base64url characters, 128 random bits from `crypto.randomBytes`) valid
   *   `RATING_TOKEN_TTL_MS` from now. Expired tokens are dropped first, then the oldest ones while
   *   `MAX_LIVE_RATING_TOKENS` are alive.
   */
  issue(): string {
    const now = this.clock.now();
    for (const [token, expiresAt] of this.expiries) {
      if (expiresAt > now && this.expiries.size < MAX_LIVE_RATING_TOKENS) {
        break;
      }
      this.expiries.delete(token);
    }
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    this.expiries.set(token, now + RATING_TOKEN_TTL_MS);
    return token;
  }

  /**
   * Consumes `token` and counts `score` (emits `ConversationEvent.Rated` with a `ChatRatedEvent`).
   * @param score an integer from 1 (bad) to 5 (very good).
   * @returns false, and counts nothing, when the token is unknown, already used, expired or dropped.
   * @throws RangeError when `score` is not an integer from 1 to 5 (the token is then left unused).
   */
  rate(token: string, score: number): boolean {
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new RangeError('score must be an integer from 1 to 5');
    }
    const expiresAt = this.expiries.get(token);
    if (expiresAt === undefined) {
      return false;
    }
    this.expiries.delete(token);
    if (this.clock.now() >= expiresAt) {
      return false;
    }
    const event: ChatRatedEvent = { score };
    this.events.emit(ConversationEvent.Rated, event);
    return true;
  }
}
