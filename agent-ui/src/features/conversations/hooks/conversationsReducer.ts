import type {
  AssignedConversationView,
  ChatMessage,
  CloseOutcome,
  CloseReason,
  ConversationStatus,
  TransferNote,
  TriageSummary,
} from '../../../../../src/contracts/socket-events';

/**
 * Whether the citizen of a held chat is there: connected, disconnected (within the server's grace period), or back
 * after a disconnection this console saw.
 */
export type CitizenPresence = 'connected' | 'disconnected' | 'reconnected';

/** A conversation this officer holds, as the console keeps it. */
export interface HeldConversation {
  conversationId: string;
  status: ConversationStatus;
  /** Deduplicated by `seq`, sorted by `seq` (server order). */
  messages: ChatMessage[];
  summary: TriageSummary;
  /** Notes of earlier transfers, oldest first. */
  notes: TransferNote[];
  presence: CitizenPresence;
  /** The citizen is typing (`conversation:typing`); the hook turns it off 5 s after the last update. */
  citizenTyping: boolean;
  /** Set once the conversation is closed. */
  closeReason: CloseReason | null;
  /** Set when this officer closed it, with the outcome they chose. */
  closeOutcome: CloseOutcome | null;
  /** Highest `seq` shown while this conversation was the active one; later messages from others are unread. */
  lastSeenSeq: number;
}

/**
 * Why a conversation left the console without being closed: this officer transferred it to a colleague
 * (`toOfficerName`), put it back in the queue, or the server released it (transfer or requeue seen only as
 * `conversation:released`, or the chat reappeared in the queue after a long disconnection).
 */
export type ReleaseNotice =
  | { kind: 'transferred'; conversationId: string; toOfficerName: string }
  | { kind: 'requeued'; conversationId: string }
  | { kind: 'released'; conversationId: string };

/** Every conversation this officer holds, keyed by id, and which one the console shows. */
export interface ConversationsState {
  byId: Readonly<Record<string, HeldConversation>>;
  /** Ids in the order the conversations were assigned. */
  order: readonly string[];
  activeId: string | null;
  /** A conversation the officer asked to show before its `conversation:assigned` arrived. */
  pendingFocusId: string | null;
  /** The last conversation that left the console without being closed, until the officer dismisses the notice. */
  notice: ReleaseNotice | null;
}

/**
 * Server events (`assigned`, `message`, `closed`, `released`, `presence`, `typing`, `queue-seen` for each queue
 * snapshot) and officer choices (`focused`, `dismissed`, `notice-dismissed`). `released` with `notice` comes from
 * this officer's own transfer; without it, from the server.
 */
export type ConversationsAction =
  | { type: 'assigned'; conversation: AssignedConversationView }
  | { type: 'message'; message: ChatMessage }
  | { type: 'closed'; conversationId: string; reason: CloseReason; outcome?: CloseOutcome }
  | { type: 'released'; conversationId: string; notice?: ReleaseNotice }
  | { type: 'presence'; conversationId: string; connected: boolean }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'queue-seen'; conversationIds: readonly string[] }
  | { type: 'focused'; conversationId: string }
  | { type: 'dismissed'; conversationId: string }
  | { type: 'notice-dismissed' };

/** No conversation held, none shown. */
export const initialConversationsState: ConversationsState = {
  byId: {},
  order: [],
  activeId: null,
  pendingFocusId: null,
  notice: null,
};

/** `known` plus the `incoming` messages whose `seq` it lacks, sorted by `seq`: a message is never shown twice. */
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

function nextPresence(current: CitizenPresence, connected: boolean): CitizenPresence {
  if (!connected) {
    return 'disconnected';
  }
  return current === 'disconnected' ? 'reconnected' : current;
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
    // Sent again after a reconnect: the same chat with its full history, merged by `seq`.
    return withConversation(state, {
      ...known,
      status: known.status === 'closed' ? known.status : view.status,
      messages: mergeMessages(known.messages, view.messages),
      summary: view.summary,
      notes: view.notes,
      presence: nextPresence(known.presence, view.citizenConnected),
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
    summary: view.summary,
    notes: view.notes,
    presence: view.citizenConnected ? 'connected' : 'disconnected',
    citizenTyping: false,
    closeReason: null,
    closeOutcome: null,
    lastSeenSeq: 0,
  });
}

/** Removes a conversation; the one beside it becomes active if it was. */
function remove(state: ConversationsState, conversationId: string): ConversationsState {
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

function release(state: ConversationsState, conversationId: string, notice: ReleaseNotice | undefined): ConversationsState {
  const known = state.byId[conversationId];
  if (known === undefined) {
    // Already gone (the server's `conversation:released` came before this officer's acknowledgement): only the
    // more precise notice of the officer's own transfer is worth showing.
    return notice === undefined || state.notice?.conversationId !== conversationId ? state : { ...state, notice };
  }
  return { ...remove(state, conversationId), notice: notice ?? { kind: 'released', conversationId } };
}

function update(
  state: ConversationsState,
  conversationId: string,
  change: (conversation: HeldConversation) => HeldConversation,
): ConversationsState {
  const known = state.byId[conversationId];
  return known === undefined ? state : withConversation(state, change(known));
}

function addMessage(state: ConversationsState, message: ChatMessage): ConversationsState {
  const known = state.byId[message.conversationId];
  if (known === undefined || known.messages.some((existing) => existing.seq === message.seq)) {
    return state;
  }
  return withConversation(state, {
    ...known,
    messages: mergeMessages(known.messages, [message]),
    citizenTyping: message.author === 'citizen' ? false : known.citizenTyping,
  });
}

/**
 * Applies one action to the held conversations. Messages of unknown conversations are ignored (the server sends
 * `conversation:assigned` first); a message already known by `seq` leaves the state unchanged, so a history sent
 * again after a reconnect never shows a message twice. A newly assigned conversation becomes the active one when
 * none is shown or when the officer just took it. An open conversation seen in a queue snapshot is no longer this
 * officer's (it went back to the queue while the console was away) and leaves the console with a notice.
 */
export function conversationsReducer(state: ConversationsState, action: ConversationsAction): ConversationsState {
  switch (action.type) {
    case 'assigned':
      return assign(state, action.conversation);
    case 'message':
      return addMessage(state, action.message);
    case 'closed':
      return update(state, action.conversationId, (known) =>
        known.status === 'closed'
          ? // The server's `conversation:closed` comes before the acknowledgement that carries the chosen outcome.
            { ...known, closeOutcome: known.closeOutcome ?? action.outcome ?? null }
          : {
              ...known,
              status: 'closed',
              closeReason: action.reason,
              closeOutcome: action.outcome ?? null,
              citizenTyping: false,
            },
      );
    case 'released':
      return release(state, action.conversationId, action.notice);
    case 'presence':
      return update(state, action.conversationId, (known) => ({
        ...known,
        presence: nextPresence(known.presence, action.connected),
        citizenTyping: action.connected ? known.citizenTyping : false,
      }));
    case 'typing':
      return update(state, action.conversationId, (known) =>
        known.citizenTyping === action.typing || known.status === 'closed'
          ? known
          : { ...known, citizenTyping: action.typing },
      );
    case 'queue-seen':
      return action.conversationIds
        .filter((id) => state.byId[id] !== undefined && state.byId[id].status !== 'closed')
        .reduce((current, id) => release(current, id, undefined), state);
    case 'focused': {
      const known = state.byId[action.conversationId];
      if (known === undefined) {
        return { ...state, pendingFocusId: action.conversationId };
      }
      return withConversation({ ...state, activeId: action.conversationId, pendingFocusId: null }, known);
    }
    case 'dismissed': {
      const known = state.byId[action.conversationId];
      return known === undefined || known.status !== 'closed' ? state : remove(state, action.conversationId);
    }
    case 'notice-dismissed':
      return state.notice === null ? state : { ...state, notice: null };
  }
}

/** Messages of others (citizen, bot, system) after `lastSeenSeq`. */
export function countUnread(conversation: HeldConversation): number {
  return conversation.messages.filter(
    (message) => message.seq > conversation.lastSeenSeq && message.author !== 'officer',
  ).length;
}

/** The conversations not closed yet: those the officer must transfer or close before signing out. */
export function openConversations(state: ConversationsState): HeldConversation[] {
  return state.order.map((id) => state.byId[id]).filter((conversation) => conversation.status !== 'closed');
}
