import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useState } from 'react';
import type { QueueItemView } from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { describeAckFailure } from '../../../lib/socket-error-messages';
import type { IntentTitles } from '../../triage/triage-labels';
import { useNow } from '../hooks/useNow';
import { QueueItemCard } from './QueueItemCard';

/**
 * Props: the waiting `items` (sorted by position); `mode`: 'pick' (take buttons), 'auto' (chats are routed: no
 * take button) or 'away' (the officer is « Absent »: the server sends no queue, none is shown); `canTake` (socket
 * connected); `intentTitles`; `onTake(conversationId)` resolving with the server's acknowledgement of
 * `handoff:take`.
 */
export interface QueuePanelProps {
  items: QueueItemView[];
  mode: 'pick' | 'auto' | 'away';
  canTake: boolean;
  intentTitles: IntentTitles;
  onTake: (conversationId: string) => Promise<AckResult>;
}

/** How often the waiting times are recomputed, in ms. */
const WAITING_TIME_REFRESH_MS = 5_000;

/**
 * « File d'attente »: the number of waiting conversations (`data-testid="queue-count"`), the list
 * (`data-testid="queue-list"`) with waiting times refreshed every 5 s, « Attribution automatique » in automatic
 * routing (`data-testid="auto-routing-notice"`), a notice instead of the list while the officer is away
 * (`data-testid="away-notice"`), and why the last take failed, in the server's French words (for example
 * « Cette conversation a déjà été prise par un collègue »).
 */
export function QueuePanel({ items, mode, canTake, intentTitles, onTake }: QueuePanelProps) {
  const now = useNow(WAITING_TIME_REFRESH_MS);
  const [takingId, setTakingId] = useState<string | null>(null);
  const [takeError, setTakeError] = useState<string | null>(null);
  const shown = mode === 'away' ? [] : items;

  const handleTake = async (conversationId: string) => {
    setTakingId(conversationId);
    setTakeError(null);
    const result = await onTake(conversationId);
    setTakingId(null);
    if (!result.ok) {
      setTakeError(describeAckFailure(result));
    }
  };

  return (
    <>
      <h2 className="fr-h4 fr-mb-2w">
        File d'attente{' '}
        <Badge as="span" noIcon severity={shown.length > 0 ? 'warning' : 'info'} data-testid="queue-count">
          {shown.length}
        </Badge>
      </h2>
      {mode === 'auto' && (
        <p className="fr-text--sm" data-testid="auto-routing-notice">
          <span className="fr-icon-refresh-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
          Attribution automatique : les conversations sont confiées à l’officier disponible le moins chargé.
        </p>
      )}
      {takeError !== null && (
        <Alert
          className="fr-mb-2w"
          severity="warning"
          small
          role="alert"
          closable
          onClose={() => setTakeError(null)}
          description={takeError}
          data-testid="take-error"
        />
      )}
      {mode === 'away' ? (
        <p data-testid="away-notice">
          Vous êtes absent : la file d'attente n'est pas affichée. Repassez « Disponible » ou « Occupé » pour la voir.
        </p>
      ) : (
        shown.length === 0 && <p>Aucune conversation en attente.</p>
      )}
      <ul className="queue-list fr-raw-list" data-testid="queue-list" aria-label="Conversations en attente">
        {shown.map((item) => (
          <QueueItemCard
            key={item.conversationId}
            item={item}
            now={now}
            intentTitles={intentTitles}
            canPick={mode === 'pick'}
            taking={takingId === item.conversationId}
            takeDisabled={!canTake || takingId !== null}
            onTake={() => void handleTake(item.conversationId)}
          />
        ))}
      </ul>
    </>
  );
}
