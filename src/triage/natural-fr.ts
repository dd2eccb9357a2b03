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
/* eslint-enable @typescript-eslint/no-require-imports */

/** natural's Porter stemmer for French (Snowball rules). */
export const PorterStemmerFr: Stemmer = porterStemmerFr;
/** natural's French tokenizer: splits on anything that is not a letter, a digit or a hyphen. */
export const tokenizerFr: Tokenizer = new AggressiveTokenizerFr();
/** natural's 168 French stop words (articles, pronouns, auxiliaries), as written with accents. */
export const FRENCH_STOPWORDS: readonly string[] = stopwordsFr.words;
