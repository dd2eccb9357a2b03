import { useCallback, useEffect, useReducer } from 'react';
import type { Socket } from 'socket.io-client';
import type { Ack, ChatMessage, CloseReason, SocketException } from '../../../../../src/contracts/socket-events';
import { socket } from '../../../lib/socket';
import {
  conversationReducer,
  initialConversationState,
  type ConversationState,
  type FailureCode,
} from './conversationReducer';

/** How long the page waits for the server to acknowledge a request before reporting it failed. */
const ACK_TIMEOUT_MS = 10_000;

/** The conversation as `useConversation` exposes it: state to show, and the citizen's requests. */
export interface Conversation {
  state: ConversationState;
  /** Sends `text` (already trimmed, not empty); resolves to true once the server accepted it. */
  sendMessage: (text: string) => Promise<boolean>;
  /** Picks a quick reply of the bot's last clarifying question; the bot answers with that intent. */
  choose: (intent: string) => Promise<void>;
  /** Asks for an officer; the server answers with `handoff:queued`. */
  requestHandoff: () => Promise<void>;
  /** Ends the conversation; the server forgets it. */
  leave: () => Promise<void>;
  /** Reconnects the socket, which starts a new, empty conversation. */
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
 * messages exactly as the server sends them (the citizen's own included, unique by `seq`), queue position,
 * officer, closing, connection losses and failed requests.
 */
export function useConversation(): Conversation {
  const [state, dispatch] = useReducer(conversationReducer, initialConversationState);

  useEffect(() => {
    const onStarted = ({ conversationId }: { conversationId: string }) => dispatch({ type: 'started', conversationId });
    const onMessage = (message: ChatMessage) => dispatch({ type: 'message', message });
    const onQueued = ({ position }: { position: number }) => dispatch({ type: 'queued', position });
    const onAssigned = ({ officerName }: { officerName: string }) => dispatch({ type: 'assigned', officerName });
    const onClosed = ({ reason }: { reason: CloseReason }) => dispatch({ type: 'closed', reason });
    const onException = ({ code }: SocketException) => dispatch({ type: 'failed', code: code ?? 'INTERNAL_ERROR' });
    const onDisconnect = (reason: Socket.DisconnectReason) => dispatch({ type: 'disconnected', reason });
    const onConnectError = () => dispatch({ type: 'connectFailed' });

    socket.on('conversation:started', onStarted);
    socket.on('conversation:message', onMessage);
    socket.on('handoff:queued', onQueued);
    socket.on('handoff:assigned', onAssigned);
    socket.on('conversation:closed', onClosed);
    socket.on('exception', onException);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.connect();

    return () => {
      socket.off('conversation:started', onStarted);
      socket.off('conversation:message', onMessage);
      socket.off('handoff:queued', onQueued);
      socket.off('handoff:assigned', onAssigned);
      socket.off('conversation:closed', onClosed);
      socket.off('exception', onException);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.disconnect();
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

  const leave = useCallback(async () => {
    const failure = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck('conversation:leave', {}));
    report(failure);
    if (failure === null) {
      dispatch({ type: 'closed', reason: 'citizen_left' });
    }
  }, [report]);

  const startNew = useCallback(() => {
    dispatch({ type: 'restarted' });
    socket.disconnect();
    socket.connect();
  }, []);

  return { state, sendMessage, choose, requestHandoff, leave, startNew };
}
