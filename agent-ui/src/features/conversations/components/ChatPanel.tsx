import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SuggestExampleForm } from '../../editor/components/SuggestExampleForm';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type {
  CannedAnswer,
  CloseOutcome,
  OfficerLoadView,
  ServiceLink,
} from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { testId } from '../../../lib/test-id';
import { TransferNoteList } from '../../triage/components/TransferNoteList';
import { TriageSummaryDetails } from '../../triage/components/TriageSummaryDetails';
import type { IntentTitles } from '../../triage/triage-labels';
import { closeOutcomeLabel } from '../close-outcome-label';
import type { CitizenPresence, HeldConversation } from '../hooks/conversationsReducer';
import type { TransferTarget } from '../hooks/useConversations';
import { shortReference } from '../short-reference';
import { CloseForm } from './CloseForm';
import { MessageItem } from './MessageItem';
import { ReplyForm } from './ReplyForm';
import { TransferForm } from './TransferForm';

/**
 * Props: the held `conversation`; `active` (shown, others stay mounted but hidden so drafts survive); `canAct`
 * (socket connected); the `cannedAnswers`, `intentTitles` and transfer `colleagues`; and the officer's actions,
 * each resolving with the server's acknowledgement: `onSend(text, links)`, `onClose(outcome)`,
 * `onTransfer(target, note)`; `onTyping(typing)`; `onDismiss()` to remove a closed conversation from the console.
 */
export interface ChatPanelProps {
  /** The officer's token: a closed chat offers « Le bot aurait dû répondre » (an example suggestion). */
  accessToken: string;
  conversation: HeldConversation;
  active: boolean;
  canAct: boolean;
  cannedAnswers: CannedAnswer[];
  intentTitles: IntentTitles;
  colleagues: OfficerLoadView[];
  onSend: (text: string, links: ServiceLink[]) => Promise<AckResult>;
  onClose: (outcome: CloseOutcome) => Promise<AckResult>;
  onTransfer: (target: TransferTarget, note: string) => Promise<AckResult>;
  onTyping: (typing: boolean) => void;
  onDismiss: () => void;
}

function describeClose(conversation: HeldConversation): string {
  switch (conversation.closeReason) {
    case 'officer_closed':
      return conversation.closeOutcome === null
        ? 'Vous avez clôturé cette conversation.'
        : `Vous avez clôturé cette conversation : ${closeOutcomeLabel(conversation.closeOutcome)}.`;
    case 'citizen_left':
      return 'Le citoyen a quitté la conversation.';
    case 'citizen_gone':
      return "Le citoyen s'est déconnecté et n'est pas revenu à temps.";
    case null:
      return 'Cette conversation est terminée.';
  }
}

function PresenceBadge({ presence }: { presence: CitizenPresence }) {
  switch (presence) {
    case 'connected':
      return null;
    case 'disconnected':
      return (
        <Badge as="span" small severity="warning" data-testid="citizen-presence">
          Citoyen déconnecté
        </Badge>
      );
    case 'reconnected':
      return (
        <Badge as="span" small severity="success" data-testid="citizen-presence">
          Citoyen reconnecté
        </Badge>
      );
  }
}

/** Which form is open under the conversation: none, « Transférer » or « Clôturer ». */
type OpenForm = 'none' | 'transfer' | 'close';

/**
 * One held conversation (`data-testid="chat-panel"`, `data-conversation-id`): whether the citizen is connected
 * (« Citoyen déconnecté » / « Citoyen reconnecté », announced), the triage summary and transfer notes, the messages
 * in server order, « Le citoyen écrit… » while the citizen types (`data-testid="citizen-typing"`), the answer box
 * with canned answers, then « Transférer » (`data-testid="transfer-button"`) and « Clôturer »
 * (`data-testid="close-button"`), each opening its form. Once closed it shows « Conversation clôturée » with the
 * reason and outcome, disables the answer box and offers to remove the conversation from the console.
 */
export function ChatPanel({
  conversation,
  active,
  canAct,
  cannedAnswers,
  intentTitles,
  colleagues,
  onSend,
  onClose,
  onTransfer,
  onTyping,
  onDismiss,
  accessToken,
}: ChatPanelProps) {
  const { conversationId, messages } = conversation;
  const closed = conversation.status === 'closed';
  const [openForm, setOpenForm] = useState<OpenForm>('none');
  const messageListRef = useRef<HTMLOListElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const headingId = `chat-heading-${conversationId}`;
  const summaryHeadingId = `chat-summary-${conversationId}`;

  useEffect(() => {
    if (active) {
      messageListRef.current?.scrollTo({ top: messageListRef.current.scrollHeight });
    }
  }, [active, messages.length]);

  useEffect(() => {
    // Arrow keys move between tabs (WAI-ARIA tabs pattern): leave the focus there; otherwise (a conversation just
    // taken) put it in the answer box.
    if (active && document.activeElement?.getAttribute('role') !== 'tab') {
      textareaRef.current?.focus();
    }
  }, [active]);

  const toggleForm = (form: Exclude<OpenForm, 'none'>) => setOpenForm((current) => (current === form ? 'none' : form));

  return (
    <section
      className="chat-panel"
      hidden={!active}
      aria-labelledby={headingId}
      data-testid="chat-panel"
      data-conversation-id={conversationId}
    >
      <h3 id={headingId} className="fr-h5 fr-mb-1w">
        Conversation {shortReference(conversationId)}{' '}
        {closed ? (
          <Badge as="span" small noIcon>
            Clôturée
          </Badge>
        ) : (
          <Badge as="span" small noIcon severity="success">
            En cours
          </Badge>
        )}
      </h3>
      <p className="chat-panel__presence fr-mb-1w" role="status">
        {!closed && <PresenceBadge presence={conversation.presence} />}
      </p>
      <section className="chat-panel__summary fr-mb-2w" aria-labelledby={summaryHeadingId}>
        <h4 id={summaryHeadingId} className="fr-text--md fr-text--bold fr-mb-1v">
          Résumé du tri
        </h4>
        <TriageSummaryDetails summary={conversation.summary} intentTitles={intentTitles} />
        <TransferNoteList notes={conversation.notes} />
      </section>
      <ol
        ref={messageListRef}
        className="chat-messages fr-raw-list"
        aria-live="polite"
        aria-label="Messages de la conversation"
      >
        {messages.map((message) => (
          <MessageItem key={message.seq} message={message} />
        ))}
      </ol>
      <p className="typing-indicator fr-text--sm fr-mb-0" aria-live="polite" data-testid="citizen-typing">
        {conversation.citizenTyping ? 'Le citoyen écrit…' : ''}
      </p>
      {closed && (
        <Alert
          className="fr-mt-2w"
          severity="info"
          as="h4"
          title="Conversation clôturée"
          description={describeClose(conversation)}
          data-testid="chat-closed"
        />
      )}
      {closed && (
        <SuggestExampleForm
          accessToken={accessToken}
          intents={cannedAnswers.map((answer) => ({ id: answer.intent, title: answer.title }))}
        />
      )}
      <ReplyForm
        disabled={closed || !canAct}
        cannedAnswers={cannedAnswers}
        onSend={onSend}
        onTyping={onTyping}
        textareaRef={textareaRef}
      />
      <div className="chat-panel__end">
        {closed ? (
          <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={onDismiss}>
            Retirer de mes conversations
          </Button>
        ) : (
          <>
            <Button
              priority="secondary"
              iconId="fr-icon-arrow-right-line"
              disabled={!canAct}
              onClick={() => toggleForm('transfer')}
              nativeButtonProps={{ 'aria-expanded': openForm === 'transfer', ...testId('transfer-button') }}
            >
              Transférer
            </Button>
            <Button
              priority="secondary"
              iconId="fr-icon-chat-check-line"
              disabled={!canAct}
              onClick={() => toggleForm('close')}
              nativeButtonProps={{ 'aria-expanded': openForm === 'close', ...testId('close-button') }}
            >
              Clôturer
            </Button>
          </>
        )}
      </div>
      {!closed && openForm === 'transfer' && (
        <TransferForm
          colleagues={colleagues}
          disabled={!canAct}
          onTransfer={onTransfer}
          onCancel={() => setOpenForm('none')}
        />
      )}
      {!closed && openForm === 'close' && (
        <CloseForm disabled={!canAct} onConfirm={onClose} onCancel={() => setOpenForm('none')} />
      )}
    </section>
  );
}
