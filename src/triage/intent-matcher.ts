import type { IntentCatalog, IntentRule } from '../intents/intent-catalog';
import { FRENCH_STOPWORDS } from './natural-fr';
import { normalizeFrench, stemFrenchWord, tokenizeFrench } from './text-normalizer';

/** How well one intent matches one message. */
export interface IntentScore {
  intent: IntentRule;
  /** Combined confidence in [0, 1]: `1 - (1 - keywordScore) * (1 - similarity)`. */
  confidence: number;
  /** Keywords of the intent found in the message, as the editor wrote them. */
  keywordsHit: string[];
  /** Highest TF-IDF cosine similarity in [0, 1] between the message and one of the intent's examples. */
  similarity: number;
}

type TermVector = Map<string, number>;

interface CompiledIntent {
  intent: IntentRule;
  keywords: { text: string; stems: string[] }[];
  examples: TermVector[];
}

const STOPWORDS = new Set(FRENCH_STOPWORDS.map(normalizeFrench));

/**
 * Keyword evidence: the first keyword found gives 0.5, each further one 0.2 more, up to 0.9. One keyword is
 * enough to pass the default threshold (0.4); examples make the rest of the confidence.
 */
function keywordScore(hits: number): number {
  return hits === 0 ? 0 : Math.min(0.9, 0.5 + 0.2 * (hits - 1));
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) {
        continue outer;
      }
    }
    return true;
  }
  return false;
}

function termFrequencies(stems: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stem of stems) {
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

/**
 * Scores a message against every intent of one catalog, with two kinds of evidence:
 * - keywords: an editor's word or phrase, stemmed, found as a contiguous run of the message's stems;
 * - examples: TF-IDF cosine similarity (Salton & Buckley 1988, smoothed idf `ln(1 + N / df)`) between the
 *   message's content words (natural's French stop words removed) and each example utterance.
 *
 * Build one matcher per catalog (the work is done in the constructor, about a millisecond for a few hundred
 * examples); `score` is pure and safe to call concurrently.
 */
export class IntentMatcher {
  private readonly compiled: CompiledIntent[];
  private readonly inverseDocumentFrequency = new Map<string, number>();
  private readonly unseenTermWeight: number;

  constructor(catalog: IntentCatalog) {
    const exampleTerms = catalog.intents.map((intent) => intent.examples.map((example) => this.contentStems(example)));
    const documentFrequency = new Map<string, number>();
    let documentCount = 0;
    for (const examples of exampleTerms) {
      for (const stems of examples) {
        documentCount++;
        for (const stem of new Set(stems)) {
          documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
        }
      }
    }
    for (const [stem, frequency] of documentFrequency) {
      this.inverseDocumentFrequency.set(stem, Math.log(1 + documentCount / frequency));
    }
    this.unseenTermWeight = Math.log(1 + Math.max(documentCount, 1));
    this.compiled = catalog.intents.map((intent, index) => ({
      intent,
      keywords: intent.keywords.map((text) => ({ text, stems: tokenizeFrench(text).map(stemFrenchWord) })),
      examples: exampleTerms[index].map((stems) => this.vector(stems)),
    }));
  }

  /**
   * @param text the citizen's message (any length; the caller bounds it).
   * @returns one score per intent, highest confidence first.
   */
  score(text: string): IntentScore[] {
    const words = tokenizeFrench(text);
    const allStems = words.map(stemFrenchWord);
    const message = this.vector(words.filter((word) => !STOPWORDS.has(word)).map(stemFrenchWord));
    return this.compiled
      .map(({ intent, keywords, examples }) => {
        const keywordsHit = keywords.filter((keyword) => keyword.stems.length > 0 && containsSequence(allStems, keyword.stems)).map((keyword) => keyword.text);
        const similarity = examples.reduce((best, example) => Math.max(best, this.cosine(message, example)), 0);
        const confidence = 1 - (1 - keywordScore(keywordsHit.length)) * (1 - similarity);
        return { intent, confidence, keywordsHit, similarity };
      })
      .sort((a, b) => b.confidence - a.confidence);
  }

  private contentStems(text: string): string[] {
    return tokenizeFrench(text)
      .filter((word) => !STOPWORDS.has(word))
      .map(stemFrenchWord);
  }

  /** Unit-length TF-IDF vector; terms no example contains get the highest idf, so they dilute the match. */
  private vector(stems: string[]): TermVector {
    const weights: TermVector = new Map();
    let squaredNorm = 0;
    for (const [stem, count] of termFrequencies(stems)) {
      const weight = count * (this.inverseDocumentFrequency.get(stem) ?? this.unseenTermWeight);
      weights.set(stem, weight);
      squaredNorm += weight * weight;
    }
    const norm = Math.sqrt(squaredNorm);
    for (const [stem, weight] of weights) {
      weights.set(stem, weight / norm);
    }
    return weights;
  }

  private cosine(a: TermVector, b: TermVector): number {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [stem, weight] of small) {
      dot += weight * (large.get(stem) ?? 0);
    }
    return Math.min(1, dot);
  }
}
