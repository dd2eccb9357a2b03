import Button from '@codegouvfr/react-dsfr/Button';

/**
 * What a message offers under it while the citizen waits for an officer: after a bot answer given while queued,
 * « Cette réponse vous suffit ? » with a way out of the queue (`queue-check`); after the maximum wait, the choice
 * to keep waiting or leave (`keep-waiting`).
 */
export type MessageFollowUpProps =
  | { kind: 'queue-check'; disabled: boolean; onLeaveQueue: () => void }
  | { kind: 'keep-waiting'; disabled: boolean; onKeepWaiting: () => void; onLeaveQueue: () => void };

/** The buttons of a `MessageFollowUpProps`, under the message they answer. */
export function MessageFollowUp(props: MessageFollowUpProps) {
  const leaveQueue = (
    <Button
      priority={props.kind === 'queue-check' ? 'secondary' : 'tertiary'}
      size="small"
      disabled={props.disabled}
      onClick={props.onLeaveQueue}
      nativeButtonProps={{ 'data-testid': 'follow-up-leave-queue' }}
    >
      Quitter la file d'attente
    </Button>
  );
  switch (props.kind) {
    case 'queue-check':
      return (
        <div className="message-follow-up" data-testid="queue-check">
          <p className="message-follow-up__question">Cette réponse vous suffit ?</p>
          {leaveQueue}
        </div>
      );
    case 'keep-waiting':
      return (
        <div className="message-follow-up" data-testid="keep-waiting-offer">
          <Button
            priority="primary"
            size="small"
            disabled={props.disabled}
            onClick={props.onKeepWaiting}
            nativeButtonProps={{ 'data-testid': 'keep-waiting-button' }}
          >
            Continuer d'attendre
          </Button>
          {leaveQueue}
        </div>
      );
  }
}
