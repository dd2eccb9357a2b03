import { PorterStemmerFr, tokenizerFr } from './natural-fr';

/**
 * French elided articles and pronouns (« j’ai », « l’arnaque », « qu’il », « jusqu’à »): the apostrophe is
 * replaced by a space so that « j’ai » gives the two tokens « j » and « ai ».
 */
const APOSTROPHES = /['\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\uFF07]/g;
/** Combining marks left by NFD decomposition: removing them folds « é » to « e », « ç » to « c ». */
const COMBINING_MARKS = /\p{M}+/gu;
/** Everything that is not a letter or a digit separates tokens. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae' };

/**
 * Normalises French chat text for matching: compatibility forms (NFKD, so « ﬁ » is « fi » and full-width
 * letters are plain), lower case, accents folded, ligatures « œ » « æ » spelled out, apostrophes (straight and
 * curly) and punctuation turned into single spaces.
 *
 * @param text any string (the caller bounds its length).
 * @returns lower-case ASCII-folded words separated by single spaces, trimmed; « J’ai été ARNAQUÉ ! » gives
 *   « j ai ete arnaque ».
 */
export function normalizeFrench(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[œæ]/g, (letter) => LIGATURES[letter])
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, ' ')
    .replace(SEPARATORS, ' ')
    .trim();
}

/**
 * Splits text into words with natural's French tokenizer, after `normalizeFrench`.
 *
 * @returns the words in order (« J’ai été arnaqué » gives `['j', 'ai', 'ete', 'arnaque']`).
 */
export function tokenizeFrench(text: string): string[] {
  return tokenizerFr.tokenize(normalizeFrench(text));
}

/**
 * Stems one normalised word with natural's French Porter stemmer (« arnaque », « arnaques », « arnaquer » all
 * give « arnaqu »).
 */
export function stemFrenchWord(word: string): string {
  return PorterStemmerFr.stem(word);
}
