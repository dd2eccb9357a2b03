import Button from '@codegouvfr/react-dsfr/Button';

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
 * « Terminer la conversation » at every stage.
 */
export function ConversationActions({ stage, disabled, onRequestHandoff, onLeaveQueue, onLeave }: ConversationActionsProps) {
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
        onClick={onLeave}
        nativeButtonProps={{ 'data-testid': 'leave-button' }}
      >
        Terminer la conversation
      </Button>
    </div>
  );
}
