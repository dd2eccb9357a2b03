import { useCallback, useEffect, useReducer } from 'react';
import type {
  AssignedConversationView,
  ChatMessage,
  CloseReason,
} from '../../../../../src/contracts/socket-events';
import { awaitAck, officerSocket, type AckResult } from '../../../lib/socket';
import { conversationsReducer, initialConversationsState } from './conversationsReducer';

/**
 * The conversations this officer holds, fed by `conversation:assigned`, `conversation:message` and
 * `conversation:closed`, and the officer's actions on them.
 *
 * Returns `state` (see `ConversationsState`) and:
 * - `focus(id)`: show that conversation (or show it as soon as it is assigned);
 * - `dismiss(id)`: remove a closed conversation from the console;
 * - `send(id, text)`: emit `conversation:message`; the message appears when the server echoes it with its `seq`;
 * - `close(id)`: emit `conversation:close`; marks the conversation closed once the server acknowledges.
 * `send` and `close` resolve with the server's acknowledgement and never reject.
 */
export function useConversations() {
  const [state, dispatch] = useReducer(conversationsReducer, initialConversationsState);

  useEffect(() => {
    const handleAssigned = (conversation: AssignedConversationView) => dispatch({ type: 'assigned', conversation });
    const handleMessage = (message: ChatMessage) => dispatch({ type: 'message', message });
    const handleClosed = ({ conversationId, reason }: { conversationId: string; reason: CloseReason }) =>
      dispatch({ type: 'closed', conversationId, reason });
    officerSocket.on('conversation:assigned', handleAssigned);
    officerSocket.on('conversation:message', handleMessage);
    officerSocket.on('conversation:closed', handleClosed);
    return () => {
      officerSocket.off('conversation:assigned', handleAssigned);
      officerSocket.off('conversation:message', handleMessage);
      officerSocket.off('conversation:closed', handleClosed);
    };
  }, []);

  const focus = useCallback((conversationId: string) => dispatch({ type: 'focused', conversationId }), []);
  const dismiss = useCallback((conversationId: string) => dispatch({ type: 'dismissed', conversationId }), []);

  const send = useCallback(
    (conversationId: string, text: string): Promise<AckResult> =>
      awaitAck((acknowledge) => officerSocket.emit('conversation:message', { conversationId, text }, acknowledge)),
    [],
  );

  const close = useCallback(async (conversationId: string): Promise<AckResult> => {
    const result = await awaitAck((acknowledge) =>
      officerSocket.emit('conversation:close', { conversationId }, acknowledge),
    );
    if (result.ok) {
      dispatch({ type: 'closed', conversationId, reason: 'officer_closed' });
    }
    return result;
  }, []);

  return { state, focus, dismiss, send, close };
}
