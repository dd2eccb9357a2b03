import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CLOSE_OUTCOMES, type CloseReason, type TriageOutcome } from '../contracts/socket-events';
import {
  type ChatRatedEvent,
  type ConversationClosedEvent,
  ConversationEvent,
  type HandoffAssignedEvent,
  type HandoffEnqueuedEvent,
  type TriageDecidedEvent,
} from '../conversation/conversation.events';
import { HandoffQueue } from '../handoff/handoff-queue';
import { OfficerPresenceService } from '../handoff/officer-presence.service';
import { intentKey } from '../stats/intent-key';

/** Prefix of the service's own metrics (the Node.js default metrics keep their usual names). */
const PREFIX = 'police_chat_';

const TRIAGE_OUTCOMES: readonly TriageOutcome[] = ['answer', 'emergency', 'clarify', 'handoff'];
const CLOSE_REASONS: readonly CloseReason[] = ['officer_closed', 'citizen_left', 'citizen_gone'];
const RATING_SCORES = ['1', '2', '3', '4', '5'] as const;

/**
 * Queue wait buckets, in seconds: from a quick take to one hour, with the default `MAX_QUEUE_WAIT_SECONDS` (900)
 * as a bound so that waits past the maximum show apart.
 */
const QUEUE_WAIT_BUCKETS_SECONDS = [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
/** Handling time buckets, in seconds: from a one-reply chat to two hours. */
const HANDLING_BUCKETS_SECONDS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/** `value` when it is one of `known`, else `other`: a label only ever takes a value from a fixed list. */
function knownLabel(value: string | undefined, known: readonly string[]): string {
  return value !== undefined && known.includes(value) ? value : 'other';
}

/** Milliseconds as seconds, or null for a duration that cannot be observed (negative, not finite). */
function toSeconds(durationMs: number | null): number | null {
  return durationMs !== null && Number.isFinite(durationMs) && durationMs >= 0 ? durationMs / 1000 : null;
}

/**
 * The Prometheus metrics of one app instance, on a registry of its own (never prom-client's global one, so that
 * several apps can run in one process): Node.js default metrics plus counters fed by the domain events, gauges
 * read from the queue and officer presence at scrape time, and duration histograms in seconds. Labels carry
 * outcomes, reasons, priorities, scores and intent ids only, each checked against its known values or shape
 * (`other` otherwise): never text.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  private readonly registry = new Registry();
  private readonly opened: Counter;
  private readonly decisions: Counter<'outcome' | 'intent'>;
  private readonly closed: Counter<'reason' | 'outcome' | 'intent'>;
  private readonly handoffs: Counter<'priority'>;
  private readonly queueWait: Histogram;
  private readonly handling: Histogram;
  private readonly ratings: Counter<'score'>;

  constructor(queue: HandoffQueue, presence: OfficerPresenceService) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.opened = new Counter({ name: `${PREFIX}conversations_opened_total`, help: 'Conversations opened.', registers });
    this.decisions = new Counter({
      name: `${PREFIX}bot_decisions_total`,
      help: 'Bot decisions on citizen messages, by triage outcome and intent id (none: no intent matched).',
      labelNames: ['outcome', 'intent'],
      registers,
    });
    this.closed = new Counter({
      name: `${PREFIX}conversations_closed_total`,
      help: 'Conversations ended, by reason, officer outcome (none: not closed by an officer) and first intent id.',
      labelNames: ['reason', 'outcome', 'intent'],
      registers,
    });
    this.handoffs = new Counter({
      name: `${PREFIX}handoffs_total`,
      help: 'Conversations entering the officer queue, by priority (flagged by the safety layer).',
      labelNames: ['priority'],
      registers,
    });
    const queueLength: Gauge = new Gauge({
      name: `${PREFIX}queue_length`,
      help: 'Conversations waiting for an officer.',
      registers,
      collect: () => queueLength.set(queue.list().length),
    });
    const officersOnline: Gauge = new Gauge({
      name: `${PREFIX}officers_online`,
      help: 'Officers with at least one console open.',
      registers,
      collect: () => officersOnline.set(presence.onlineCount()),
    });
    this.queueWait = new Histogram({
      name: `${PREFIX}queue_wait_seconds`,
      help: 'Seconds a conversation waited in the queue before an officer got it.',
      buckets: QUEUE_WAIT_BUCKETS_SECONDS,
      registers,
    });
    this.handling = new Histogram({
      name: `${PREFIX}handling_seconds`,
      help: 'Seconds from the first officer taking a conversation to its end.',
      buckets: HANDLING_BUCKETS_SECONDS,
      registers,
    });
    this.ratings = new Counter({ name: `${PREFIX}ratings_total`, help: 'Chat ratings by score (1 to 5).', labelNames: ['score'], registers });
    // Series present from the start, at 0, so that rate() and ratios work before the first event.
    for (const score of RATING_SCORES) {
      this.ratings.inc({ score }, 0);
    }
    this.handoffs.inc({ priority: 'true' }, 0);
    this.handoffs.inc({ priority: 'false' }, 0);
  }

  /** Prometheus content type of `render()`'s text (exposition format 0.0.4). */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** @returns every metric in the Prometheus text exposition format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Counts a new conversation. */
  @OnEvent(ConversationEvent.Opened)
  onOpened(): void {
    this.opened.inc();
  }

  /** Counts a bot decision by outcome and intent id (`none` when null, `other` when not an intent id). */
  @OnEvent(ConversationEvent.Decided)
  onDecided(event: TriageDecidedEvent): void {
    this.decisions.inc({ outcome: knownLabel(event.outcome, TRIAGE_OUTCOMES), intent: intentKey(event.intent) });
  }

  /** Counts a conversation entering the queue, by priority. */
  @OnEvent(ConversationEvent.Enqueued)
  onEnqueued(event: HandoffEnqueuedEvent): void {
    this.handoffs.inc({ priority: event.priority === true ? 'true' : 'false' });
  }

  /** Observes how long the conversation waited (`waitedMs`, as seconds); a negative or non-finite wait is skipped. */
  @OnEvent(ConversationEvent.Assigned)
  onAssigned(event: HandoffAssignedEvent): void {
    const seconds = toSeconds(event.waitedMs);
    if (seconds !== null) {
      this.queueWait.observe(seconds);
    }
  }

  /** Counts a close by reason, outcome and intent; observes the handling time when an officer took the chat. */
  @OnEvent(ConversationEvent.Closed)
  onClosed(event: ConversationClosedEvent): void {
    this.closed.inc({
      reason: knownLabel(event.reason, CLOSE_REASONS),
      outcome: event.outcome === undefined ? 'none' : knownLabel(event.outcome, CLOSE_OUTCOMES),
      intent: intentKey(event.intent),
    });
    const seconds = toSeconds(event.handlingMs);
    if (seconds !== null) {
      this.handling.observe(seconds);
    }
  }

  /** Counts a rating by score; a score other than an integer from 1 to 5 is ignored. */
  @OnEvent(ConversationEvent.Rated)
  onRated(event: ChatRatedEvent): void {
    const score = String(event.score);
    if ((RATING_SCORES as readonly string[]).includes(score)) {
      this.ratings.inc({ score });
    }
  }

  /** Drops this app's metrics when it closes. */
  onModuleDestroy(): void {
    this.registry.clear();
  }
}
