/**
 * The French parts of `natural`, imported from their own files: the package root would load every storage
 * backend (redis, mongoose, pg), read a `.env` file and require ES-only modules (../shared/TOOLCHAIN.md).
 */

interface Stemmer {
  stem(token: string): string;
}
interface Tokenizer {
  tokenize(text: string): string[];
}

/* eslint-disable @typescript-eslint/no-require-imports -- natural publishes no typed entry for these files */
const porterStemmerFr = require('natural/lib/natural/stemmers/porter_stemmer_fr') as Stemmer;
const AggressiveTokenizerFr = require('natural/lib/natural/tokenizers/aggressive_tokenizer_fr') as new () => Tokenizer;
const stopwordsFr = require('natural/lib/natural/util/stopwords_fr') as { words: string[] };
const stopwordLists = {
  en: require('natural/lib/natural/util/stopwords') as { words: string[] },
  es: require('natural/lib/natural/util/stopwords_es') as { words: string[] },
  it: require('natural/lib/natural/util/stopwords_it') as { words: string[] },
  pt: require('natural/lib/natural/util/stopwords_pt') as { words: string[] },
  nl: require('natural/lib/natural/util/stopwords_nl') as { words: string[] },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** natural's Porter stemmer for French (Snowball rules). */
export const PorterStemmerFr: Stemmer = porterStemmerFr;
/** natural's French tokenizer: splits on anything that is not a letter, a digit or a hyphen. */
export const tokenizerFr: Tokenizer = new AggressiveTokenizerFr();
/** natural's 168 French stop words (articles, pronouns, auxiliaries), as written with accents. */
export const FRENCH_STOPWORDS: readonly string[] = stopwordsFr.words;
/** natural's stop words of other languages, used to tell a French message from an English or other one. */
export const OTHER_STOPWORDS: Readonly<Record<keyof typeof stopwordLists, readonly string[]>> = {
  en: stopwordLists.en.words,
  es: stopwordLists.es.words,
  it: stopwordLists.it.words,
  pt: stopwordLists.pt.words,
  nl: stopwordLists.nl.words,
};

