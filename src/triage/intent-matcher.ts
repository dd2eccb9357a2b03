import type { IntentCatalog, IntentRule } from '../intents/intent-catalog';
import type { AnalyzedMessage, AnalyzedToken } from './message-analyzer';
import { FRENCH_STOPWORDS } from './natural-fr';
import { requiredLiterals } from './pattern-prefilter';
import { normalizeFrench, stemFrenchWord, tokenizeFrench } from './text-normalizer';

/** How well one intent matches one message, and why. */
export interface IntentScore {
  intent: IntentRule;
  /** Combined confidence in [0, 1]: `1 - (1 - ruleScore) * (1 - similarity)`. */
  confidence: number;
  /** Keywords and patterns of the intent found in the message, as the editor wrote them. */
  rulesHit: string[];
  /** Clauses (0-based) in which a rule hit: two needs in two clauses make a two-part answer. */
  clausesHit: number[];
  /** Highest TF-IDF cosine similarity in [0, 1] between the message and one of the intent's examples. */
  similarity: number;
}

type TermVector = Map<string, number>;

/** The words of a message that count for a kind of intent (all for safety intents, affirmed ones otherwise). */
interface MessageView {
  /** The kept tokens, with their position in the message. */
  tokens: (AnalyzedToken & { index: number })[];
  text: string;
  /** Highest example similarity per intent, in `compiled` order. */
  similarities: Float64Array;
}

/** One example's weight for a term: the postings of the inverted index. */
interface Posting {
  example: number;
  weight: number;
}

interface CompiledIntent {
  intent: IntentRule;
  /** Safety intents (`outcome: emergency`) ignore negation: a refusal never switches off a danger signal. */
  safety: boolean;
  keywords: { texts: string[]; index: PhraseIndex };
  combinations: { name: string; groups: PhraseIndex[] }[];
  exclusions: PhraseIndex;
  /** The intent's patterns, each with the literals one of which its matches must contain (see `requiredLiterals`). */
  patterns: { regex: RegExp; literals: string[] | undefined }[];
}

const STOPWORDS = new Set(FRENCH_STOPWORDS.map(normalizeFrench));

/**
 * Rule evidence: the first keyword or pattern found gives 0.55, each further one 0.15 more, up to 0.9. One rule
 * is enough to pass the default threshold (0.4); examples make the rest of the confidence.
 */
function ruleScore(hits: number): number {
  return hits === 0 ? 0 : Math.min(0.9, 0.55 + 0.15 * (hits - 1));
}

/** Where one phrase of a `PhraseIndex` was found: the phrase's position in the list and its first word. */
interface PhraseMatch {
  phrase: number;
  start: number;
}

/**
 * Stemmed phrases indexed by their first stem, so that matching a message costs one lookup per word of the
 * message rather than one per phrase (intents carry up to hundreds of keywords and exclusions).
 */
class PhraseIndex {
  private readonly byFirstStem = new Map<string, number[]>();

  constructor(readonly phrases: string[][]) {
    phrases.forEach((phrase, index) => {
      const list = this.byFirstStem.get(phrase[0]) ?? [];
      list.push(index);
      this.byFirstStem.set(phrase[0], list);
    });
  }

  /** Every place a phrase runs contiguously through `stems` over usable positions only. */
  find(stems: string[], usable: (index: number) => boolean): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    for (let start = 0; start < stems.length; start++) {
      const candidates = this.byFirstStem.get(stems[start]);
      if (candidates === undefined || !usable(start)) {
        continue;
      }
      for (const phrase of candidates) {
        const words = this.phrases[phrase];
        let offset = 1;
        while (offset < words.length && start + offset < stems.length && stems[start + offset] === words[offset] && usable(start + offset)) {
          offset++;
        }
        if (offset === words.length) {
          matches.push({ phrase, start });
        }
      }
    }
    return matches;
  }
}

function stems(text: string): string[] {
  return tokenizeFrench(text).map(stemFrenchWord);
}

/** The keywords of an intent, stemmed and indexed; `texts[i]` is the editor's spelling of phrase `i`. */
function keywordIndex(keywords: readonly string[]): { texts: string[]; index: PhraseIndex } {
  const kept = keywords.map((text) => ({ text, stems: stems(text) })).filter((keyword) => keyword.stems.length > 0);
  return { texts: kept.map((keyword) => keyword.text), index: new PhraseIndex(kept.map((keyword) => keyword.stems)) };
}

/**
 * Scores a message against every intent of one catalog, with two kinds of evidence:
 * - editor rules: keywords (stemmed, found as a contiguous run of the message's stems), combinations (one word of
 *   each group somewhere in the message) and regular expressions (tested on the normalised words), minus the
 *   words an intent's exclusions cover and, for ordinary intents, the words in a negation scope;
 * - examples: TF-IDF cosine similarity (Salton & Buckley 1988, smoothed idf `ln(1 + N / df)`) between the
 *   message's content words (natural's French stop words removed) and each example utterance.
 *
 * Build one matcher per catalog (the work is done in the constructor); `score` is pure.
 */
export class IntentMatcher {
  private readonly compiled: CompiledIntent[];
  private readonly inverseDocumentFrequency = new Map<string, number>();
  private readonly unseenTermWeight: number;
  /** Term → the examples (of all intents) that contain it, with their unit-vector weights. */
  private readonly postings = new Map<string, Posting[]>();
  /** Example index → index of its intent in `compiled`. */
  private readonly exampleIntent: number[] = [];

  constructor(catalog: IntentCatalog) {
    const exampleTerms = catalog.intents.map((intent) => intent.examples.map((example) => this.contentStems(tokenizeFrench(example))));
    const documentFrequency = new Map<string, number>();
    let documentCount = 0;
    for (const examples of exampleTerms) {
      for (const terms of examples) {
        documentCount++;
        for (const term of new Set(terms)) {
          documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        }
      }
    }
    for (const [term, frequency] of documentFrequency) {
      this.inverseDocumentFrequency.set(term, Math.log(1 + documentCount / frequency));
    }
    this.unseenTermWeight = Math.log(1 + Math.max(documentCount, 1));
    this.compiled = catalog.intents.map((intent, index) => ({
      intent,
      safety: intent.outcome === 'emergency',
      keywords: keywordIndex(intent.keywords),
      combinations: intent.combinations.map((combination) => ({
        name: combination.name,
        groups: combination.all.map((group) => new PhraseIndex(group.map(stems).filter((phrase) => phrase.length > 0))),
      })),
      exclusions: new PhraseIndex(intent.exclusions.map(stems).filter((exclusion) => exclusion.length > 0)),
      patterns: intent.patterns.map((regex) => ({ regex, literals: requiredLiterals(regex.source) })),
    }));
    exampleTerms.forEach((examples, intentIndex) => {
      for (const terms of examples) {
        const example = this.exampleIntent.length;
        this.exampleIntent.push(intentIndex);
        for (const [term, weight] of this.vector(terms)) {
          const list = this.postings.get(term) ?? [];
          list.push({ example, weight });
          this.postings.set(term, list);
        }
      }
    });
  }

  /** @returns one score per intent, highest confidence first. */
  score(message: AnalyzedMessage): IntentScore[] {
    const messageStems = message.tokens.map((token) => token.stem);
    const views = { all: this.view(message, () => true), affirmed: this.view(message, (token) => !token.negated) };
    return this.compiled
      .map((compiled, intentIndex) => {
        const masked = new Set<number>();
        for (const { phrase, start } of compiled.exclusions.find(messageStems, () => true)) {
          compiled.exclusions.phrases[phrase].forEach((_, offset) => masked.add(start + offset));
        }
        const usable = (index: number) => !masked.has(index) && (compiled.safety || !message.tokens[index].negated);
        const rulesHit: string[] = [];
        const clausesHit = new Set<number>();
        const keywordsFound = new Set<number>();
        for (const { phrase, start } of compiled.keywords.index.find(messageStems, usable)) {
          keywordsFound.add(phrase);
          clausesHit.add(message.tokens[start].clause);
        }
        rulesHit.push(...[...keywordsFound].sort((a, b) => a - b).map((phrase) => compiled.keywords.texts[phrase]));
        for (const combination of compiled.combinations) {
          const found = combination.groups.map((group) => group.find(messageStems, usable));
          if (found.every((matches) => matches.length > 0)) {
            rulesHit.push(`{${combination.name}}`);
            clausesHit.add(message.tokens[found[0][0].start].clause);
          }
        }
        // Exclusions mask rule evidence only; similarity to the examples reads every affirmed word.
        const view = compiled.safety ? views.all : views.affirmed;
        const usableTokens = masked.size === 0 ? view.tokens : view.tokens.filter((token) => !masked.has(token.index));
        const text = masked.size === 0 ? view.text : usableTokens.map((token) => token.word).join(' ');
        for (const { regex, literals } of compiled.patterns) {
          if ((literals === undefined || literals.some((literal) => text.includes(literal))) && regex.test(text)) {
            rulesHit.push(`/${regex.source}/`);
            clausesHit.add(clauseOfPattern(regex, usableTokens));
          }
        }
        const similarity = view.similarities[intentIndex];
        const confidence = 1 - (1 - ruleScore(rulesHit.length)) * (1 - similarity);
        return { intent: compiled.intent, confidence, rulesHit, clausesHit: [...clausesHit].sort(), similarity };
      })
      .sort((a, b) => b.confidence - a.confidence);
  }

  /** The tokens `keep` retains, their text for patterns, and their similarity to every intent's examples. */
  private view(message: AnalyzedMessage, keep: (token: AnalyzedToken) => boolean): MessageView {
    const tokens = message.tokens.map((token, index) => ({ ...token, index })).filter(keep);
    const contentStems = tokens.filter((token) => !STOPWORDS.has(token.word)).map((token) => token.stem);
    return { tokens, text: tokens.map((token) => token.word).join(' '), similarities: this.bestCosines(this.vector(contentStems)) };
  }

  /**
   * For each intent, the highest cosine between a unit vector and one of its examples; only the examples that
   * share a term with the vector are visited (inverted index).
   */
  private bestCosines(vector: TermVector): Float64Array {
    const dots = new Float64Array(this.exampleIntent.length);
    const best = new Float64Array(this.compiled.length);
    for (const [term, weight] of vector) {
      for (const posting of this.postings.get(term) ?? []) {
        const dot = dots[posting.example] + weight * posting.weight;
        dots[posting.example] = dot;
        const intent = this.exampleIntent[posting.example];
        if (dot > best[intent]) {
          best[intent] = Math.min(1, dot);
        }
      }
    }
    return best;
  }

  private contentStems(words: string[]): string[] {
    return words.filter((word) => !STOPWORDS.has(word)).map(stemFrenchWord);
  }

  /** Unit-length TF-IDF vector; terms no example contains get the highest idf, so they dilute the match. */
  private vector(terms: string[]): TermVector {
    const weights: TermVector = new Map();
    let squaredNorm = 0;
    const counts = new Map<string, number>();
    for (const term of terms) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    for (const [term, count] of counts) {
      const weight = count * (this.inverseDocumentFrequency.get(term) ?? this.unseenTermWeight);
      weights.set(term, weight);
      squaredNorm += weight * weight;
    }
    const norm = Math.sqrt(squaredNorm);
    for (const [term, weight] of weights) {
      weights.set(term, weight / norm);
    }
    return weights;
  }
}

/** The clause of the first word a pattern's match starts at. */
function clauseOfPattern(pattern: RegExp, tokens: AnalyzedToken[]): number {
  const text = tokens.map((token) => token.word).join(' ');
  const index = text.search(pattern);
  const wordIndex = index <= 0 ? 0 : text.slice(0, index).split(' ').length - 1;
  return tokens[Math.min(wordIndex, tokens.length - 1)]?.clause ?? 0;
}
