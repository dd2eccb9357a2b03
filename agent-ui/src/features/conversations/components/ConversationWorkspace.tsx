import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import type { AckResult } from '../../../lib/socket';
import { countUnread, type ConversationsState, type HeldConversation } from '../hooks/conversationsReducer';
import { shortReference } from '../short-reference';
import { ChatPanel } from './ChatPanel';

/**
 * Props: the held conversations (`state` from `useConversations`), `canAct` (socket connected), and the officer's
 * actions on one conversation, by id.
 */
export interface ConversationWorkspaceProps {
  state: ConversationsState;
  canAct: boolean;
  onFocus: (conversationId: string) => void;
  onDismiss: (conversationId: string) => void;
  onSend: (conversationId: string, text: string) => Promise<AckResult>;
  onClose: (conversationId: string) => Promise<AckResult>;
}

const SNIPPET_LENGTH_CHARS = 24;

function tabLabel(conversation: HeldConversation): string {
  const firstCitizenText = conversation.messages.find((message) => message.author === 'citizen')?.text ?? '';
  const snippet =
    firstCitizenText.length > SNIPPET_LENGTH_CHARS
      ? `${firstCitizenText.slice(0, SNIPPET_LENGTH_CHARS)}…`
      : firstCitizenText;
  const unread = countUnread(conversation);
  return [
    shortReference(conversation.conversationId),
    snippet,
    unread > 0 ? `${unread} nouveau${unread > 1 ? 'x' : ''}` : '',
    conversation.status === 'closed' ? 'clôturée' : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

/**
 * « Mes conversations »: one tab per held conversation (reference, start of the citizen's first message, unread
 * count, closed state) and the selected conversation's panel. Every panel stays mounted, hidden when not
 * selected, so that drafts and scroll positions survive switching tabs.
 */
export function ConversationWorkspace({
  state,
  canAct,
  onFocus,
  onDismiss,
  onSend,
  onClose,
}: ConversationWorkspaceProps) {
  const conversations = state.order.map((id) => state.byId[id]);
  const selectedId = state.activeId ?? conversations[0]?.conversationId ?? '';

  return (
    <>
      <h2 className="fr-h4 fr-mb-2w">Mes conversations ({conversations.length})</h2>
      {conversations.length === 0 ? (
        <p>Aucune conversation en cours. Prenez en charge une conversation de la file d'attente.</p>
      ) : (
        <Tabs
          label="Conversations en cours"
          tabs={conversations.map((conversation) => ({
            tabId: conversation.conversationId,
            label: tabLabel(conversation),
          }))}
          selectedTabId={selectedId}
          onTabChange={onFocus}
        >
          {conversations.map((conversation) => (
            <ChatPanel
              key={conversation.conversationId}
              conversation={conversation}
              active={conversation.conversationId === selectedId}
              canAct={canAct}
              onSend={(text) => onSend(conversation.conversationId, text)}
              onClose={() => onClose(conversation.conversationId)}
              onDismiss={() => onDismiss(conversation.conversationId)}
            />
          ))}
        </Tabs>
      )}
    </>
  );
}
