import type { ChatMessage, CloseOutcome, CloseReason, QueueExitReason, TriageOutcome } from '../contracts/socket-events';

/**
 * Domain events: services emit them (EventEmitter2), gateways turn them into socket events, and the metrics and
 * daily statistics count them. Payloads carry ids, intents, outcomes and durations, never message text, except
 * `ConversationMessageEvent`, which only the gateways consume.
 */
export const ConversationEvent = {
  /** A conversation opened. Payload: `ConversationOpenedEvent`. */
  Opened: 'conversation.opened',
  /** A message was added to a conversation. Payload: `ConversationMessageEvent`. */
  Message: 'conversation.message',
  /** The bot decided on a citizen message. Payload: `TriageDecidedEvent`. */
  Decided: 'triage.decided',
  /** A conversation entered the queue (first time, or again after leaving it). Payload: `HandoffEnqueuedEvent`. */
  Enqueued: 'handoff.enqueued',
  /** A conversation ended and was forgotten. Payload: `ConversationClosedEvent`. */
  Closed: 'conversation.closed',
  /** The waiting queue changed (entry, exit, new message of a waiting citizen). No payload. */
  QueueChanged: 'handoff.queue-changed',
  /** An officer took a conversation (or got it by automatic routing or transfer). Payload: `HandoffAssignedEvent`. */
  Assigned: 'handoff.assigned',
  /** An officer's presence, status, capacity or load changed. No payload. */
  OfficersChanged: 'officers.changed',
  /** A citizen rated a chat. Payload: `ChatRatedEvent`. */
  Rated: 'csat.rated',
  /** A conversation left the queue without an officer (citizen's choice, maximum wait). Payload: `QueueLeftEvent`. */
  QueueLeft: 'handoff.queue-left',
  /** An officer no longer holds a conversation (transferred, sent back to the queue). Payload: `HandoffReleasedEvent`. */
  Released: 'handoff.released',
  /** The citizen or the officer is typing or stopped. Payload: `TypingEvent`. */
  Typing: 'conversation.typing',
  /** The citizen's last socket left, or the first came back. Payload: `CitizenPresenceEvent`. */
  CitizenPresence: 'conversation.citizen-presence',
} as const;

export interface ConversationOpenedEvent {
  conversationId: string;
}

export interface ConversationMessageEvent {
  message: ChatMessage;
  /** The officer holding the conversation, if any. */
  officerId?: string;
}

/** One bot decision: `intent` is null when nothing matched. */
export interface TriageDecidedEvent {
  conversationId: string;
  outcome: TriageOutcome;
  intent: string | null;
}

export interface HandoffEnqueuedEvent {
  conversationId: string;
  priority: boolean;
}

export interface ConversationClosedEvent {
  conversationId: string;
  reason: CloseReason;
  officerId?: string;
  /** Set when an officer closed it. */
  outcome?: CloseOutcome;
  /** The conversation reached the queue at least once (not deflected by the bot). */
  handedOff: boolean;
  /** The first intent the bot recognised, or null. */
  intent: string | null;
  /** Milliseconds from the first officer's take to the close; null when no officer took it. */
  handlingMs: number | null;
}

export interface HandoffAssignedEvent {
  conversationId: string;
  officerId: string;
  officerName: string;
  /** Milliseconds the conversation waited in the queue before this assignment (0 for a direct transfer). */
  waitedMs: number;
}

export interface ChatRatedEvent {
  /** 1 to 5. */
  score: number;
}

export interface QueueLeftEvent {
  conversationId: string;
  reason: QueueExitReason;
}

export interface HandoffReleasedEvent {
  conversationId: string;
  /** The officer who no longer holds it. */
  officerId: string;
}

export interface TypingEvent {
  conversationId: string;
  author: 'citizen' | 'officer';
  typing: boolean;
  /** The officer holding the conversation. */
  officerId?: string;
}

export interface CitizenPresenceEvent {
  conversationId: string;
  connected: boolean;
  /** The officer holding the conversation, if any. */
  officerId?: string;
}
