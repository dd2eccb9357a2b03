import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import type { ClosedReason } from '../hooks/conversationReducer';

/** Props: why the conversation ended, and what starts a new one. */
export interface ConversationClosedProps {
  reason: ClosedReason;
  onStartNew: () => void;
}

const reasonText: Record<ClosedReason, string> = {
  officer_closed: 'Le policier a mis fin à la conversation.',
  citizen_left: 'Vous avez mis fin à la conversation.',
  citizen_gone: 'Vous avez été absent trop longtemps.',
  connection_lost: 'La connexion au service a été interrompue.',
};

/** Says the conversation is over and forgotten, with the button that starts a new one. */
export function ConversationClosed({ reason, onStartNew }: ConversationClosedProps) {
  return (
    <div className="conversation-closed" data-testid="conversation-closed">
      <Alert
        severity="info"
        small
        role="status"
        description={`Conversation terminée. ${reasonText[reason]} Elle n'a pas été enregistrée.`}
      />
      <Button
        iconId="fr-icon-chat-new-line"
        onClick={onStartNew}
        nativeButtonProps={{ 'data-testid': 'new-conversation-button' }}
      >
        Nouvelle conversation
      </Button>
    </div>
  );
}
