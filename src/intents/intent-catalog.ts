import type { ServiceLink } from '../contracts/socket-events';
import type { IntentOutcome } from './intent-rule.dto';

/** One validated intent, frozen. */
export interface IntentRule {
  readonly id: string;
  readonly title: string;
  readonly outcome: IntentOutcome;
  /** Greetings and thanks: chosen only when no other intent reaches the threshold. */
  readonly smallTalk: boolean;
  readonly keywords: readonly string[];
  /** Regular expressions tested on the normalised text (compiled with the `u` flag). */
  readonly patterns: readonly RegExp[];
  /** Word groups that count as one rule when each group has a word in the message. */
  readonly combinations: readonly { readonly name: string; readonly all: readonly (readonly string[])[] }[];
  /** Phrases whose words do not count as evidence for this intent. */
  readonly exclusions: readonly string[];
  readonly examples: readonly string[];
  readonly answer: IntentAnswer;
  /** The reply for clearly English messages, when the editor wrote one. */
  readonly answerEn?: IntentAnswer;
  /** File the intent came from, relative to the intents folder. */
  readonly sourceFile: string;
}

/** A reply and its links. */
export interface IntentAnswer {
  readonly text: string;
  readonly links: readonly ServiceLink[];
}

/** An immutable snapshot of all intents: swapped whole, never edited in place. */
export interface IntentCatalog {
  /** sha256 (hex, 12 chars) of the files' names and contents: changes whenever a file does. */
  readonly version: string;
  /** Milliseconds since the epoch. */
  readonly loadedAt: number;
  readonly intents: readonly IntentRule[];
  /** SMS and phonetic spellings from `lexicon.yaml`: one typed word → the standard words (« jsuis » → « je suis »). */
  readonly lexicon: ReadonlyMap<string, string>;
}
