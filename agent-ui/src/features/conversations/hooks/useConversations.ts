import { useCallback, useEffect, useReducer } from 'react';
import type {
  AssignedConversationView,
  ChatMessage,
  CloseOutcome,
  CloseReason,
  ServiceLink,
} from '../../../../../src/contracts/socket-events';
import { observeServerTime } from '../../../lib/server-clock';
import { awaitAck, officerSocket, type AckResult } from '../../../lib/socket';
import { conversationsReducer, initialConversationsState } from './conversationsReducer';

/** How long « Le citoyen écrit… » stays without a new `conversation:typing` from the citizen, in ms. */
export const CITIZEN_TYPING_TIMEOUT_MS = 5_000;

/** Where `transfer` sends a conversation: a colleague (id and display name, for the notice) or back to the queue. */
export type TransferTarget = { kind: 'officer'; officerId: string; officerName: string } | { kind: 'queue' };

/**
 * The conversations this officer holds, fed by `conversation:assigned`, `conversation:message`,
 * `conversation:closed`, `conversation:released`, `conversation:typing` and `conversation:citizen-presence`, and
 * the officer's actions on them. Each listener is registered once per mount and removed on unmount, so neither a
 * reconnect nor a StrictMode double mount adds a second one (S-11).
 *
 * Returns `state` (see `ConversationsState`) and:
 * - `focus(id)`: show that conversation (or show it as soon as it is assigned);
 * - `dismiss(id)`: remove a closed conversation from the console; `dismissNotice()`: hide the release notice;
 * - `send(id, text, links)`: emit `conversation:message` (with `links` when there are any); the message appears
 *   when the server echoes it with its `seq`;
 * - `close(id, outcome)`: emit `conversation:close`; marks the conversation closed once the server acknowledges;
 * - `transfer(id, target, note)`: emit `handoff:transfer` (`to`: the colleague's id or 'queue'); the conversation
 *   leaves the console once the server acknowledges, with a notice naming where it went;
 * - `typing(id, typing)`: emit `conversation:typing` for this officer;
 * - `queueSeen(ids)`: report a queue snapshot (a held chat found there is no longer this officer's).
 * `send`, `close` and `transfer` resolve with the server's acknowledgement and never reject.
 */
export function useConversations() {
  const [state, dispatch] = useReducer(conversationsReducer, initialConversationsState);

  useEffect(() => {
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const stopTypingTimer = (conversationId: string) => {
      clearTimeout(typingTimers.get(conversationId));
      typingTimers.delete(conversationId);
    };

    const handleAssigned = (conversation: AssignedConversationView) => dispatch({ type: 'assigned', conversation });
    const handleMessage = (message: ChatMessage) => {
      observeServerTime(message.sentAt);
      if (message.author === 'citizen') {
        stopTypingTimer(message.conversationId);
      }
      dispatch({ type: 'message', message });
    };
    const handleClosed = ({ conversationId, reason }: { conversationId: string; reason: CloseReason }) => {
      stopTypingTimer(conversationId);
      dispatch({ type: 'closed', conversationId, reason });
    };
    const handleReleased = ({ conversationId }: { conversationId: string }) => {
      stopTypingTimer(conversationId);
      dispatch({ type: 'released', conversationId });
    };
    const handlePresence = ({ conversationId, connected }: { conversationId: string; connected: boolean }) =>
      dispatch({ type: 'presence', conversationId, connected });
    const handleTyping = ({ conversationId, typing }: { conversationId: string; typing: boolean }) => {
      stopTypingTimer(conversationId);
      if (typing) {
        typingTimers.set(
          conversationId,
          setTimeout(() => {
            typingTimers.delete(conversationId);
            dispatch({ type: 'typing', conversationId, typing: false });
          }, CITIZEN_TYPING_TIMEOUT_MS),
        );
      }
      dispatch({ type: 'typing', conversationId, typing });
    };

    officerSocket.on('conversation:assigned', handleAssigned);
    officerSocket.on('conversation:message', handleMessage);
    officerSocket.on('conversation:closed', handleClosed);
    officerSocket.on('conversation:released', handleReleased);
    officerSocket.on('conversation:citizen-presence', handlePresence);
    officerSocket.on('conversation:typing', handleTyping);
    return () => {
      officerSocket.off('conversation:assigned', handleAssigned);
      officerSocket.off('conversation:message', handleMessage);
      officerSocket.off('conversation:closed', handleClosed);
      officerSocket.off('conversation:released', handleReleased);
      officerSocket.off('conversation:citizen-presence', handlePresence);
      officerSocket.off('conversation:typing', handleTyping);
      for (const timer of typingTimers.values()) {
        clearTimeout(timer);
      }
    };
  }, []);

  const focus = useCallback((conversationId: string) => dispatch({ type: 'focused', conversationId }), []);
  const dismiss = useCallback((conversationId: string) => dispatch({ type: 'dismissed', conversationId }), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'notice-dismissed' }), []);
  const queueSeen = useCallback(
    (conversationIds: readonly string[]) => dispatch({ type: 'queue-seen', conversationIds }),
    [],
  );

  const send = useCallback(
    (conversationId: string, text: string, links: ServiceLink[]): Promise<AckResult> =>
      awaitAck((acknowledge) =>
        officerSocket.emit(
          'conversation:message',
          links.length > 0 ? { conversationId, text, links } : { conversationId, text },
          acknowledge,
        ),
      ),
    [],
  );

  const close = useCallback(async (conversationId: string, outcome: CloseOutcome): Promise<AckResult> => {
    const result = await awaitAck((acknowledge) =>
      officerSocket.emit('conversation:close', { conversationId, outcome }, acknowledge),
    );
    if (result.ok) {
      dispatch({ type: 'closed', conversationId, reason: 'officer_closed', outcome });
    }
    return result;
  }, []);

  const transfer = useCallback(
    async (conversationId: string, target: TransferTarget, note: string): Promise<AckResult> => {
      const to = target.kind === 'queue' ? 'queue' : target.officerId;
      const result = await awaitAck((acknowledge) =>
        officerSocket.emit('handoff:transfer', { conversationId, to, note }, acknowledge),
      );
      if (result.ok) {
        dispatch({
          type: 'released',
          conversationId,
          notice:
            target.kind === 'queue'
              ? { kind: 'requeued', conversationId }
              : { kind: 'transferred', conversationId, toOfficerName: target.officerName },
        });
      }
      return result;
    },
    [],
  );

  const typing = useCallback((conversationId: string, isTyping: boolean) => {
    officerSocket.emit('conversation:typing', { conversationId, typing: isTyping });
  }, []);

  return { state, focus, dismiss, dismissNotice, queueSeen, send, close, transfer, typing };
}
