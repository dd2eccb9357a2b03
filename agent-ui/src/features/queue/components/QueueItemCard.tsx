import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { QueueItemView } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import { TransferNoteList } from '../../triage/components/TransferNoteList';
import { TriageSummaryDetails } from '../../triage/components/TriageSummaryDetails';
import type { IntentTitles } from '../../triage/triage-labels';
import { formatWaitingTime } from '../format-waiting-time';

/**
 * Props: the waiting `item`; `now` (ms since epoch) to compute the waiting time; `intentTitles` for the triage
 * summary; `canPick` (false in automatic routing: no take button); `taking` while this item's `handoff:take` awaits
 * its acknowledgement; `takeDisabled` when no take is possible (socket down, another take pending); `onTake()`.
 */
export interface QueueItemCardProps {
  item: QueueItemView;
  now: number;
  intentTitles: IntentTitles;
  canPick: boolean;
  taking: boolean;
  takeDisabled: boolean;
  onTake: () => void;
}

/** Waiting time from which it is shown as a warning, in ms. */
const LONG_WAIT_MS = 5 * 60_000;

/**
 * One waiting conversation (`data-testid="queue-item"`, `data-conversation-id`): its position, how long it has
 * waited, « Prioritaire » when it waits ahead of the others (« Prioritaire : danger signalé » when the safety layer
 * flagged it), « Citoyen déconnecté » while the citizen is away (`data-testid="queue-citizen-disconnected"`), the
 * triage summary, transfer notes, the citizen's messages and the bot's answers (« Réponse automatique »,
 * « Urgence » for emergencies), and « Prendre en charge » in pick mode. Taking the chat of a disconnected citizen
 * asks for confirmation first (`data-testid="take-confirmation"`, « Prendre quand même »
 * `data-testid="take-confirm"`), since they may not come back (S-08).
 */
export function QueueItemCard({ item, now, intentTitles, canPick, taking, takeDisabled, onTake }: QueueItemCardProps) {
  const [confirming, setConfirming] = useState(false);
  const waitMs = now - item.queuedAt;
  const previews = item.messages.filter((message) => message.author === 'citizen' || message.author === 'bot');
  const positionLabel = `n° ${item.position}`;
  const asking = confirming && !item.citizenConnected;
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The take button the officer just pressed is gone: keep the keyboard focus on the question's answer.
    if (asking) {
      confirmRef.current?.focus();
    }
  }, [asking]);

  const handleTake = () => {
    if (item.citizenConnected) {
      onTake();
    } else {
      setConfirming(true);
    }
  };

  return (
    <li className="queue-item" data-testid="queue-item" data-conversation-id={item.conversationId}>
      <p className="fr-mb-1w">
        <Badge as="span" small noIcon severity="info">
          {positionLabel}
        </Badge>
        <Badge as="span" small severity={waitMs >= LONG_WAIT_MS ? 'warning' : 'new'} noIcon className="fr-ml-1w">
          {formatWaitingTime(waitMs)}
        </Badge>
        {item.priority && (
          <Badge as="span" small severity="error" className="fr-ml-1w" data-testid="queue-priority">
            {item.summary.flags.length > 0 ? 'Prioritaire : danger signalé' : 'Prioritaire'}
          </Badge>
        )}
        {!item.citizenConnected && (
          <Badge as="span" small severity="warning" className="fr-ml-1w" data-testid="queue-citizen-disconnected">
            Citoyen déconnecté
          </Badge>
        )}
      </p>
      <TriageSummaryDetails summary={item.summary} intentTitles={intentTitles} />
      <TransferNoteList notes={item.notes} />
      <ul className="queue-item__messages fr-raw-list" aria-label={`Messages de la conversation ${positionLabel}`}>
        {previews.map((message) => (
          <li key={message.seq} className={`queue-item__message queue-item__message--${message.author}`}>
            {message.author === 'bot' ? (
              <Badge as="span" small noIcon className="fr-mr-1w">
                Réponse automatique
              </Badge>
            ) : (
              <strong className="fr-mr-1w">Citoyen :</strong>
            )}
            {message.outcome === 'emergency' && (
              <Badge as="span" small severity="error" className="fr-mr-1w">
                Urgence
              </Badge>
            )}
            <span className="queue-item__text">{message.text}</span>
          </li>
        ))}
      </ul>
      {canPick &&
        (asking ? (
          <div className="queue-item__confirm" {...testId('take-confirmation')}>
            <p className="fr-text--sm fr-mb-1w" role="alert">
              Le citoyen est déconnecté et pourrait ne pas revenir. Prendre en charge cette conversation quand même ?
            </p>
            <div className="queue-item__confirm-actions">
              <Button
                ref={confirmRef}
                size="small"
                iconId="fr-icon-chat-check-line"
                disabled={takeDisabled || taking}
                onClick={onTake}
                nativeButtonProps={testId('take-confirm')}
              >
                {taking ? 'Prise en charge…' : 'Prendre quand même'}
              </Button>
              <Button size="small" priority="secondary" onClick={() => setConfirming(false)}>
                Annuler
              </Button>
            </div>
          </div>
        ) : (
          <Button
            size="small"
            iconId="fr-icon-chat-check-line"
            title={`Prendre en charge la conversation ${positionLabel}`}
            disabled={takeDisabled || taking}
            onClick={handleTake}
            nativeButtonProps={testId('take-button')}
          >
            {taking ? 'Prise en charge…' : 'Prendre en charge'}
          </Button>
        ))}
    </li>
  );
}
