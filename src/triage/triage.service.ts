import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Clock, SystemClock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import type { IntentChoice, PolicyStep, ReplyLanguage, ServiceLink, TriageDecision, TriageTrace } from '../contracts/socket-events';
import { answerAt, catalogInForce, type IntentAnswer, type IntentCatalog, type IntentRule } from '../intents/intent-catalog';
import { IntentCatalogEvent, IntentCatalogService } from '../intents/intent-catalog.service';
import { IntentMatcher, type IntentScore } from './intent-matcher';
import { detectLanguage } from './language-detector';
import { normalizeFrench } from './text-normalizer';
import { type AnalyzedMessage, MessageAnalyzer } from './message-analyzer';
import { PAST_MARKERS, PRESENT_MARKERS, SAFETY_FLOOR, SAFETY_FLOOR_ANSWERS, type SafetyIntentId } from './safety-floor';

/** Reply when no rule is confident enough: the chat goes to an officer, and danger now still means 17/112. */
export const FALLBACK_REPLY =
  'Je n’ai pas de réponse automatique sûre à votre question : je transmets la conversation à un policier, ' +
  'qui vous répondra ici dès que possible. En cas de danger immédiat, appelez le 17 ou le 112 (SMS au 114 si vous ne pouvez pas parler).';
/** The fallback reply for clearly English messages. */
export const FALLBACK_REPLY_EN =
  'I have no sure automatic answer to your question: I am passing the conversation to a police officer, who will ' +
  'answer here as soon as possible. If you are in danger now, call 17 or 112 (text 114 if you cannot speak).';
/** Reply to a message in a language other than French or English: short, multilingual, with the numbers. */
export const MULTILINGUAL_NOTICE =
  'Ce service répond en français. This service answers in French. Este servicio responde en francés. ' +
  'Questo servizio risponde in francese.\n' +
  'Urgence / Emergency / Emergencia / Emergenza : 17 – 112 (SMS 114).\n' +
  'Un policier va prendre la conversation. A police officer will take the conversation.';
/** Question of a `clarify` decision. */
export const CLARIFY_REPLY = 'Pour bien vous orienter, votre demande concerne plutôt :';
export const CLARIFY_REPLY_EN = 'To guide you, is your request rather about:';

/** Two ordinary intents closer than this (in confidence) make the citizen choose. */
const CLARIFY_MARGIN = 0.06;
/** A safety intent alerts on its rules, or on example similarity at least this high. */
const SAFETY_SIMILARITY = 0.5;
/** At most this many links in one reply. */
const MAX_LINKS = 6;

/** Options of one decision. */
export interface DecideOptions {
  /** False after one clarification for the same question: an ambiguous message is then handed off. Default true. */
  allowClarify?: boolean;
  /** The instant to decide at, ms since the epoch (which intents and answer variants are in force); default the clock's now. */
  at?: number;
}

interface Engine {
  analyzer: MessageAnalyzer;
  matcher: IntentMatcher;
  catalog: IntentCatalog;
}

/**
 * Decides what to do with one citizen message, in this order (issue « French triage… », decision policy):
 * 1. safety: a phrase of the built-in floor, or a rule (or very close example) of a safety intent
 *    (`outcome: emergency`: danger now, suicide risk) alerts at once, whatever else the message says; negation
 *    never switches it off, a past-only danger (« il y a deux semaines ») does not alert unless it is suicide risk;
 * 2. a message in another language than French or English: a short multilingual notice and a handoff;
 * 3. the best ordinary intent above the threshold answers; two intents found by rules in different clauses get a
 *    two-part answer; two intents closer than `CLARIFY_MARGIN` make the citizen choose, once per question (still
 *    ambiguous after that: handoff);
 *    a handoff intent (`talk_to_officer`) hands off;
 * 4. greetings and thanks, only when no need was found;
 * 5. otherwise the chat is handed to an officer.
 *
 * Intents outside their validity period (`valid_from` / `valid_until`) take no part, as if absent, and an intent
 * answers with its first answer variant in force: both read the `Clock` at each decision, so time-limited content
 * switches on and off by itself.
 */
@Injectable()
export class TriageService {
  private readonly engines = new WeakMap<IntentCatalog, Engine>();

  /** @param clock the time decisions are made at; tools that build the service without Nest get the system clock. */
  constructor(
    @Inject(IntentCatalogService) private readonly catalogs: Pick<IntentCatalogService, 'current'>,
    private readonly config: AppConfig,
    private readonly clock: Clock = new SystemClock(),
  ) {}

  /**
   * @param text the citizen's message (the caller bounds it to `MAX_MESSAGE_LENGTH_CHARS`).
   * @returns the decision; `confidence` is in [0, 1], rounded to 3 decimals.
   */
  decide(text: string, options: DecideOptions = {}): TriageDecision {
    return this.explain(text, options).decision;
  }

  /** The decision and its trace. */
  explain(text: string, options: DecideOptions = {}): { decision: TriageDecision; trace: TriageTrace } {
    const at = options.at ?? this.clock.now();
    const engine = this.engineFor(catalogInForce(this.catalogs.current(), at));
    const analysis = engine.analyzer.analyze(text);
    const language = detectLanguage(text, analysis.tokens.map((token) => token.word));
    const scores = engine.matcher.score(analysis);
    const answerIn = (intent: IntentRule, replyLanguage: ReplyLanguage) => answerAt(intent, replyLanguage, at);
    const { decision, step, safety } = this.applyPolicy(engine.catalog, text, analysis, language, scores, options.allowClarify ?? true, answerIn);
    const trace: TriageTrace = {
      normalized: analysis.normalized,
      tokens: analysis.tokens,
      corrections: analysis.corrections,
      language,
      safety,
      scores: scores.map((score) => ({
        intent: score.intent.id,
        confidence: round(score.confidence),
        similarity: round(score.similarity),
        rulesHit: score.rulesHit,
      })),
      step,
    };
    return { decision, trace };
  }

  /**
   * The answer of one intent now (its answer variant in force), as when the citizen picks it among the quick
   * replies of a `clarify`.
   * @returns null when the catalog has no such intent in force (any more).
   */
  answerIntent(intentId: string, language: ReplyLanguage): TriageDecision | null {
    const at = this.clock.now();
    const intent = catalogInForce(this.catalogs.current(), at).intents.find((candidate) => candidate.id === intentId);
    if (!intent) {
      return null;
    }
    const { text, links } = answerAt(intent, language, at);
    return {
      outcome: intent.outcome === 'handoff' ? 'handoff' : intent.outcome === 'emergency' ? 'emergency' : 'answer',
      intent: intent.id,
      intents: [intent.id],
      confidence: 1,
      language,
      reply: text,
      links: [...links],
    };
  }

  private applyPolicy(
    catalog: IntentCatalog,
    text: string,
    analysis: AnalyzedMessage,
    language: ReplyLanguage,
    scores: IntentScore[],
    allowClarify: boolean,
    answerIn: (intent: IntentRule, language: ReplyLanguage) => IntentAnswer,
  ): { decision: TriageDecision; step: PolicyStep; safety: TriageTrace['safety'] } {
    const threshold = this.config.confidenceThreshold;
    const floorHits = findFloorPhrases(text, analysis);
    const safety = {
      floorHit: floorHits[0]?.phrase ?? null,
      pastMarker: PAST_MARKERS.some((pattern) => pattern.test(analysis.normalized)),
      presentMarker: PRESENT_MARKERS.some((pattern) => pattern.test(analysis.normalized)),
    };
    const ordinary = scores.filter((score) => score.intent.outcome !== 'emergency');
    const related = ordinary.find((score) => score.rulesHit.length > 0 && score.confidence >= threshold && !score.intent.smallTalk && score.intent.outcome === 'answer');

    // A past-only danger (« il y a deux semaines », no present marker) does not alert, judged clause by clause: one
    // past clause must not cancel « … et il est devant chez moi ». Suicide risk always alerts.
    const clausePastOnly = pastOnlyClauses(analysis);
    const messagePastOnly = safety.pastMarker && !safety.presentMarker;
    const alerting = scores.filter((score) => {
      if (score.intent.outcome !== 'emergency') {
        return false;
      }
      if (score.intent.id === 'suicide_prevention') {
        return score.rulesHit.length > 0 || score.similarity >= SAFETY_SIMILARITY;
      }
      if (score.rulesHit.length > 0) {
        return score.clausesHit.length === 0 ? !messagePastOnly : score.clausesHit.some((clause) => !clausePastOnly.has(clause));
      }
      return score.similarity >= SAFETY_SIMILARITY && !messagePastOnly;
    });
    const safetyIntents = [...new Set<string>([...floorHits.map((hit) => hit.intent), ...alerting.map((score) => score.intent.id)])];
    if (safetyIntents.length > 0) {
      // Danger now first, then suicide risk: every alerting line is in the answer (17/112/114 and 3114).
      safetyIntents.sort((a, b) => (a === 'emergency' ? -1 : b === 'emergency' ? 1 : 0));
      const parts = safetyIntents.map((id) => {
        const intent = catalog.intents.find((candidate) => candidate.id === id);
        return intent ? answerIn(intent, language) : { text: SAFETY_FLOOR_ANSWERS[id as SafetyIntentId].text, links: [] };
      });
      const [top] = safetyIntents;
      const confidence = scores.find((score) => score.intent.id === top)?.confidence ?? 1;
      return {
        decision: compose('emergency', top, confidence, language, [...parts, ...(related ? [answerIn(related.intent, language)] : [])], [...safetyIntents, ...(related ? [related.intent.id] : [])]),
        step: floorHits.length > 0 ? 'safety-floor' : 'safety-rules',
        safety,
      };
    }
    if (language === 'other') {
      return { decision: handoff(null, 0, language, MULTILINGUAL_NOTICE), step: 'other-language', safety };
    }

    const needs = ordinary.filter((score) => !score.intent.smallTalk);
    const [best, second] = needs;
    if (best && best.confidence >= threshold) {
      if (second && second.confidence >= threshold && inSeparateClauses(best, second)) {
        const outcome = best.intent.outcome === 'handoff' || second.intent.outcome === 'handoff' ? 'handoff' : 'answer';
        const pair = [best, second].sort((a, b) => (a.intent.outcome === 'handoff' ? 1 : 0) - (b.intent.outcome === 'handoff' ? 1 : 0));
        return { decision: compose(outcome, best.intent.id, best.confidence, language, pair.map((score) => answerIn(score.intent, language)), pair.map((score) => score.intent.id)), step: 'two-needs', safety };
      }
      if (second && second.confidence >= threshold && best.confidence - second.confidence < CLARIFY_MARGIN) {
        const handoffIntent = [best, second].find((score) => score.intent.outcome === 'handoff');
        if (handoffIntent) {
          // An officer will read it anyway: no question to the citizen first.
          return { decision: compose('handoff', handoffIntent.intent.id, handoffIntent.confidence, language, [answerIn(handoffIntent.intent, language)], [handoffIntent.intent.id]), step: 'handoff-intent', safety };
        }
        if (!allowClarify) {
          return { decision: handoff(null, best.confidence, language, language === 'en' ? FALLBACK_REPLY_EN : FALLBACK_REPLY), step: 'fallback', safety };
        }
        const choices: IntentChoice[] = [best, second].map((score) => ({ intent: score.intent.id, title: score.intent.title }));
        return {
          decision: { outcome: 'clarify', intent: best.intent.id, intents: [], confidence: round(best.confidence), language, reply: language === 'en' ? CLARIFY_REPLY_EN : CLARIFY_REPLY, links: [], choices },
          step: 'clarify',
          safety,
        };
      }
      const outcome = best.intent.outcome === 'handoff' ? 'handoff' : 'answer';
      return { decision: compose(outcome, best.intent.id, best.confidence, language, [answerIn(best.intent, language)], [best.intent.id]), step: outcome === 'handoff' ? 'handoff-intent' : 'answer', safety };
    }
    const smallTalk = ordinary.find((score) => score.intent.smallTalk);
    if (smallTalk && smallTalk.confidence >= threshold) {
      return { decision: compose('answer', smallTalk.intent.id, smallTalk.confidence, language, [answerIn(smallTalk.intent, language)], [smallTalk.intent.id]), step: 'small-talk', safety };
    }
    return { decision: handoff(null, best?.confidence ?? 0, language, language === 'en' ? FALLBACK_REPLY_EN : FALLBACK_REPLY), step: 'fallback', safety };
  }

  /** Compiles a reloaded catalog (the intents in force now) at once, so the first message after a change does not pay for it. */
  @OnEvent(IntentCatalogEvent.Reloaded)
  warmUp(catalog: IntentCatalog): void {
    this.engineFor(catalogInForce(catalog, this.clock.now()));
  }

  private engineFor(catalog: IntentCatalog): Engine {
    let engine = this.engines.get(catalog);
    if (!engine) {
      engine = { analyzer: new MessageAnalyzer(catalog), matcher: new IntentMatcher(catalog), catalog };
      this.engines.set(catalog, engine);
    }
    return engine;
  }
}

/**
 * Floor phrases found as whole words, one per safety intent (its longest phrase), longest first. Both the text
 * as typed (normalised only) and the text after the lexicon and typo correction are searched, so that neither an
 * editor's lexicon nor a correction can hide a floor phrase.
 */
function findFloorPhrases(text: string, analysis: AnalyzedMessage): { phrase: string; intent: SafetyIntentId }[] {
  const texts = [` ${normalizeFrench(text)} `, ` ${analysis.normalized} `];
  const found = new Map<SafetyIntentId, string>();
  for (const { intent, phrase, padded } of PADDED_FLOOR) {
    if (phrase.length > (found.get(intent)?.length ?? 0) && texts.some((candidate) => candidate.includes(padded))) {
      found.set(intent, phrase);
    }
  }
  return [...found].map(([intent, phrase]) => ({ intent, phrase })).sort((a, b) => b.phrase.length - a.phrase.length);
}

/** The floor's phrases with a space on each side, for whole-word search, built once. */
const PADDED_FLOOR = SAFETY_FLOOR.flatMap(({ intent, phrases }) => phrases.map((phrase) => ({ intent, phrase, padded: ` ${phrase} ` })));

/** Clauses (0-based) that hold a past-time marker and no present-time marker. */
function pastOnlyClauses(analysis: AnalyzedMessage): Set<number> {
  const clauses = new Map<number, string[]>();
  for (const token of analysis.tokens) {
    clauses.set(token.clause, [...(clauses.get(token.clause) ?? []), token.word]);
  }
  const pastOnly = new Set<number>();
  for (const [clause, words] of clauses) {
    const clauseText = words.join(' ');
    if (PAST_MARKERS.some((pattern) => pattern.test(clauseText)) && !PRESENT_MARKERS.some((pattern) => pattern.test(clauseText))) {
      pastOnly.add(clause);
    }
  }
  return pastOnly;
}

/** Two intents each found by rules, each in a clause where the other has none: two needs in one message. */
function inSeparateClauses(a: IntentScore, b: IntentScore): boolean {
  if (a.clausesHit.length === 0 || b.clausesHit.length === 0) {
    return false;
  }
  return a.clausesHit.some((clause) => !b.clausesHit.includes(clause)) && b.clausesHit.some((clause) => !a.clausesHit.includes(clause));
}

function compose(outcome: TriageDecision['outcome'], intent: string, confidence: number, language: ReplyLanguage, parts: IntentAnswer[], intents: string[]): TriageDecision {
  const links: ServiceLink[] = [];
  for (const link of parts.flatMap((part) => part.links)) {
    if (links.length < MAX_LINKS && !links.some((known) => known.url === link.url)) {
      links.push({ ...link });
    }
  }
  return { outcome, intent, intents, confidence: round(confidence), language, reply: parts.map((part) => part.text).join('\n\n'), links };
}

function handoff(intent: string | null, confidence: number, language: ReplyLanguage, reply: string): TriageDecision {
  return { outcome: 'handoff', intent, intents: intent ? [intent] : [], confidence: round(confidence), language, reply, links: [] };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
