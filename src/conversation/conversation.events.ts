import type { ChatMessage, CloseReason } from '../contracts/socket-events';

/** Domain events: services emit them, gateways turn them into socket events. */
export const ConversationEvent = {
  /** A message was added to a conversation. Payload: `ConversationMessageEvent`. */
  Message: 'conversation.message',
  /** A conversation ended and was forgotten. Payload: `ConversationClosedEvent`. */
  Closed: 'conversation.closed',
  /** The waiting queue changed (entry, exit, new message of a waiting citizen). No payload. */
  QueueChanged: 'handoff.queue-changed',
  /** An officer took a conversation. Payload: `HandoffAssignedEvent`. */
  Assigned: 'handoff.assigned',
} as const;

export interface ConversationMessageEvent {
  message: ChatMessage;
  /** The officer holding the conversation, if any. */
  officerId?: string;
}

export interface ConversationClosedEvent {
  conversationId: string;
  reason: CloseReason;
  officerId?: string;
}

export interface HandoffAssignedEvent {
  conversationId: string;
  officerId: string;
  officerName: string;
  /** The conversation so far, in server order, for the officer's console. */
  messages: ChatMessage[];
}
