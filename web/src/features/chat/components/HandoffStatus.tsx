import type { ConversationPhase } from '../hooks/conversationReducer';

/** Props: the conversation's stage. */
export interface HandoffStatusProps {
  phase: ConversationPhase;
}

/**
 * While waiting for an officer, the live queue position; once one took the conversation, who joined.
 * Renders nothing with the bot or after closing.
 */
export function HandoffStatus({ phase }: HandoffStatusProps) {
  switch (phase.status) {
    case 'queued':
      return (
        <p className="chat-status" data-testid="queue-position">
          Vous êtes en position {phase.position} dans la file d'attente
        </p>
      );
    case 'assigned':
      return (
        <p className="chat-status" data-testid="officer-joined">
          Le policier {phase.officerName} a rejoint la conversation
        </p>
      );
    case 'bot':
    case 'closed':
      return null;
  }
}
