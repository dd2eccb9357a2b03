import type { IntentCatalog, IntentRule } from '../intents/intent-catalog';
import type { AnalyzedMessage, AnalyzedToken } from './message-analyzer';
import { FRENCH_STOPWORDS } from './natural-fr';
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

/** One example's weight for a term: the postings of the inverted index. */
interface Posting {
  example: number;
  weight: number;
}

interface CompiledIntent {
  intent: IntentRule;
  /** Safety intents (`outcome: emergency`) ignore negation: a refusal never switches off a danger signal. */
  safety: boolean;
  keywords: { text: string; stems: string[] }[];
  combinations: { name: string; groups: string[][][] }[];
  exclusions: string[][];
  /** Term → the examples of this intent that contain it, with their unit-vector weights. */
  postings: Map<string, Posting[]>;
  exampleCount: number;
}

const STOPWORDS = new Set(FRENCH_STOPWORDS.map(normalizeFrench));

/**
 * Rule evidence: the first keyword or pattern found gives 0.55, each further one 0.15 more, up to 0.9. One rule
 * is enough to pass the default threshold (0.4); examples make the rest of the confidence.
 */
function ruleScore(hits: number): number {
  return hits === 0 ? 0 : Math.min(0.9, 0.55 + 0.15 * (hits - 1));
}

/**
 * Start indexes where `needle` runs contiguously through `haystack` over usable positions only. `present` holds
 * the haystack's stems: most rules are absent from a message, and this check skips them at once.
 */
function findSequence(haystack: string[], present: ReadonlySet<string>, needle: string[], usable: (index: number) => boolean): number[] {
  if (!present.has(needle[0])) {
    return [];
  }
  const starts: number[] = [];
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset] || !usable(start + offset)) {
        continue outer;
      }
    }
    starts.push(start);
  }
  return starts;
}

function stems(text: string): string[] {
  return tokenizeFrench(text).map(stemFrenchWord);
}

/**
 * Scores a message against every intent of one catalog, with two kinds of evidence:
 * - editor rules: keywords (stemmed, found as a contiguous run of the message's stems), combinations (one word of
 *   each group somewhere in the message) and regular expressions (tested on the normalised words), minus the words an intent's exclusions cover and, for ordinary intents,
 *   the words in a negation scope;
 * - examples: TF-IDF cosine similarity (Salton & Buckley 1988, smoothed idf `ln(1 + N / df)`) between the
 *   message's content words (natural's French stop words removed) and each example utterance.
 *
 * Build one matcher per catalog (the work is done in the constructor); `score` is pure.
 */
export class IntentMatcher {
  private readonly compiled: CompiledIntent[];
  private readonly inverseDocumentFrequency = new Map<string, number>();
  private readonly unseenTermWeight: number;

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
      keywords: intent.keywords.map((text) => ({ text, stems: stems(text) })).filter((keyword) => keyword.stems.length > 0),
      combinations: intent.combinations.map((combination) => ({
        name: combination.name,
        groups: combination.all.map((group) => group.map(stems).filter((phrase) => phrase.length > 0)),
      })),
      exclusions: intent.exclusions.map(stems).filter((exclusion) => exclusion.length > 0),
      postings: invertedIndex(exampleTerms[index].map((terms) => this.vector(terms))),
      exampleCount: exampleTerms[index].length,
    }));
  }

  /** @returns one score per intent, highest confidence first. */
  score(message: AnalyzedMessage): IntentScore[] {
    const messageStems = message.tokens.map((token) => token.stem);
    const present = new Set(messageStems);
    const cache = new Map<string, { text: string; vector: TermVector }>();
    return this.compiled
      .map((compiled) => {
        const masked = new Set<number>();
        for (const exclusion of compiled.exclusions) {
          for (const start of findSequence(messageStems, present, exclusion, () => true)) {
            exclusion.forEach((_, offset) => masked.add(start + offset));
          }
        }
        const usable = (index: number) => !masked.has(index) && (compiled.safety || !message.tokens[index].negated);
        const rulesHit: string[] = [];
        const clausesHit = new Set<number>();
        for (const keyword of compiled.keywords) {
          const starts = findSequence(messageStems, present, keyword.stems, usable);
          if (starts.length > 0) {
            rulesHit.push(keyword.text);
            starts.forEach((start) => clausesHit.add(message.tokens[start].clause));
          }
        }
        for (const combination of compiled.combinations) {
          const found = combination.groups.map((group) => group.flatMap((phrase) => findSequence(messageStems, present, phrase, usable)));
          if (found.every((starts) => starts.length > 0)) {
            rulesHit.push(`{${combination.name}}`);
            clausesHit.add(message.tokens[found[0][0]].clause);
          }
        }
        const usableTokens = message.tokens.filter((_, index) => usable(index));
        const key = masked.size === 0 ? (compiled.safety ? 'all' : 'affirmed') : `${compiled.intent.id}`;
        let view = cache.get(key);
        if (!view) {
          const contentStems = usableTokens.filter((token) => !STOPWORDS.has(token.word)).map((token) => token.stem);
          view = { text: usableTokens.map((token) => token.word).join(' '), vector: this.vector(contentStems) };
          cache.set(key, view);
        }
        for (const pattern of compiled.intent.patterns) {
          if (pattern.test(view.text)) {
            rulesHit.push(`/${pattern.source}/`);
            clausesHit.add(clauseOfPattern(pattern, usableTokens));
          }
        }
        const similarity = bestCosine(view.vector, compiled.postings, compiled.exampleCount);
        const confidence = 1 - (1 - ruleScore(rulesHit.length)) * (1 - similarity);
        return { intent: compiled.intent, confidence, rulesHit, clausesHit: [...clausesHit].sort(), similarity };
      })
      .sort((a, b) => b.confidence - a.confidence);
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

function invertedIndex(examples: TermVector[]): Map<string, Posting[]> {
  const postings = new Map<string, Posting[]>();
  examples.forEach((vector, example) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? [];
      list.push({ example, weight });
      postings.set(term, list);
    }
  });
  return postings;
}

/** Highest cosine between a unit vector and the examples behind `postings` (only examples sharing a term count). */
function bestCosine(vector: TermVector, postings: Map<string, Posting[]>, exampleCount: number): number {
  const dots = new Float64Array(exampleCount);
  let best = 0;
  for (const [term, weight] of vector) {
    const list = postings.get(term);
    if (list === undefined) {
      continue;
    }
    for (const posting of list) {
      const dot = dots[posting.example] + weight * posting.weight;
      dots[posting.example] = dot;
      if (dot > best) {
        best = dot;
      }
    }
  }
  return Math.min(1, best);
}

/** The clause of the first word a pattern's match starts at. */
function clauseOfPattern(pattern: RegExp, tokens: AnalyzedToken[]): number {
  const text = tokens.map((token) => token.word).join(' ');
  const index = text.search(pattern);
  const wordIndex = index <= 0 ? 0 : text.slice(0, index).split(' ').length - 1;
  return tokens[Math.min(wordIndex, tokens.length - 1)]?.clause ?? 0;
}
