import type {
  AssignedConversationView,
  ChatMessage,
  CloseReason,
  ConversationStatus,
} from '../../../../../src/contracts/socket-events';

/** A conversation this officer holds, as the console keeps it. */
export interface HeldConversation {
  conversationId: string;
  status: ConversationStatus;
  /** Deduplicated by `seq`, sorted by `seq` (server order). */
  messages: ChatMessage[];
  /** Set once the conversation is closed. */
  closeReason: CloseReason | null;
  /** Highest `seq` shown while this conversation was the active one; later messages from others are unread. */
  lastSeenSeq: number;
}

/** Every conversation this officer holds, keyed by id, and which one the console shows. */
export interface ConversationsState {
  byId: Readonly<Record<string, HeldConversation>>;
  /** Ids in the order the conversations were assigned. */
  order: readonly string[];
  activeId: string | null;
  /** A conversation the officer asked to show before its `conversation:assigned` arrived. */
  pendingFocusId: string | null;
}

/** Server events (`assigned`, `message`, `closed`) and officer choices (`focused`, `dismissed`). */
export type ConversationsAction =
  | { type: 'assigned'; conversation: AssignedConversationView }
  | { type: 'message'; message: ChatMessage }
  | { type: 'closed'; conversationId: string; reason: CloseReason }
  | { type: 'focused'; conversationId: string }
  | { type: 'dismissed'; conversationId: string };

/** No conversation held, none shown. */
export const initialConversationsState: ConversationsState = {
  byId: {},
  order: [],
  activeId: null,
  pendingFocusId: null,
};

function mergeMessages(known: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map(known.map((message) => [message.seq, message]));
  for (const message of incoming) {
    if (!bySeq.has(message.seq)) {
      bySeq.set(message.seq, message);
    }
  }
  return [...bySeq.values()].sort((left, right) => left.seq - right.seq);
}

function lastSeq(messages: ChatMessage[]): number {
  return messages.length === 0 ? 0 : messages[messages.length - 1].seq;
}

function withConversation(state: ConversationsState, conversation: HeldConversation): ConversationsState {
  const seen =
    state.activeId === conversation.conversationId
      ? { ...conversation, lastSeenSeq: lastSeq(conversation.messages) }
      : conversation;
  return { ...state, byId: { ...state.byId, [conversation.conversationId]: seen } };
}

function assign(state: ConversationsState, view: AssignedConversationView): ConversationsState {
  const known = state.byId[view.conversationId];
  if (known !== undefined) {
    return withConversation(state, {
      ...known,
      status: known.status === 'closed' ? known.status : view.status,
      messages: mergeMessages(known.messages, view.messages),
    });
  }
  const shown = state.activeId === null || state.pendingFocusId === view.conversationId;
  const next: ConversationsState = {
    ...state,
    order: [...state.order, view.conversationId],
    activeId: shown ? view.conversationId : state.activeId,
    pendingFocusId: shown ? null : state.pendingFocusId,
  };
  return withConversation(next, {
    conversationId: view.conversationId,
    status: view.status,
    messages: mergeMessages([], view.messages),
    closeReason: null,
    lastSeenSeq: 0,
  });
}

function dismiss(state: ConversationsState, conversationId: string): ConversationsState {
  const known = state.byId[conversationId];
  if (known === undefined || known.status !== 'closed') {
    return state;
  }
  const index = state.order.indexOf(conversationId);
  const order = state.order.filter((id) => id !== conversationId);
  const byId = { ...state.byId };
  delete byId[conversationId];
  const activeId =
    state.activeId === conversationId ? (order[Math.min(index, order.length - 1)] ?? null) : state.activeId;
  const next = { ...state, byId, order, activeId };
  const active = activeId === null ? undefined : byId[activeId];
  return active === undefined ? next : withConversation(next, active);
}

/**
 * Applies one action to the held conversations. Messages of unknown conversations are ignored (the server sends
 * `conversation:assigned` first); a message already known by `seq` leaves the state unchanged. A newly assigned
 * conversation becomes the active one when none is shown or when the officer just took it.
 */
export function conversationsReducer(state: ConversationsState, action: ConversationsAction): ConversationsState {
  switch (action.type) {
    case 'assigned':
      return assign(state, action.conversation);
    case 'message': {
      const known = state.byId[action.message.conversationId];
      if (known === undefined || known.messages.some((message) => message.seq === action.message.seq)) {
        return state;
      }
      return withConversation(state, { ...known, messages: mergeMessages(known.messages, [action.message]) });
    }
    case 'closed': {
      const known = state.byId[action.conversationId];
      if (known === undefined || known.status === 'closed') {
        return state;
      }
      return withConversation(state, { ...known, status: 'closed', closeReason: action.reason });
    }
    case 'focused': {
      const known = state.byId[action.conversationId];
      if (known === undefined) {
        return { ...state, pendingFocusId: action.conversationId };
      }
      return withConversation({ ...state, activeId: action.conversationId, pendingFocusId: null }, known);
    }
    case 'dismissed':
      return dismiss(state, action.conversationId);
  }
}

/** Messages of others (citizen, bot, system) after `lastSeenSeq`. */
export function countUnread(conversation: HeldConversation): number {
  return conversation.messages.filter(
    (message) => message.seq > conversation.lastSeenSeq && message.author !== 'officer',
  ).length;
}
