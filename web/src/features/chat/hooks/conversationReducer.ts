import type { Socket } from 'socket.io-client';
import type { ChatMessage, CloseReason, SocketErrorCode } from '../../../../../src/contracts/socket-events';

/** State of the link to the server: before the first conversation, online, or retrying after a loss. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'unavailable';

/** Why the page shows a conversation as over: the server's reason, or the server dropped the socket. */
export type ClosedReason = CloseReason | 'connection_lost';

/** Where the conversation stands, with what the page shows for that stage. */
export type ConversationPhase =
  | { status: 'bot' }
  | { status: 'queued'; position: number }
  | { status: 'assigned'; officerName: string }
  | { status: 'closed'; reason: ClosedReason };

/** A failed request: a server error code, or `TIMEOUT` when the server did not acknowledge in time. */
export type FailureCode = SocketErrorCode | 'TIMEOUT';

/**
 * What the chat shows. `messages` are the server's, unique by `seq` and sorted by it. `replacedLostConversation`
 * is true when the socket came back on a new conversation after the previous one was lost.
 */
export interface ConversationState {
  conversationId: string | null;
  messages: ChatMessage[];
  phase: ConversationPhase;
  connection: ConnectionStatus;
  replacedLostConversation: boolean;
  failure: FailureCode | null;
}

/** Socket events and user requests, as the reducer sees them. */
export type ConversationAction =
  | { type: 'started'; conversationId: string }
  | { type: 'message'; message: ChatMessage }
  | { type: 'queued'; position: number }
  | { type: 'assigned'; officerName: string }
  | { type: 'closed'; reason: ClosedReason }
  | { type: 'disconnected'; reason: Socket.DisconnectReason }
  | { type: 'connectFailed' }
  | { type: 'failed'; code: FailureCode }
  | { type: 'succeeded' }
  | { type: 'restarted' };

/** Before the socket has connected: no conversation yet. */
export const initialConversationState: ConversationState = {
  conversationId: null,
  messages: [],
  phase: { status: 'bot' },
  connection: 'connecting',
  replacedLostConversation: false,
  failure: null,
};

/** Adds `message` in `seq` order, unless a message with that `seq` is already there. */
function insertBySeq(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((existing) => existing.seq === message.seq)) {
    return messages;
  }
  return [...messages, message].sort((left, right) => left.seq - right.seq);
}

/** Pure transition of the chat state; ignores events that no longer apply (e.g. a queue update after closing). */
export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'started':
      if (action.conversationId === state.conversationId) {
        return { ...state, connection: 'online' };
      }
      return {
        ...initialConversationState,
        conversationId: action.conversationId,
        connection: 'online',
        replacedLostConversation: state.conversationId !== null && state.phase.status !== 'closed',
      };
    case 'message':
      if (action.message.conversationId !== state.conversationId) {
        return state;
      }
      return { ...state, messages: insertBySeq(state.messages, action.message) };
    case 'queued':
      // Also from `assigned`: an officer may hand the conversation back to the queue.
      if (state.phase.status === 'closed') {
        return state;
      }
      return { ...state, phase: { status: 'queued', position: action.position } };
    case 'assigned':
      if (state.phase.status === 'closed') {
        return state;
      }
      return { ...state, phase: { status: 'assigned', officerName: action.officerName } };
    case 'closed':
      if (state.phase.status === 'closed') {
        return state;
      }
      return { ...state, phase: { status: 'closed', reason: action.reason }, failure: null };
    case 'disconnected':
      // The page's own disconnect (new conversation, unmount) and any drop after closing change nothing shown.
      if (state.phase.status === 'closed' || action.reason === 'io client disconnect') {
        return state;
      }
      // The server ended the socket: socket.io will not reconnect, and the server has forgotten the conversation.
      if (action.reason === 'io server disconnect') {
        return { ...state, phase: { status: 'closed', reason: 'connection_lost' }, failure: null };
      }
      return { ...state, connection: 'reconnecting' };
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
