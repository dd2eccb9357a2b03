import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useState } from 'react';
import type { QueueItemView } from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { describeSocketError } from '../../../lib/socket-error-messages';
import { useNow } from '../hooks/useNow';
import { QueueItemCard } from './QueueItemCard';

/**
 * Props: the waiting `items` (sorted by position), `canTake` (socket connected), and `onTake(conversationId)`
 * resolving with the server's acknowledgement of `handoff:take`.
 */
export interface QueuePanelProps {
  items: QueueItemView[];
  canTake: boolean;
  onTake: (conversationId: string) => Promise<AckResult>;
}

/** How often the waiting times are recomputed, in ms. */
const WAITING_TIME_REFRESH_MS = 5_000;

/**
 * « File d'attente »: the number of waiting conversations (`data-testid="queue-count"`), the list
 * (`data-testid="queue-list"`) with waiting times refreshed every 5 s, and why the last take failed (for example
 * « Cette conversation a déjà été prise par un collègue »).
 */
export function QueuePanel({ items, canTake, onTake }: QueuePanelProps) {
  const now = useNow(WAITING_TIME_REFRESH_MS);
  const [takingId, setTakingId] = useState<string | null>(null);
  const [takeError, setTakeError] = useState<string | null>(null);

  const handleTake = async (conversationId: string) => {
    setTakingId(conversationId);
    setTakeError(null);
    const result = await onTake(conversationId);
    setTakingId(null);
    if (!result.ok) {
      setTakeError(describeSocketError(result.code));
    }
  };

  return (
    <>
      <h2 className="fr-h4 fr-mb-2w">
        File d'attente{' '}
        <Badge as="span" noIcon severity={items.length > 0 ? 'warning' : 'info'} data-testid="queue-count">
          {items.length}
        </Badge>
      </h2>
      {takeError !== null && (
        <Alert
          className="fr-mb-2w"
          severity="warning"
          small
          role="alert"
          closable
          onClose={() => setTakeError(null)}
          description={takeError}
        />
      )}
      {items.length === 0 && <p>Aucune conversation en attente.</p>}
      <ul className="queue-list fr-raw-list" data-testid="queue-list" aria-label="Conversations en attente">
        {items.map((item) => (
          <QueueItemCard
            key={item.conversationId}
            item={item}
            now={now}
            taking={takingId === item.conversationId}
            takeDisabled={!canTake || takingId !== null}
            onTake={() => void handleTake(item.conversationId)}
          />
        ))}
      </ul>
    </>
  );
}
