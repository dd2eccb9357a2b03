import type { Socket } from 'socket.io-client';
import type {
  Announcement,
  ChatMessage,
  CloseReason,
  ConversationStatus,
  OrientationSection,
  QueueExitReason,
  SocketErrorCode,
} from '../../../../../src/contracts/socket-events';

/** State of the link to the server: before the first conversation, online, or retrying after a loss. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'unavailable';

/** Why the page shows a conversation as over: the server's reason, or the server dropped the socket. */
export type ClosedReason = CloseReason | 'connection_lost';

/**
 * The citizen's place in the queue, from `handoff:queued`: 1-based `position`, and the estimated wait in
 * milliseconds, null when no officer is available.
 */
export interface QueuePlace {
  position: number;
  estimatedWaitMs: number | null;
}

/**
 * Where the conversation stands, with what the page shows for that stage. `place` is null while waiting until the
 * server has said where (just after a reconnect); `officerName` is null when the page came back to a chat an
 * officer holds and no officer message names them yet; `ratingToken` is null when the page closed the chat
 * without the server's `conversation:closed` (nothing to rate then).
 */
export type ConversationPhase =
  | { status: 'bot' }
  | { status: 'queued'; place: QueuePlace | null }
  | { status: 'assigned'; officerName: string | null }
  | { status: 'closed'; reason: ClosedReason; ratingToken: string | null };

/** A failed request: a server error code, or `TIMEOUT` when the server did not acknowledge in time. */
export type FailureCode = SocketErrorCode | 'TIMEOUT';

/**
 * What the chat shows. `messages` are the server's, unique by `seq` and sorted by it. `resumeToken` is the
 * conversation's, from `conversation:started`. `replacedLostConversation` is true when the page came back on a new
 * conversation although it had one going (or a stored token). `queueExit` says why the citizen just left the
 * queue without an officer. `answeredOfferSeq` is the `seq` of the last « keep waiting » offer the citizen
 * answered.
 */
export interface ConversationState {
  conversationId: string | null;
  resumeToken: string | null;
  messages: ChatMessage[];
  announcements: Announcement[];
  /** The orientation menu's sections, from `conversation:started`. */
  orientation: OrientationSection[];
  phase: ConversationPhase;
  connection: ConnectionStatus;
  replacedLostConversation: boolean;
  failure: FailureCode | null;
  officerTyping: boolean;
  queueExit: QueueExitReason | null;
  answeredOfferSeq: number | null;
}

/** Socket events and user requests, as the reducer sees them. */
export type ConversationAction =
  | {
      type: 'started';
      conversationId: string;
      resumeToken: string;
      resumed: boolean;
      status: ConversationStatus;
      announcements: Announcement[];
      orientation: OrientationSection[];
      /** The handshake carried a resume token (the page expected an existing conversation). */
      resumeRequested: boolean;
    }
  | { type: 'message'; message: ChatMessage }
  | { type: 'queued'; place: QueuePlace }
  | { type: 'leftQueue'; reason: QueueExitReason }
  | { type: 'assigned'; officerName: string }
  | { type: 'officerTyping'; typing: boolean }
  | { type: 'offerAnswered'; seq: number }
  | { type: 'closed'; reason: ClosedReason; ratingToken: string | null }
  | { type: 'disconnected'; reason: Socket.DisconnectReason }
  | { type: 'connectFailed' }
  | { type: 'failed'; code: FailureCode }
  | { type: 'succeeded' }
  | { type: 'restarted' };

/** Before the socket has connected: no conversation yet. */
export const initialConversationState: ConversationState = {
  conversationId: null,
  resumeToken: null,
  messages: [],
  announcements: [],
  orientation: [],
  phase: { status: 'bot' },
  connection: 'connecting',
  replacedLostConversation: false,
  failure: null,
  officerTyping: false,
  queueExit: null,
  answeredOfferSeq: null,
};

/** Adds `message` in `seq` order, unless a message with that `seq` is already there. */
function insertBySeq(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((existing) => existing.seq === message.seq)) {
    return messages;
  }
  return [...messages, message].sort((left, right) => left.seq - right.seq);
}

/** The name on the latest officer message, or null when no officer wrote yet. */
function latestOfficerName(messages: ChatMessage[]): string | null {
  const officerMessage = messages.findLast((message) => message.author === 'officer' && message.officerName !== undefined);
  return officerMessage?.officerName ?? null;
}

/** The `seq` of the latest « keep waiting » offer, or null when there is none. */
export function latestOfferSeq(messages: ChatMessage[]): number | null {
  return messages.findLast((message) => message.offerKeepWaiting === true)?.seq ?? null;
}

/**
 * The phase the server's `status` means, keeping what the page already knew of that stage (place in the queue,
 * officer). A `closed` status keeps the current phase: the server follows it with `conversation:closed`, which
 * carries the reason and the rating token.
 */
function phaseFromStatus(status: ConversationStatus, current: ConversationPhase, messages: ChatMessage[]): ConversationPhase {
  switch (status) {
    case 'bot':
      return { status: 'bot' };
    case 'queued':
      return current.status === 'queued' ? current : { status: 'queued', place: null };
    case 'assigned':
      return current.status === 'assigned' ? current : { status: 'assigned', officerName: latestOfficerName(messages) };
    case 'closed':
      return current;
  }
}

/** Pure transition of the chat state; ignores events that no longer apply (e.g. a queue update after closing). */
export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'started': {
      const { conversationId, resumeToken, status, announcements, orientation } = action;
      if (conversationId === state.conversationId) {
        // Back on the same conversation after a drop: keep what is shown, take the server's word for the stage.
        return {
          ...state,
          resumeToken,
          announcements,
          orientation,
          connection: 'online',
          phase: phaseFromStatus(status, state.phase, state.messages),
        };
      }
      const hadLiveConversation = state.conversationId !== null && state.phase.status !== 'closed';
      return {
        ...initialConversationState,
        conversationId,
        resumeToken,
        announcements,
        orientation,
        connection: 'online',
        phase: phaseFromStatus(status, initialConversationState.phase, []),
        replacedLostConversation: hadLiveConversation || (action.resumeRequested && !action.resumed),
      };
    }
    case 'message': {
      if (action.message.conversationId !== state.conversationId) {
        return state;
      }
      const messages = insertBySeq(state.messages, action.message);
      const { phase } = state;
      const namedOfficer =
        phase.status === 'assigned' && phase.officerName === null ? latestOfficerName(messages) : null;
      return {
        ...state,
        messages,
        // The officer's message is what they were typing.
        officerTyping: action.message.author === 'officer' ? false : state.officerTyping,
        phase: namedOfficer === null ? phase : { status: 'assigned', officerName: namedOfficer },
      };
    }
    case 'queued':
      // Also from `assigned`: an officer may hand the conversation back to the queue.
      if (state.phase.status === 'closed') {
        return state;
      }
      return { ...state, phase: { status: 'queued', place: action.place }, queueExit: null, officerTyping: false };
    case 'leftQueue':
      if (state.phase.status === 'closed' || state.phase.status === 'assigned') {
        return state;
      }
      return { ...state, phase: { status: 'bot' }, queueExit: action.reason };
    case 'assigned':
      if (state.phase.status === 'closed') {
        return state;
      }
      return { ...state, phase: { status: 'assigned', officerName: action.officerName }, queueExit: null };
    case 'officerTyping':
      return { ...state, officerTyping: action.typing && state.phase.status === 'assigned' };
    case 'offerAnswered':
      return { ...state, answeredOfferSeq: Math.max(action.seq, state.answeredOfferSeq ?? action.seq) };
    case 'closed':
      if (state.phase.status === 'closed') {
        // The page may have closed first (its own « Terminer »); the server's event still brings the rating token.
        if (state.phase.ratingToken !== null || action.ratingToken === null) {
          return state;
        }
        return { ...state, phase: { ...state.phase, ratingToken: action.ratingToken } };
      }
      return {
        ...state,
        phase: { status: 'closed', reason: action.reason, ratingToken: action.ratingToken },
        failure: null,
        officerTyping: false,
        queueExit: null,
      };
    case 'disconnected':
      // The page's own disconnect (new conversation, unmount) and any drop after closing change nothing shown.
      if (state.phase.status === 'closed' || action.reason === 'io client disconnect') {
        return state;
      }
      // The server ended the socket without closing the conversation first: socket.io will not reconnect.
      if (action.reason === 'io server disconnect') {
        return {
          ...state,
          phase: { status: 'closed', reason: 'connection_lost', ratingToken: null },
          failure: null,
          officerTyping: false,
        };
      }
      return { ...state, connection: 'reconnecting', officerTyping: false };
    case 'connectFailed':
      return { ...state, connection: 'unavailable' };
    case 'failed':
      return { ...state, failure: action.code };
    case 'succeeded':
      return { ...state, failure: null };
    case 'restarted':
      return initialConversationState;
  }
}
