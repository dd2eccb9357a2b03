import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import { Clock } from '../common/clock/clock';
import { CLOSE_OUTCOMES, type CloseOutcome, type DailyStats, type TriageOutcome } from '../contracts/socket-events';
import {
  type ChatRatedEvent,
  type ConversationClosedEvent,
  ConversationEvent,
  type HandoffEnqueuedEvent,
  type TriageDecidedEvent,
} from '../conversation/conversation.events';
import { intentKey } from './intent-key';

/** The statistics day is the calendar day of the police stations served: metropolitan France. */
const STATS_TIME_ZONE = 'Europe/Paris';

/** Bot decisions of one intent, by triage outcome. */
type DecisionCounts = Record<TriageOutcome, number>;

/** What one day has counted so far. */
interface DayCounts {
  conversations: number;
  handedOff: number;
  /** Conversations enqueued today and not yet closed: only to count each one once, forgotten at close. */
  handedOffIds: Set<string>;
  closed: number;
  /** Closed conversations that never reached the queue. */
  deflected: number;
  outcomes: Record<CloseOutcome, number>;
  decisions: Map<string, DecisionCounts>;
  /** Index 0 is score 1. */
  ratings: number[];
}

/** A calendar day in Europe/Paris: `YYYY-MM-DD` and its bounds in milliseconds since the epoch (end excluded). */
interface Day {
  date: string;
  startMs: number;
  endMs: number;
}

function parisDay(instantMs: number): Day {
  const start = DateTime.fromMillis(instantMs, { zone: STATS_TIME_ZONE }).startOf('day');
  // plus({ days: 1 }) is calendar arithmetic: the day of a DST change lasts 23 or 25 hours, not 24.
  return { date: start.toFormat('yyyy-MM-dd'), startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() };
}

function emptyCounts(): DayCounts {
  return {
    conversations: 0,
    handedOff: 0,
    handedOffIds: new Set(),
    closed: 0,
    deflected: 0,
    outcomes: Object.fromEntries(CLOSE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<CloseOutcome, number>,
    decisions: new Map(),
    ratings: [0, 0, 0, 0, 0],
  };
}

/**
 * The supervisor's figures for today (calendar day in Europe/Paris, read from the `Clock`), counted from the
 * domain events and reset when the Paris day changes. Counts only: no text, and no conversation id except those
 * needed to count each handed-off conversation once, forgotten when the conversation closes.
 */
@Injectable()
export class DailyStatsService {
  private day: Day;
  private counts = emptyCounts();

  constructor(private readonly clock: Clock) {
    this.day = parisDay(clock.now());
  }

  /** Counts a new conversation. */
  @OnEvent(ConversationEvent.Opened)
  onOpened(): void {
    this.current().conversations += 1;
  }

  /** Counts a bot decision under its intent (`none` when null, `other` when not an intent id) and outcome. */
  @OnEvent(ConversationEvent.Decided)
  onDecided(event: TriageDecidedEvent): void {
    const counts = this.current();
    const key = intentKey(event.intent);
    const decisions = counts.decisions.get(key) ?? { answer: 0, emergency: 0, clarify: 0, handoff: 0 };
    if (!Object.hasOwn(decisions, event.outcome)) {
      return;
    }
    decisions[event.outcome] += 1;
    counts.decisions.set(key, decisions);
  }

  /** Counts a conversation as handed off the first time it is enqueued today. */
  @OnEvent(ConversationEvent.Enqueued)
  onEnqueued(event: HandoffEnqueuedEvent): void {
    const counts = this.current();
    if (!counts.handedOffIds.has(event.conversationId)) {
      counts.handedOffIds.add(event.conversationId);
      counts.handedOff += 1;
    }
  }

  /** Counts a close (deflected when it never reached the queue) and an officer's outcome; forgets the id. */
  @OnEvent(ConversationEvent.Closed)
  onClosed(event: ConversationClosedEvent): void {
    const counts = this.current();
    counts.handedOffIds.delete(event.conversationId);
    counts.closed += 1;
    if (!event.handedOff) {
      counts.deflected += 1;
    }
    if (event.outcome !== undefined && Object.hasOwn(counts.outcomes, event.outcome)) {
      counts.outcomes[event.outcome] += 1;
    }
  }

  /** Counts a rating; a score other than an integer from 1 to 5 is ignored. */
  @OnEvent(ConversationEvent.Rated)
  onRated(event: ChatRatedEvent): void {
    const counts = this.current();
    if (Number.isInteger(event.score) && event.score >= 1 && event.score <= 5) {
      counts.ratings[event.score - 1] += 1;
    }
  }

  /**
   * @returns a copy of today's figures. `deflectionRate` is deflected closes / all closes today, in [0, 1], null
   *   before the first close; `intents` lists the most decided intents first (ties by id).
   */
  today(): DailyStats {
    const counts = this.current();
    const intents = [...counts.decisions]
      .map(([intent, decisions]) => ({ intent, ...decisions }))
      .sort((a, b) => total(b) - total(a) || a.intent.localeCompare(b.intent));
    return {
      date: this.day.date,
      conversations: counts.conversations,
      handedOff: counts.handedOff,
      deflectionRate: counts.closed === 0 ? null : counts.deflected / counts.closed,
      outcomes: { ...counts.outcomes },
      intents,
      ratings: [...counts.ratings],
    };
  }

  /** Today's counts, after starting afresh if the clock has left the day counted so far (either way). */
  private current(): DayCounts {
    const now = this.clock.now();
    if (now < this.day.startMs || now >= this.day.endMs) {
      this.day = parisDay(now);
      this.counts = emptyCounts();
    }
    return this.counts;
  }
}

function total(decisions: DecisionCounts): number {
  return decisions.answer + decisions.emergency + decisions.clarify + decisions.handoff;
}
