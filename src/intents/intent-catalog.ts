import type { ServiceLink } from '../contracts/socket-events';
import type { IntentOutcome } from './intent-rule.dto';

/** One validated intent, frozen. */
export interface IntentRule {
  readonly id: string;
  readonly title: string;
  readonly outcome: IntentOutcome;
  readonly keywords: readonly string[];
  readonly examples: readonly string[];
  readonly answer: { readonly text: string; readonly links: readonly ServiceLink[] };
  /** File the intent came from, relative to the intents folder. */
  readonly sourceFile: string;
}

/** An immutable snapshot of all intents: swapped whole, never edited in place. */
export interface IntentCatalog {
  /** sha256 (hex, 12 chars) of the files' names and contents: changes whenever a file does. */
  readonly version: string;
  /** Milliseconds since the epoch. */
  readonly loadedAt: number;
  readonly intents: readonly IntentRule[];
}
