import type { AckResult } from './socket';

/** An error code from a socket acknowledgement or an `exception` event; undefined when the server gave none. */
export type ConsoleErrorCode = Extract<AckResult, { ok: false }>['code'] | undefined;

/**
 * The French sentence the console shows for a socket error code (acknowledgement or `exception` event).
 * Codes come from `SocketErrorCode` in src/contracts/socket-events.ts, plus the console's own `NO_ACKNOWLEDGEMENT`.
 */
export function describeSocketError(code: ConsoleErrorCode): string {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 'Le serveur a refusé ces données (message vide ou trop long)';
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
    case 'INTERNAL_ERROR':
      return 'Erreur du serveur, réessayez dans quelques instants';
    case 'NO_ACKNOWLEDGEMENT':
      return 'Pas de réponse du serveur, réessayez dans quelques instants';
    case undefined:
      return 'Une erreur est survenue, réessayez dans quelques instants';
  }
}
