import type { EditorIntentView, TriageOutcome } from '../../../../src/contracts/socket-events';
import type { EditorFailure } from './editor-api';

/** Dates of the editor page: French, Paris time, e.g. « 3 mars 2027 à 09:00 » (issue #5, item 6). */
const instantFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** An instant in ms since the epoch as French Paris time (`dateStyle: long`, `timeStyle: short`). */
export function formatInstant(epochMs: number): string {
  return instantFormat.format(new Date(epochMs));
}

/**
 * The validity of an intent in French: « En vigueur depuis le … », « jusqu'au … », both joined, or null when the
 * intent has no bound.
 */
export function validityLabel(intent: Pick<EditorIntentView, 'activeSince' | 'activeUntil'>): string | null {
  const parts: string[] = [];
  if (intent.activeSince !== null) {
    parts.push(`En vigueur depuis le ${formatInstant(intent.activeSince)}`);
  }
  if (intent.activeUntil !== null) {
    parts.push(`${parts.length === 0 ? 'En vigueur jusqu’au' : 'jusqu’au'} ${formatInstant(intent.activeUntil)}`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}

/** French label of a triage outcome (decision of the playground, `outcome` of an intent). */
export function outcomeLabel(outcome: TriageOutcome): string {
  switch (outcome) {
    case 'answer':
      return 'Réponse automatique';
    case 'emergency':
      return 'Alerte (urgence)';
    case 'clarify':
      return 'Demande de précision';
    case 'handoff':
      return 'Transmission à un officier';
  }
}

/** French labels of the policy steps of `src/triage/triage.service.ts` (`PolicyStep`). */
const POLICY_STEP_LABELS: Readonly<Record<string, string>> = {
  'safety-floor': 'Sécurité : phrase du socle intégré',
  'safety-rules': 'Sécurité : règle d’une intention d’urgence',
  'other-language': 'Autre langue',
  'two-needs': 'Deux besoins distincts',
  clarify: 'Deux intentions proches : précision demandée',
  answer: 'Meilleure intention au-dessus du seuil',
  'handoff-intent': 'Demande explicite d’un officier',
  'small-talk': 'Politesse',
  fallback: 'Aucune intention assez sûre',
};

/** French label of a policy step; an unknown step (newer server) is shown as sent. */
export function policyStepLabel(step: string): string {
  return POLICY_STEP_LABELS[step] ?? step;
}

/** What the editor reads when a request fails; `message` is the server's French text when it sent one (404). */
export function failureMessage(failure: EditorFailure, message: string | null): string {
  switch (failure) {
    case 'expired':
      return 'Votre session a expiré : reconnectez-vous.';
    case 'forbidden':
      return 'Cette page est réservée aux éditeurs.';
    case 'not_found':
      return message ?? 'Élément introuvable.';
    case 'invalid':
      return 'La demande a été refusée : vérifiez le texte saisi.';
    case 'unavailable':
      return 'Service indisponible pour l’instant, réessayez dans quelques secondes.';
  }
}
