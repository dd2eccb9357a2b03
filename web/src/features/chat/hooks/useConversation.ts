import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  CitizenServerToClientEvents,
  CloseReason,
  QueueExitReason,
  SocketException,
} from '../../../../../src/contracts/socket-events';
import { clearResumeToken, saveResumeToken } from '../../../lib/resumeToken';
import { citizenHandshakeAuth, setShownConversation, socket } from '../../../lib/socket';
import {
  conversationReducer,
  initialConversationState,
  type ConversationState,
  type FailureCode,
} from './conversationReducer';

/** How long the page waits for the server to acknowledge a request before reporting it failed. */
const ACK_TIMEOUT_MS = 10_000;
/** « Le policier écrit… » disappears after this many milliseconds without a new typing signal (issue #4, item 5). */
const OFFICER_TYPING_TIMEOUT_MS = 5_000;

type StartedPayload = Parameters<CitizenServerToClientEvents['conversation:started']>[0];
type QueuedPayload = Parameters<CitizenServerToClientEvents['handoff:queued']>[0];

/** The conversation as `useConversation` exposes it: state to show, and the citizen's requests. */
export interface Conversation {
  state: ConversationState;
  /** Sends `text` (already trimmed, not empty); resolves to true once the server accepted it. */
  sendMessage: (text: string) => Promise<boolean>;
  /** Picks a quick reply of the bot's last clarifying question; the bot answers with that intent. */
  choose: (intent: string) => Promise<void>;
  /** Asks for an officer; the server answers with `handoff:queued`. */
  requestHandoff: () => Promise<void>;
  /**
   * Leaves the queue and goes back to the bot (`handoff:cancel`); `offerSeq` is the « keep waiting » offer this
   * answers, if any. The server confirms with `handoff:left`; `NOT_WAITING` (already out of the queue) counts as done.
   */
  leaveQueue: (offerSeq?: number) => Promise<void>;
  /** Answers the « keep waiting » offer `offerSeq` with yes (`handoff:keep-waiting`): back in the queue at its place. */
  keepWaiting: (offerSeq: number) => Promise<void>;
  /** Tells the officer holding the chat whether the citizen is typing; dropped while offline. */
  sendTyping: (typing: boolean) => void;
  /** Ends the conversation; the server forgets it. */
  leave: () => Promise<void>;
  /** Forgets the stored conversation and reconnects the socket, which starts a new, empty conversation. */
  startNew: () => void;
}

/** Resolves to null when the server acknowledged with `ok`, otherwise to the failure code. */
async function settle(pending: Promise<Ack>): Promise<FailureCode | null> {
  try {
    const ack = await pending;
    return ack.ok ? null : ack.code;
  } catch {
    return 'TIMEOUT';
  }
}

/**
 * Connects the shared `/citizen` socket while the calling component is mounted and follows the conversation:
 * messages exactly as the server sends them (the citizen's own included, unique by `seq` and sorted, so never
 * twice after a reconnect), queue place and estimated wait, leaving the queue, officer and their typing, closing,
 * connection losses and failed requests.
 *
 * The conversation survives reloads, second tabs and network drops (scenarios S-08, S-11, S-12): its resume token
 * is kept in `localStorage` (`lib/resumeToken`) and every handshake sends it with the last `seq` shown
 * (`lib/socket`). `conversation:closed` forgets the token. Listeners are added once per mount and removed on
 * unmount, so neither reconnects nor React's StrictMode double mount pile them up.
 */
export function useConversation(): Conversation {
  const [state, dispatch] = useReducer(conversationReducer, initialConversationState);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { resumeToken, messages, phase } = state;

  useEffect(() => {
    const lastSeq = messages.at(-1)?.seq ?? 0;
    setShownConversation(resumeToken === null || phase.status === 'closed' ? null : { resumeToken, lastSeq });
  }, [resumeToken, messages, phase.status]);

  useEffect(() => {
    const clearTypingTimer = () => {
      if (typingTimer.current !== null) {
        clearTimeout(typingTimer.current);
        typingTimer.current = null;
      }
    };
    const onStarted = (payload: StartedPayload) => {
      // What the handshake just sent: nothing the page shows or stores changes while it waits for this answer.
      const resumeRequested = citizenHandshakeAuth().resumeToken !== undefined;
      saveResumeToken(payload.resumeToken);
      dispatch({ type: 'started', ...payload, resumeRequested });
    };
    const onMessage = (message: ChatMessage) => dispatch({ type: 'message', message });
    const onQueued = ({ position, estimatedWaitMs }: QueuedPayload) =>
      dispatch({ type: 'queued', place: { position, estimatedWaitMs } });
    const onLeftQueue = ({ reason }: { reason: QueueExitReason }) => dispatch({ type: 'leftQueue', reason });
    const onAssigned = ({ officerName }: { officerName: string }) => dispatch({ type: 'assigned', officerName });
    const onTyping = ({ typing }: { typing: boolean }) => {
      clearTypingTimer();
      dispatch({ type: 'officerTyping', typing });
      if (typing) {
        typingTimer.current = setTimeout(() => dispatch({ type: 'officerTyping', typing: false }), OFFICER_TYPING_TIMEOUT_MS);
      }
    };
    const onClosed = ({ reason, ratingToken }: { reason: CloseReason; ratingToken: string }) => {
      clearResumeToken();
      dispatch({ type: 'closed', reason, ratingToken });
    };
    const onException = ({ code }: SocketException) => dispatch({ type: 'failed', code: code ?? 'INTERNAL_ERROR' });
    const onDisconnect = (reason: Socket.DisconnectReason) => dispatch({ type: 'disconnected', reason });
    const onConnectError = () => dispatch({ type: 'connectFailed' });

    socket.on('conversation:started', onStarted);
    socket.on('conversation:message', onMessage);
    socket.on('handoff:queued', onQueued);
    socket.on('handoff:left', onLeftQueue);
    socket.on('handoff:assigned', onAssigned);
    socket.on('conversation:typing', onTyping);
    socket.on('conversation:closed', onClosed);
    socket.on('exception', onException);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.connect();

    return () => {
      socket.off('conversation:started', onStarted);
      socket.off('conversation:message', onMessage);
      socket.off('handoff:queued', onQueued);
      socket.off('handoff:left', onLeftQueue);
      socket.off('handoff:assigned', onAssigned);
      socket.off('conversation:typing', onTyping);
      socket.off('conversation:closed', onClosed);
      socket.off('exception', onException);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.disconnect();
      clearTypingTimer();
      // A later mount starts with no message shown: it must ask for the whole conversation again.
      setShownConversation(null);
    };
  }, []);

  const report = useCallback((failure: FailureCode | null) => {
    dispatch(failure === null ? { type: 'succeeded' } : { type: 'failed', code: failure });
  }, []);

  const sendMessage = useCallback(
    async (text: string) => {
      const failure = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation:message', { text }));
      report(failure);
      return failure === null;
    },
    [report],
  );

  const choose = useCallback(
    async (intent: string) => {
      report(await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation:choose', { intent })));
    },
    [report],
  );

  const requestHandoff = useCallback(async () => {
    report(await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck('handoff:request', {})));
  }, [report]);

  const leaveQueue = useCallback(
    async (offerSeq?: number) => {
      const failure = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck('handoff:cancel', {}));
      const done = failure === null || failure === 'NOT_WAITING';
      report(done ? null : failure);
      if (!done) {
        return;
      }
      if (offerSeq !== undefined) {
        dispatch({ type: 'offerAnswered', seq: offerSeq });
      }
      // The server's `handoff:left` says the same; after NOT_WAITING it sends none, and the page must still leave.
      dispatch({ type: 'leftQueue', reason: 'citizen_cancelled' });
    },
    [report],
  );

  const keepWaiting = useCallback(
    async (offerSeq: number) => {
      const failure = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck('handoff:keep-waiting', {}));
      // NOT_WAITING: the offer no longer applies (already back in the queue, or out of it); the status line says which.
      const done = failure === null || failure === 'NOT_WAITING';
      report(done ? null : failure);
      if (done) {
        dispatch({ type: 'offerAnswered', seq: offerSeq });
      }
    },
    [report],
  );

  const sendTyping = useCallback((typing: boolean) => {
    // Volatile: a typing signal is worthless later, so it is dropped rather than queued while offline.
    socket.volatile.emit('conversation:typing', { typing });
  }, []);

  const leave = useCallback(async () => {
    const failure = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation:leave', {}));
    report(failure);
    if (failure === null) {
      clearResumeToken();
      dispatch({ type: 'closed', reason: 'citizen_left', ratingToken: null });
    }
  }, [report]);

  const startNew = useCallback(() => {
    clearResumeToken();
    setShownConversation(null);
    dispatch({ type: 'restarted' });
    socket.disconnect();
    socket.connect();
  }, []);

  return { state, sendMessage, choose, requestHandoff, leaveQueue, keepWaiting, sendTyping, leave, startNew };
}
