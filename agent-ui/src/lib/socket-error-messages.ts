import type { AckFailure } from './socket';

/** An error code from a socket acknowledgement or an `exception` event; undefined when the server gave none. */
export type ConsoleErrorCode = AckFailure['code'] | undefined;

/**
 * The French sentence the console shows for a socket error code (acknowledgement or `exception` event).
 * Codes come from `SocketErrorCode` in src/contracts/socket-events.ts, plus the console's own `NO_ACKNOWLEDGEMENT`.
 */
export function describeSocketError(code: ConsoleErrorCode): string {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 'Le serveur a refusé ces données (champ vide ou trop long)';
    case 'UNAUTHORIZED':
      return 'Session expirée, reconnectez-vous';
    case 'CONVERSATION_NOT_FOUND':
      return "Cette conversation n'existe plus";
    case 'CONVERSATION_ALREADY_TAKEN':
      return 'Cette conversation a déjà été prise par un collègue';
    case 'NOT_YOUR_CONVERSATION':
      return 'Cette conversation ne vous est pas attribuée';
    case 'CONVERSATION_TOO_LONG':
      return 'Cette conversation a atteint sa longueur maximale';
    case 'CHOICE_NOT_OFFERED':
      return 'Ce choix n’est plus proposé';
    case 'RATE_LIMITED':
      return 'Trop de demandes envoyées, patientez quelques secondes';
    case 'AT_CAPACITY':
      return 'Vous tenez déjà le nombre maximal de conversations simultanées';
    case 'OFFICER_UNAVAILABLE':
      return "Ce collègue n'est plus disponible ou n'a plus de place";
    case 'CONVERSATION_EXPIRED':
      return "Cette conversation a expiré : le citoyen n'attend plus";
    case 'NOT_WAITING':
      return "Cette conversation n'est plus en file d'attente";
    case 'LINK_NOT_IN_CATALOG':
      return 'Un lien joint ne fait plus partie des réponses types : retirez-le';
    case 'SERVICE_UNAVAILABLE':
      return 'Le service est momentanément indisponible, réessayez dans quelques instants';
    case 'INTERNAL_ERROR':
      return 'Erreur du serveur, réessayez dans quelques instants';
    case 'NO_ACKNOWLEDGEMENT':
      return 'Pas de réponse du serveur, réessayez dans quelques instants';
    case undefined:
      return 'Une erreur est survenue, réessayez dans quelques instants';
  }
}

/**
 * The French sentence for a refused client event: the acknowledgement's own message (the server writes a static
 * French sentence per code), except for validation failures, whose message lists field rules in English, and
 * when the server gave none; then the console's sentence for the code. Never the bare code.
 */
export function describeAckFailure(failure: AckFailure): string {
  if (failure.code === 'VALIDATION_FAILED' || !('message' in failure) || failure.message.trim() === '') {
    return describeSocketError(failure.code);
  }
  return failure.message;
}
