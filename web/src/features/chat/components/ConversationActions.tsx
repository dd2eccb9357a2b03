import Button from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';

/**
 * Props: what the citizen may do at this stage (`bot`: ask for an officer; `queued`: leave the queue; `assigned`:
 * only end the chat), whether requests can be sent now, and the requests.
 */
export interface ConversationActionsProps {
  stage: 'bot' | 'queued' | 'assigned';
  disabled: boolean;
  onRequestHandoff: () => void;
  onLeaveQueue: () => void;
  onLeave: () => void;
}

/**
 * « Parler à un policier » while the bot answers, « Quitter la file d'attente » while waiting for an officer, and
 * « Terminer la conversation » at every stage, which asks once more (« Oui, terminer » / « Annuler ») since the
 * conversation cannot be taken up again: a stressed thumb on a phone must not end it by mistake.
 */
export function ConversationActions({ stage, disabled, onRequestHandoff, onLeaveQueue, onLeave }: ConversationActionsProps) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="conversation-actions" role="group" aria-label="Terminer la conversation ?" data-testid="leave-confirmation">
        <p className="fr-text--sm fr-mb-1w">Terminer la conversation ? Elle sera effacée et ne pourra pas être reprise.</p>
        <Button
          priority="secondary"
          size="small"
          disabled={disabled}
          onClick={() => {
            setConfirming(false);
            onLeave();
          }}
          nativeButtonProps={{ 'data-testid': 'leave-confirm' }}
        >
          Oui, terminer
        </Button>
        <Button priority="tertiary" size="small" onClick={() => setConfirming(false)} nativeButtonProps={{ 'data-testid': 'leave-cancel' }}>
          Annuler
        </Button>
      </div>
    );
  }
  return (
    <div className="conversation-actions">
      {stage === 'bot' && (
        <Button
          priority="secondary"
          size="small"
          disabled={disabled}
          onClick={onRequestHandoff}
          nativeButtonProps={{ 'data-testid': 'handoff-button' }}
        >
          Parler à un policier
        </Button>
      )}
      {stage === 'queued' && (
        <Button
          priority="secondary"
          size="small"
          disabled={disabled}
          onClick={onLeaveQueue}
          nativeButtonProps={{ 'data-testid': 'leave-queue-button' }}
        >
          Quitter la file d'attente
        </Button>
      )}
      <Button
        priority="tertiary"
        size="small"
        disabled={disabled}
        onClick={() => setConfirming(true)}
        nativeButtonProps={{ 'data-testid': 'leave-button' }}
      >
        Terminer la conversation
      </Button>
    </div>
  );
}
