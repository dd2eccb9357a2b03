/**
 * The safety floor: phrases that always raise an alert, whatever the intent files say, so that an editor cannot
 * switch off the detection of danger now or of suicide risk by mistake (issue: « a built-in floor of phrases that
 * always alert »). Editors add phrases in `emergency.yaml` and `suicide_prevention.yaml`; these stay.
 *
 * Phrases are written normalised (lower case, no accents, apostrophes as spaces) and matched as whole words
 * against the message's words after the SMS lexicon, ignoring negation: over-alerting is the accepted trade-off
 * (../shared/cases/scenarios.md S-29, S-30).
 */

/** The safety intents the floor answers with; their answers are built in too, in case a file is missing. */
export type SafetyIntentId = 'emergency' | 'suicide_prevention';

/** Danger now: violence in progress, a weapon, an intruder, being followed, a call for help. */
const DANGER_NOW = [
  'au secours', 'o secours', 'aidez moi vite', 'a l aide', 'appelez la police', 'venez vite',
  'il a un couteau', 'il a une arme', 'il a un fusil', 'avec un couteau', 'avec une arme', 'avec un fusil',
  'il va me tuer', 'ils vont me tuer', 'on va me tuer', 'va nous tuer', 'il veut me tuer', 'il me tue', 'il nous tue',
  'il me frappe', 'ils me frappent', 'il la frappe', 'il le frappe', 'il nous frappe', 'il m etrangle',
  'il essaie d entrer', 'quelqu un essaie d entrer', 'quelqu un est entre chez moi', 'il y a quelqu un chez moi',
  'on me suit', 'il me suit', 'ils me suivent', 'je suis suivie', 'je suis suivi',
  'je suis en danger', 'nous sommes en danger', 'en danger de mort', 'enferme dans', 'il m a enfermee',
  'sos', 'help', 'help me', 'ayuda', 'socorro', 'hilfe', 'aiuto',
  'is following me', 'are following me', 'been following me', 'someone is following', 'is beating', 'are beating',
  'beating me', 'beating his wife', 'beating her', 'hitting me', 'has a knife', 'has a gun', 'breaking into',
  'call the police', 'in danger',
];

/** Suicide risk, direct and indirect, including common SMS forms. */
const SUICIDE_RISK = [
  'me suicider', 'se suicider', 'suicide', 'suicidaire', 'en finir', 'mettre fin a mes jours', 'mettre fin a ma vie',
  'me tuer', 'me foutre en l air', 'me pendre', 'me jeter sous', 'me jeter du', 'me jeter par',
  'envie de mourir', 'veux mourir', 'veux plus vivre', 'plus envie de vivre', 'plus la force de vivre',
  'mieux sans moi', 'plus l interet de continuer', 'pas l interet de continuer', 'plus de raison de vivre',
  'prepare les medicaments', 'avaler tous mes medicaments', 'me scarifier', 'me faire du mal',
  'veut mourir', 'voulait mourir', 'voulais mourir', 'voudrais mourir', 'envie d en finir', 'parle de mourir',
  'parle de se tuer', 'veut se tuer', 'voulait se tuer', 'va se tuer', 'veut en finir', 'voulait en finir',
  'kill myself', 'suicidal', 'end my life', 'want to die', 'took all my pills', 'wants to die', 'wanted to die',
  'kill herself', 'kill himself', 'hurt herself', 'hurt himself', 'goodbye message', 'goodbye letter', 'suicide note',
  'quero morrer', 'quiero morir', 'acabar com tudo', 'acabar con todo', 'voglio morire',
];

/** The phrases of the floor, by the safety intent they raise. */
export const SAFETY_FLOOR: ReadonlyArray<{ intent: SafetyIntentId; phrases: readonly string[] }> = [
  { intent: 'suicide_prevention', phrases: SUICIDE_RISK },
  { intent: 'emergency', phrases: DANGER_NOW },
];

/** Built-in answers, used when the intent file of a floor phrase's intent is missing. */
export const SAFETY_FLOOR_ANSWERS: Readonly<Record<SafetyIntentId, { text: string }>> = {
  emergency: {
    text:
      'Si vous êtes en danger maintenant, appelez le 17 (police, gendarmerie) ou le 112. ' +
      'Si vous ne pouvez pas parler, envoyez un SMS au 114. Ce chat n’est pas un service d’urgence.',
  },
  suicide_prevention: {
    text:
      'Vous n’êtes pas seul·e. Appelez le 3114, numéro national de prévention du suicide, gratuit, 24 h/24 et 7 j/7. ' +
      'Si une vie est en danger maintenant, appelez le 15 ou le 112 (SMS au 114 si vous ne pouvez pas parler).',
  },
};

/**
 * Past-time markers: a danger described with one of these and no present marker is a past fact, not an
 * emergency (« il m’a frappée il y a deux semaines »). They never cancel the floor nor suicide risk.
 */
export const PAST_MARKERS: readonly RegExp[] = [
  /\bil y a (\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|dix|quelques|plusieurs) (jour|jours|semaine|semaines|mois|an|ans|annee|annees)\b/u,
  /\b(la semaine|l annee|l an|le mois|le week end|le weekend) (derniere?|passee?)\b/u,
  /\b(hier|avant hier|autrefois|a l epoque|quand j etais|depuis des annees|en (19|20)\d\d)\b/u,
  /\b(il m a|il l a|il nous a|ils m ont) (frappe|frappee|agresse|agressee|menace|menacee|viole|violee)\b.*\b(il y a|hier|dernier|derniere)\b/u,
];

/** Present-time markers: they keep a danger current even with a past marker in the message. */
export const PRESENT_MARKERS: readonly RegExp[] = [
  /\b(maintenant|en ce moment|actuellement|tout de suite|vite|ce soir|cette nuit|encore la|est la|sont la|en train de|revient|va revenir)\b/u,
  /\b(est|sont) (chez moi|chez nous|devant|derriere|dans|en bas)\b/u,
  /\b(devant ma porte|devant chez moi|derriere moi|derriere la porte|j ai peur|il arrive|ils arrivent)\b/u,
];
