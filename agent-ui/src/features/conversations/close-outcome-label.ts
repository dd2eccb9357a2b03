import type { CloseOutcome } from '../../../../src/contracts/socket-events';

/**
 * French label of how an officer ended a conversation, as issue #4 names them: « Orienté vers un service »,
 * « Réponse apportée », « Urgence réorientée (17/112) », « Propos abusifs », « Sans réponse du citoyen ».
 */
export function closeOutcomeLabel(outcome: CloseOutcome): string {
  switch (outcome) {
    case 'redirected':
      return 'Orienté vers un service';
    case 'answered':
      return 'Réponse apportée';
    case 'emergency_redirected':
      return 'Urgence réorientée (17/112)';
    case 'abusive':
      return 'Propos abusifs';
    case 'no_reply':
      return 'Sans réponse du citoyen';
  }
}
