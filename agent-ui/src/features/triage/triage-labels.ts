import type { ReplyLanguage, SafetyFlag } from '../../../../src/contracts/socket-events';

/** French label of a safety flag: « Danger signalé » (danger now) or « Risque suicidaire ». */
export function safetyFlagLabel(flag: SafetyFlag): string {
  switch (flag) {
    case 'emergency':
      return 'Danger signalé';
    case 'suicide_prevention':
      return 'Risque suicidaire';
  }
}

/** French label of the language triage detected: « français », « anglais » or « autre langue ». */
export function languageLabel(language: ReplyLanguage): string {
  switch (language) {
    case 'fr':
      return 'français';
    case 'en':
      return 'anglais';
    case 'other':
      return 'autre langue';
  }
}

/** A confidence in [0, 1] as a whole French percentage (« 72 % », narrow no-break space); « — » when null. */
export function confidenceLabel(confidence: number | null): string {
  return confidence === null ? '—' : `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}\u202f%`;
}

/** Intent titles by intent id, from the canned answers; an intent without one is shown by its id. */
export type IntentTitles = Readonly<Record<string, string>>;

/** The title of `intent` in `titles`, else the id itself (`none` reads « aucune intention reconnue »). */
export function intentLabel(intent: string, titles: IntentTitles): string {
  if (intent === 'none') {
    return 'aucune intention reconnue';
  }
  return titles[intent] ?? intent;
}
