import type { IntentCatalog, IntentRule } from '../../src/intents/intent-catalog';

/** An intent with test defaults; `id` is required, everything else can be overridden. */
export function makeIntent(overrides: Partial<IntentRule> & Pick<IntentRule, 'id'>): IntentRule {
  return {
    title: `Titre ${overrides.id}`,
    outcome: 'answer',
    smallTalk: false,
    keywords: [],
    patterns: [],
    combinations: [],
    exclusions: [],
    examples: [],
    answer: { text: `réponse ${overrides.id}`, links: [{ title: 'Lien', url: `https://example.gouv.fr/${overrides.id}` }] },
    sourceFile: `${overrides.id}.yaml`,
    ...overrides,
  };
}

/** A catalog of the given intents, with an optional lexicon. */
export function makeCatalog(intents: IntentRule[], lexicon: Record<string, string> = {}): IntentCatalog {
  return { version: 'test', loadedAt: 0, intents, lexicon: new Map(Object.entries(lexicon)) };
}
