import Alert from '@codegouvfr/react-dsfr/Alert';
import { MAX_MESSAGE_LENGTH_CHARS } from '../../../../../src/contracts/socket-events';
import type { FailureCode } from '../hooks/conversationReducer';

/** Props: why the last request failed. */
export interface FailureAlertProps {
  code: FailureCode;
}

/** The citizen-facing French explanation of a failure code; never the server's own message. */
function describe(code: FailureCode): string {
  switch (code) {
    case 'VALIDATION_FAILED':
      return `Le message n'a pas été envoyé : il est vide ou dépasse ${MAX_MESSAGE_LENGTH_CHARS} caractères.`;
    case 'CONVERSATION_NOT_FOUND':
      return 'Cette conversation est terminée. Vous pouvez en commencer une nouvelle.';
    case 'CONVERSATION_EXPIRED':
      return 'Cette conversation a expiré. Vous pouvez en commencer une nouvelle.';
    case 'NOT_WAITING':
      return "Vous n'êtes pas dans la file d'attente.";
    case 'UNAUTHORIZED':
    case 'CONVERSATION_ALREADY_TAKEN':
    case 'NOT_YOUR_CONVERSATION':
    case 'AT_CAPACITY':
    case 'OFFICER_UNAVAILABLE':
    case 'LINK_NOT_IN_CATALOG':
      return "Cette action n'est pas possible dans cette conversation.";
    case 'CONVERSATION_TOO_LONG':
      return 'Cette conversation est très longue : commencez-en une nouvelle pour continuer.';
    case 'CHOICE_NOT_OFFERED':
      return 'Ce choix n’est plus proposé : écrivez votre question.';
    case 'RATE_LIMITED':
      return "Vous envoyez beaucoup de messages : patientez quelques secondes. En cas d'urgence, appelez le 17 ou le 112.";
    case 'TIMEOUT':
      return "Le service n'a pas répondu. Vérifiez votre connexion et réessayez.";
    case 'SERVICE_UNAVAILABLE':
      return "Le service est momentanément indisponible : réessayez dans un instant. En cas d'urgence, appelez le 17 ou le 112 (SMS au 114).";
    case 'INTERNAL_ERROR':
      return 'Une erreur est survenue. Veuillez réessayer.';
  }
}

/** A small red DSFR alert explaining why the last message or request failed. */
export function FailureAlert({ code }: FailureAlertProps) {
  return <Alert severity="error" small role="alert" description={describe(code)} />;
}
