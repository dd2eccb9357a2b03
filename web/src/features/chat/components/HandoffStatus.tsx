import type { QueueExitReason } from '../../../../../src/contracts/socket-events';
import type { ConversationPhase } from '../hooks/conversationReducer';

/** Props: the conversation's stage, and why the citizen last left the queue without an officer (null if not). */
export interface HandoffStatusProps {
  phase: ConversationPhase;
  queueExit: QueueExitReason | null;
}

/** Below a minute, the estimate says « moins d'une minute » rather than « 0 min » or « 1 min ». */
const ONE_MINUTE_MS = 60_000;

/**
 * The estimated wait in plain French: null (no officer available) → « Aucun policier n'est disponible pour le
 * moment », under a minute → « Attente estimée : moins d'une minute », otherwise whole minutes rounded up
 * (« Attente estimée : environ 4 min »). `estimatedWaitMs` is in milliseconds.
 */
function describeEstimatedWait(estimatedWaitMs: number | null): string {
  if (estimatedWaitMs === null) {
    return "Aucun policier n'est disponible pour le moment";
  }
  if (estimatedWaitMs < ONE_MINUTE_MS) {
    return "Attente estimée : moins d'une minute";
  }
  return `Attente estimée : environ ${Math.ceil(estimatedWaitMs / ONE_MINUTE_MS)} min`;
}

const queueExitText: Record<QueueExitReason, string> = {
  citizen_cancelled: "Vous avez quitté la file d'attente.",
  max_wait: "Vous n'êtes plus dans la file d'attente.",
};

/**
 * While waiting for an officer, the live queue position and estimated wait; once one took the conversation, who
 * joined; just after leaving the queue, a short note saying so. Renders nothing otherwise.
 */
export function HandoffStatus({ phase, queueExit }: HandoffStatusProps) {
  switch (phase.status) {
    case 'queued':
      return phase.place === null ? (
        <p className="chat-status" data-testid="queue-position">
          Vous êtes dans la file d'attente
        </p>
      ) : (
        <>
          <p className="chat-status" data-testid="queue-position">
            Vous êtes en position {phase.place.position} dans la file d'attente
          </p>
          <p className="chat-status chat-status--detail" data-testid="queue-wait">
            {describeEstimatedWait(phase.place.estimatedWaitMs)}
          </p>
        </>
      );
    case 'assigned':
      return (
        <p className="chat-status" data-testid="officer-joined">
          {phase.officerName === null
            ? 'Un policier a rejoint la conversation'
            : `Le policier ${phase.officerName} a rejoint la conversation`}
        </p>
      );
    case 'bot':
      return queueExit === null ? null : (
        <p className="chat-status chat-status--detail" data-testid="queue-exit">
          {queueExitText[queueExit]}
        </p>
      );
    case 'closed':
      return null;
  }
}
