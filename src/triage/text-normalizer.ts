import { PorterStemmerFr, tokenizerFr } from './natural-fr';

/**
 * Apostrophes, straight and curly, and look-alikes: replaced by a space, so that the elision « j’ai » gives the
 * two tokens « j » and « ai ».
 */
const APOSTROPHES = /['\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\uFF07]/g;
/** Combining marks left by NFKD decomposition: removing them folds « é » to « e », « ç » to « c ». */
const COMBINING_MARKS = /\p{M}+/gu;
/** Everything that is not a letter or a digit separates tokens (emoji, punctuation, all kinds of spaces). */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
/** A letter typed three times or more in a row (« auuuu secours », « aideeez »). */
const REPEATED_LETTERS = /(\p{L})\1{2,}/gu;
/** Clause ends: sentence punctuation and line breaks. They bound the scope of a negation. */
const CLAUSE_BREAKS = /[.!?;:,\n\r…]+/u;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae' };

/**
 * Normalises French chat text for matching: compatibility forms (NFKD, so full-width letters are plain), lower
 * case, accents folded, ligatures « œ » « æ » spelled out, a letter repeated three times or more kept once,
 * apostrophes, punctuation, emoji and every kind of space turned into single spaces.
 *
 * @param text any string (the caller bounds its length).
 * @returns lower-case folded words separated by single spaces, trimmed; « J’ai été ARNAQUÉ !! » gives
 *   « j ai ete arnaque ».
 */
export function normalizeFrench(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[œæ]/g, (letter) => LIGATURES[letter])
    .replace(COMBINING_MARKS, '')
    .replace(REPEATED_LETTERS, '$1')
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
 * Splits text into clauses at sentence punctuation and line breaks, then tokenizes each.
 *
 * @returns one array of words per non-empty clause, in order.
 */
export function tokenizeClauses(text: string): string[][] {
  return text
    .split(CLAUSE_BREAKS)
    .map(tokenizeFrench)
    .filter((words) => words.length > 0);
}

/**
 * Stems one normalised word with natural's French Porter stemmer (« arnaque », « arnaques », « arnaquer » all
 * give « arnaqu »).
 */
export function stemFrenchWord(word: string): string {
  return PorterStemmerFr.stem(word);
}
