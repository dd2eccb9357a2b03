import { FRENCH_STOPWORDS, OTHER_STOPWORDS } from './natural-fr';
import { normalizeFrench } from './text-normalizer';

/** The language a reply is given in: French, English, or another language (short multilingual notice). */
export type MessageLanguage = 'fr' | 'en' | 'other';

const FRENCH = new Set(FRENCH_STOPWORDS.map(normalizeFrench));
/**
 * For each other language, the stop words only it has and those only French has, compared with it: words both
 * share (« de », « la », « me » against Spanish) prove nothing.
 */
const OTHERS = Object.entries(OTHER_STOPWORDS).map(([language, list]) => {
  const words = new Set(list.map(normalizeFrench));
  return {
    language,
    own: new Set([...words].filter((word) => !FRENCH.has(word))),
    french: new Set([...FRENCH].filter((word) => !words.has(word))),
  };
});
/** Fewer words than this stay French: « ok », « help », « allo ? » are too short to judge (scenario S-23). */
const MIN_WORDS = 3;
const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * Guesses the language of a message from natural's stop-word lists: French unless another language has at least
 * two stop words of its own and more than French has against it; a message mostly in a non-Latin script is `other`.
 *
 * @param text the raw message.
 * @param words its normalised words (`tokenizeFrench`).
 */
export function detectLanguage(text: string, words: string[]): MessageLanguage {
  const letters = text.match(LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (letters >= 4 && latin < letters / 2) {
    return 'other';
  }
  if (words.length < MIN_WORDS) {
    return 'fr';
  }
  let best: { language: string; margin: number } = { language: 'fr', margin: 0 };
  for (const { language, own, french } of OTHERS) {
    const hits = words.filter((word) => own.has(word)).length;
    const margin = hits - words.filter((word) => french.has(word)).length;
    if (hits >= 2 && margin > best.margin) {
      best = { language, margin };
    }
  }
  if (best.language === 'fr') {
    return 'fr';
  }
  return best.language === 'en' ? 'en' : 'other';
}
