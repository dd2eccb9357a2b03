import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { QueueItemView } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import { formatWaitingTime } from '../format-waiting-time';

/**
 * Props: the waiting `item`; `now` (ms since epoch) to compute the waiting time; `taking` while this item's
 * `handoff:take` awaits its acknowledgement; `takeDisabled` when no take is possible (socket down, another take
 * pending); `onTake()` to take it.
 */
export interface QueueItemCardProps {
  item: QueueItemView;
  now: number;
  taking: boolean;
  takeDisabled: boolean;
  onTake: () => void;
}

/** Waiting time from which it is shown as a warning, in ms. */
const LONG_WAIT_MS = 5 * 60_000;

/**
 * One waiting conversation (`data-testid="queue-item"`, `data-conversation-id`): its position, how long it has
 * waited, « Prioritaire » when the safety layer flagged it, the citizen's messages and the bot's answers (marked
 * « automatique », « Urgence » for emergencies), and « Prendre en charge ».
 */
export function QueueItemCard({ item, now, taking, takeDisabled, onTake }: QueueItemCardProps) {
  const waitMs = now - item.queuedAt;
  const previews = item.messages.filter((message) => message.author === 'citizen' || message.author === 'bot');
  const positionLabel = `n° ${item.position}`;

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
            Prioritaire : danger signalé
          </Badge>
        )}
      </p>
      <ul className="queue-item__messages fr-raw-list">
        {previews.map((message) => (
          <li key={message.seq} className={`queue-item__message queue-item__message--${message.author}`}>
            {message.author === 'bot' ? (
              <Badge as="span" small noIcon className="fr-mr-1w">
                automatique
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
      <Button
        size="small"
        iconId="fr-icon-chat-check-line"
        title={`Prendre en charge la conversation ${positionLabel}`}
        disabled={takeDisabled || taking}
        onClick={onTake}
        nativeButtonProps={testId('take-button')}
      >
        {taking ? 'Prise en charge…' : 'Prendre en charge'}
      </Button>
    </li>
  );
}
