import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { CloseReason } from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { describeSocketError } from '../../../lib/socket-error-messages';
import { testId } from '../../../lib/test-id';
import type { HeldConversation } from '../hooks/conversationsReducer';
import { shortReference } from '../short-reference';
import { MessageItem } from './MessageItem';
import { ReplyForm } from './ReplyForm';

/**
 * Props: the held `conversation`; `active` (shown, others stay mounted but hidden so drafts survive);
 * `canAct` (socket connected); `onSend(text)` and `onClose()` resolving with the server's acknowledgement;
 * `onDismiss()` to remove a closed conversation from the console.
 */
export interface ChatPanelProps {
  conversation: HeldConversation;
  active: boolean;
  canAct: boolean;
  onSend: (text: string) => Promise<AckResult>;
  onClose: () => Promise<AckResult>;
  onDismiss: () => void;
}

function describeCloseReason(reason: CloseReason | null): string {
  switch (reason) {
    case 'officer_closed':
      return 'Vous avez clôturé cette conversation.';
    case 'citizen_left':
      return 'Le citoyen a quitté la conversation.';
    case null:
      return 'Cette conversation est terminée.';
  }
}

/**
 * One held conversation (`data-testid="chat-panel"`, `data-conversation-id`): its messages in server order, the
 * answer box, and « Clôturer la conversation ». Once closed it shows « Conversation clôturée » with the reason,
 * disables the answer box and offers to remove the conversation from the console.
 */
export function ChatPanel({ conversation, active, canAct, onSend, onClose, onDismiss }: ChatPanelProps) {
  const { conversationId, messages } = conversation;
  const closed = conversation.status === 'closed';
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const messageListRef = useRef<HTMLOListElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const headingId = `chat-heading-${conversationId}`;

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

  const handleClose = async () => {
    setClosing(true);
    const result = await onClose();
    setClosing(false);
    setCloseError(result.ok ? null : describeSocketError(result.code));
  };

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
      {closed && (
        <Alert
          className="fr-mt-2w"
          severity="info"
          as="h4"
          title="Conversation clôturée"
          description={describeCloseReason(conversation.closeReason)}
          data-testid="chat-closed"
        />
      )}
      <ReplyForm disabled={closed || !canAct} onSend={onSend} textareaRef={textareaRef} />
      {closeError !== null && (
        <Alert className="fr-mt-2w" severity="error" small role="alert" description={closeError} />
      )}
      <div className="chat-panel__end">
        {closed ? (
          <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={onDismiss}>
            Retirer de mes conversations
          </Button>
        ) : (
          <Button
            priority="secondary"
            iconId="fr-icon-chat-check-line"
            disabled={!canAct || closing}
            onClick={() => void handleClose()}
            nativeButtonProps={testId('close-button')}
          >
            Clôturer la conversation
          </Button>
        )}
      </div>
    </section>
  );
}
