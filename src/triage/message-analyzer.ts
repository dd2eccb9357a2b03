import type { IntentCatalog } from '../intents/intent-catalog';
import { frenchDictionary } from './french-dictionary';
import { boundedEditDistance } from './edit-distance';
import { FRENCH_STOPWORDS } from './natural-fr';
import { SAFETY_FLOOR } from './safety-floor';
import { normalizeFrench, stemFrenchWord, tokenizeClauses, tokenizeFrench } from './text-normalizer';

/** One word of a message, after the lexicon and typo correction. */
export interface AnalyzedToken {
  /** The word used for matching (« jsuis » gives two tokens, « je » and « suis »). */
  word: string;
  stem: string;
  /** Index of the clause the word belongs to (clauses end at sentence punctuation and line breaks). */
  clause: number;
  /** True inside the scope of a refusal (« je ne veux pas … », « ce n’est pas … »): not evidence for a need. */
  negated: boolean;
}

/** A message ready for scoring. */
export interface AnalyzedMessage {
  /** The words joined by single spaces: what intent patterns are tested on. */
  normalized: string;
  tokens: AnalyzedToken[];
  /** Typos corrected against the intents' vocabulary, as `typed → corrected`. */
  corrections: string[];
}

/**
 * Verbs of will: « je ne veux pas porter plainte » refuses a need, while « je n’ai pas reçu mon colis » describes
 * one, so only a negated will (or « ce n’est pas ») opens a negation scope.
 */
const WILL_VERBS = new Set(['veux', 'voudrais', 'souhaite', 'souhaiterais', 'cherche', 'demande', 'compte', 'vais', 'veut', 'voulons', 'desire']);
/** Words that end a negation scope early: « je ne veux pas porter plainte, juste signaler un site ». */
const SCOPE_ENDS = new Set(['mais', 'juste', 'seulement', 'plutot', 'sauf', 'car', 'parce', 'et']);
/** Longest negation scope, in words. */
const MAX_SCOPE_WORDS = 6;
/** Shortest typed word a typo correction is tried on: shorter words are too often other real words. */
const MIN_CORRECTED_LENGTH = 6;
/** Longest typed word a correction is tried on, and most words tried per message: gibberish costs a bounded time. */
const MAX_CORRECTED_LENGTH = 24;
const MAX_CORRECTION_TRIES = 20;
/** From this length two edits are tolerated (« escroqrie » → « escroquerie »); below it, one. */
const TWO_EDITS_FROM_LENGTH = 9;

const STOPWORDS = new Set(FRENCH_STOPWORDS.map(normalizeFrench));

/**
 * Turns a message into tokens for scoring, with what one intent catalog knows:
 * - SMS and phonetic spellings replaced through the catalog's lexicon (« jsuis » → « je suis »);
 * - typos on content words corrected to the nearest word of the intents' keywords and examples, by Damerau-
 *   Levenshtein distance (`boundedEditDistance`), only when the typed word is neither in that vocabulary nor a French word
 *   (`frenchDictionary`), is at least 6 letters long, starts with the same letter, and has exactly one nearest
 *   word: « plinte » becomes « plainte », « volet » and « torche » stay as typed;
 * - negation scopes marked (see `WILL_VERBS`).
 *
 * Build one analyzer per catalog; `analyze` is pure.
 */
export class MessageAnalyzer {
  private readonly vocabulary = new Set<string>();
  /** Stems of the vocabulary, computed once: stemming is the costliest step of the analysis. */
  private readonly stems = new Map<string, string>();
  private readonly dictionary = frenchDictionary();
  /** Vocabulary words indexed by first letter, for typo correction. */
  private readonly candidates = new Map<string, string[]>();

  constructor(private readonly catalog: IntentCatalog) {
    const texts = catalog.intents.flatMap((intent) => [...intent.keywords, ...intent.examples, ...intent.exclusions, ...intent.combinations.flatMap((combination) => combination.all.flat())]);
    for (const word of [...texts.flatMap(tokenizeFrench), ...[...catalog.lexicon.values()].flatMap(tokenizeFrench), ...STOPWORDS]) {
      this.vocabulary.add(word);
    }
    for (const word of catalog.lexicon.keys()) {
      this.vocabulary.add(word);
    }
    // The safety floor's words are never « corrected » into something else.
    for (const word of SAFETY_FLOOR.flatMap(({ phrases }) => phrases).flatMap((phrase) => phrase.split(' '))) {
      this.vocabulary.add(word);
    }
    for (const word of this.vocabulary) {
      this.stems.set(word, stemFrenchWord(word));
      if (word.length >= MIN_CORRECTED_LENGTH - 1) {
        const list = this.candidates.get(word[0]) ?? [];
        list.push(word);
        this.candidates.set(word[0], list);
      }
    }
  }

  /** @param text the citizen's message (the caller bounds its length). */
  analyze(text: string): AnalyzedMessage {
    const corrections: string[] = [];
    const tokens: AnalyzedToken[] = [];
    const budget = { tries: MAX_CORRECTION_TRIES };
    tokenizeClauses(text).forEach((words, clause) => {
      const expanded = words.flatMap((word, index) => this.expand(word, words[index + 1], corrections, budget));
      let scopeLeft = 0;
      expanded.forEach((word, index) => {
        if (SCOPE_ENDS.has(word)) {
          scopeLeft = 0;
        }
        tokens.push({ word, stem: this.stems.get(word) ?? stemFrenchWord(word), clause, negated: scopeLeft > 0 });
        scopeLeft = Math.max(0, scopeLeft - 1);
        if (opensNegation(expanded, index)) {
          scopeLeft = MAX_SCOPE_WORDS;
        }
      });
    });
    return { normalized: tokens.map((token) => token.word).join(' '), tokens, corrections };
  }

  /** The words `word` stands for; `next` is the following word, if any. */
  private expand(word: string, next: string | undefined, corrections: string[], budget: { tries: number }): string[] {
    const spelled = this.catalog.lexicon.get(word)?.split(' ');
    // « c’est » is already « c » + « est »: the SMS « c » (« c grave ») must not make it « c est est ».
    if (spelled !== undefined && spelled.at(-1) !== next) {
      return spelled;
    }
    if (spelled !== undefined) {
      return [word];
    }
    if (this.vocabulary.has(word) || word.length < MIN_CORRECTED_LENGTH || word.length > MAX_CORRECTED_LENGTH || /\d/.test(word) || budget.tries <= 0 || this.dictionary.has(word)) {
      return [word];
    }
    budget.tries--;
    const corrected = this.nearest(word);
    if (corrected === undefined) {
      return [word];
    }
    corrections.push(`${word} → ${corrected}`);
    return [corrected];
  }

  private nearest(word: string): string | undefined {
    const maxEdits = word.length >= TWO_EDITS_FROM_LENGTH ? 2 : 1;
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    let tie = false;
    for (const candidate of this.candidates.get(word[0]) ?? []) {
      if (Math.abs(candidate.length - word.length) > maxEdits) {
        continue;
      }
      const distance = boundedEditDistance(word, candidate, maxEdits);
      if (distance < bestDistance) {
        [best, bestDistance, tie] = [candidate, distance, false];
      } else if (distance === bestDistance) {
        tie = true;
      }
    }
    return bestDistance <= maxEdits && !tie ? best : undefined;
  }
}

/**
 * A negation scope opens after « pas », « plus » (with « ne »), « jamais » or « aucun » that negates a verb of will
 * (« je ne veux pas », « je ne veux plus », « je ne vais pas ») or « c’est » (« ce n’est pas une arnaque »), and
 * after « pas besoin de », « pas envie de », « sans ».
 */
function opensNegation(words: string[], index: number): boolean {
  const word = words[index];
  if (word === 'sans') {
    return true;
  }
  if (word !== 'pas' && word !== 'plus' && word !== 'jamais' && word !== 'aucun' && word !== 'aucune') {
    return false;
  }
  const before = words.slice(Math.max(0, index - 3), index);
  const negatedWill = before.includes('ne') || before.includes('n') || word !== 'plus';
  return (negatedWill && before.some((previous) => WILL_VERBS.has(previous) || previous === 'est')) || ['besoin', 'envie'].includes(words[index + 1]);
}
