import type { ReplyLanguage, ServiceLink } from '../contracts/socket-events';
import type { IntentOutcome } from './intent-rule.dto';

/**
 * When an intent, an answer variant or an announcement is in force: from `validFrom` (included) to `validUntil`
 * (excluded), in milliseconds since the epoch; a null bound is open. Editors write both as local date-times of the
 * service's time zone (`valid_from: "2026-12-01 00:00"`).
 */
export interface Validity {
  readonly validFrom: number | null;
  readonly validUntil: number | null;
}

/** An answer that replaces the intent's answer while its validity period runs. */
export interface IntentVariant {
  readonly answer: IntentAnswer;
  /** The English reply of the variant, when the editor wrote one. */
  readonly answerEn?: IntentAnswer;
  readonly validity: Validity;
}

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
  /** When the intent is in force; absent means always. Outside it the intent is treated as absent. */
  readonly validity?: Validity;
  /** Answers for given periods, in the file's order: the first one in force replaces `answer`. */
  readonly variants?: readonly IntentVariant[];
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

/** Whether `validity` (absent: always) is in force at `at`, in milliseconds since the epoch. */
export function isInForce(validity: Validity | undefined, at: number): boolean {
  return validity === undefined || ((validity.validFrom === null || at >= validity.validFrom) && (validity.validUntil === null || at < validity.validUntil));
}

/** The last view `catalogInForce` built for each catalog: time moves forward, so one view per catalog is enough. */
const views = new WeakMap<IntentCatalog, { key: string; view: IntentCatalog }>();

/**
 * The catalog as it stands at `at` (ms since the epoch): the intents outside their validity period are left out,
 * as if their files were absent. Returns `catalog` itself when every intent is in force, and the same frozen view
 * for as long as the same intents are, so whatever callers compile per catalog is compiled once per change.
 */
export function catalogInForce(catalog: IntentCatalog, at: number): IntentCatalog {
  const intents = catalog.intents.filter((intent) => isInForce(intent.validity, at));
  if (intents.length === catalog.intents.length) {
    return catalog;
  }
  const key = intents.map((intent) => intent.id).join(' ');
  const cached = views.get(catalog);
  if (cached?.key === key) {
    return cached.view;
  }
  const view: IntentCatalog = Object.freeze({ ...catalog, intents: Object.freeze(intents) });
  views.set(catalog, { key, view });
  return view;
}

/** Index of the intent's first answer variant in force at `at` (ms since the epoch), or null for the default answer. */
export function variantInForce(intent: IntentRule, at: number): number | null {
  const index = (intent.variants ?? []).findIndex((variant) => isInForce(variant.validity, at));
  return index === -1 ? null : index;
}

/**
 * The reply an intent gives at `at` (ms since the epoch) in `language`: that of its first variant in force, else
 * its own. English messages get the English text when the editor wrote one (for a variant, the variant's own
 * English text, else its French text, so the time-limited information is never lost), French otherwise.
 */
export function answerAt(intent: IntentRule, language: ReplyLanguage, at: number): IntentAnswer {
  const index = variantInForce(intent, at);
  const { answer, answerEn } = index === null ? intent : (intent.variants ?? [])[index];
  return language === 'en' && answerEn ? answerEn : answer;
}
