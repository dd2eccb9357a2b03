import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import type {
  CannedAnswer,
  CloseOutcome,
  OfficerLoadView,
  ServiceLink,
} from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import type { IntentTitles } from '../../triage/triage-labels';
import {
  countUnread,
  type ConversationsState,
  type HeldConversation,
  type ReleaseNotice,
} from '../hooks/conversationsReducer';
import type { TransferTarget } from '../hooks/useConversations';
import { shortReference } from '../short-reference';
import { ChatPanel } from './ChatPanel';

/**
 * Props: the held conversations (`state` from `useConversations`), `canAct` (socket connected), `autoRouting`,
 * what the panels offer (`cannedAnswers`, `intentTitles`, transfer `colleagues`), and the officer's actions on one
 * conversation, by id.
 */
export interface ConversationWorkspaceProps {
  state: ConversationsState;
  canAct: boolean;
  /** Chats are routed to officers (`auto`): the empty state does not invite to pick from the queue. */
  autoRouting: boolean;
  /** The officer's token, for the example suggestion form of closed chats. */
  accessToken: string;
  cannedAnswers: CannedAnswer[];
  intentTitles: IntentTitles;
  colleagues: OfficerLoadView[];
  onFocus: (conversationId: string) => void;
  onDismiss: (conversationId: string) => void;
  onDismissNotice: () => void;
  onSend: (conversationId: string, text: string, links: ServiceLink[]) => Promise<AckResult>;
  onClose: (conversationId: string, outcome: CloseOutcome) => Promise<AckResult>;
  onTransfer: (conversationId: string, target: TransferTarget, note: string) => Promise<AckResult>;
  onTyping: (conversationId: string, typing: boolean) => void;
}

const SNIPPET_LENGTH_CHARS = 24;

function tabLabel(conversation: HeldConversation): string {
  const firstCitizenText = conversation.messages.find((message) => message.author === 'citizen')?.text ?? '';
  const snippet =
    firstCitizenText.length > SNIPPET_LENGTH_CHARS
      ? `${firstCitizenText.slice(0, SNIPPET_LENGTH_CHARS)}…`
      : firstCitizenText;
  const unread = countUnread(conversation);
  const closed = conversation.status === 'closed';
  return [
    shortReference(conversation.conversationId),
    snippet,
    unread > 0 ? `${unread} nouveau${unread > 1 ? 'x' : ''}` : '',
    !closed && conversation.presence === 'disconnected' ? 'citoyen déconnecté' : '',
    closed ? 'clôturée' : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function describeNotice(notice: ReleaseNotice): string {
  const reference = shortReference(notice.conversationId);
  switch (notice.kind) {
    case 'transferred':
      return `Conversation ${reference} transférée à ${notice.toOfficerName}.`;
    case 'requeued':
      return `Conversation ${reference} remise en tête de la file d'attente.`;
    case 'released':
      return `Conversation ${reference} retirée de votre console : elle a été transférée ou remise en file d'attente.`;
  }
}

/**
 * « Mes conversations »: a short notice when a conversation left the console without being closed
 * (`data-testid="release-notice"`), one tab per held conversation (reference, start of the citizen's first
 * message, unread count, « citoyen déconnecté », closed state) and the selected conversation's panel. Every panel
 * stays mounted, hidden when not selected, so that drafts and scroll positions survive switching tabs.
 */
export function ConversationWorkspace({
  state,
  canAct,
  autoRouting,
  accessToken,
  cannedAnswers,
  intentTitles,
  colleagues,
  onFocus,
  onDismiss,
  onDismissNotice,
  onSend,
  onClose,
  onTransfer,
  onTyping,
}: ConversationWorkspaceProps) {
  const conversations = state.order.map((id) => state.byId[id]);
  const selectedId = state.activeId ?? conversations[0]?.conversationId ?? '';

  return (
    <>
      <h2 className="fr-h4 fr-mb-2w">Mes conversations ({conversations.length})</h2>
      {state.notice !== null && (
        <Alert
          className="fr-mb-2w"
          severity="info"
          small
          role="status"
          closable
          onClose={onDismissNotice}
          description={describeNotice(state.notice)}
          data-testid="release-notice"
        />
      )}
      {conversations.length === 0 ? (
        <p>
          {autoRouting
            ? 'Aucune conversation en cours. Les conversations vous sont attribuées automatiquement.'
            : "Aucune conversation en cours. Prenez en charge une conversation de la file d'attente."}
        </p>
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
              accessToken={accessToken}
              key={conversation.conversationId}
              conversation={conversation}
              active={conversation.conversationId === selectedId}
              canAct={canAct}
              cannedAnswers={cannedAnswers}
              intentTitles={intentTitles}
              colleagues={colleagues}
              onSend={(text, links) => onSend(conversation.conversationId, text, links)}
              onClose={(outcome) => onClose(conversation.conversationId, outcome)}
              onTransfer={(target, note) => onTransfer(conversation.conversationId, target, note)}
              onTyping={(typing) => onTyping(conversation.conversationId, typing)}
              onDismiss={() => onDismiss(conversation.conversationId)}
            />
          ))}
        </Tabs>
      )}
    </>
  );
}
