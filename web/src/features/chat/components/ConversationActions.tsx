import Button from '@codegouvfr/react-dsfr/Button';

/** Props: whether an officer can still be asked for, whether requests can be sent now, and the two requests. */
export interface ConversationActionsProps {
  canRequestHandoff: boolean;
  disabled: boolean;
  onRequestHandoff: () => void;
  onLeave: () => void;
}

/** « Parler à un policier » (only while the bot answers) and « Terminer la conversation ». */
export function ConversationActions({
  canRequestHandoff,
  disabled,
  onRequestHandoff,
  onLeave,
}: ConversationActionsProps) {
  return (
    <div className="conversation-actions">
      {canRequestHandoff && (
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
