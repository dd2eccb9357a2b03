import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { TriageDecision } from '../contracts/socket-events';
import type { IntentCatalog } from '../intents/intent-catalog';
import { IntentCatalogService } from '../intents/intent-catalog.service';
import { IntentMatcher, type IntentScore } from './intent-matcher';

/** Reply when no rule is confident enough: the chat goes to an officer, and danger now still means 17/112. */
export const FALLBACK_REPLY =
  'Je n’ai pas de réponse automatique sûre à votre question : je transmets la conversation à un policier, ' +
  'qui vous répondra ici dès que possible. En cas de danger immédiat, appelez le 17 ou le 112 (SMS au 114 si vous ne pouvez pas parler).';

/**
 * Decides what to do with one citizen message, in this order:
 * 1. emergency: an intent with `outcome: emergency` whose keyword is found or whose confidence reaches the
 *    threshold wins over everything else, so danger is never queued;
 * 2. handoff: the best confidence is below `TRIAGE_CONFIDENCE_THRESHOLD`, or the best intent hands off
 *    (`talk_to_officer`);
 * 3. answer: the best intent's reply and links.
 */
@Injectable()
export class TriageService {
  private readonly matchers = new WeakMap<IntentCatalog, IntentMatcher>();

  constructor(
    private readonly catalogs: IntentCatalogService,
    private readonly config: AppConfig,
  ) {}

  /**
   * @param text the citizen's message (the caller bounds it to `MAX_MESSAGE_LENGTH_CHARS`).
   * @returns the decision; `confidence` is in [0, 1], rounded to 3 decimals.
   */
  decide(text: string): TriageDecision {
    const scores = this.matcherFor(this.catalogs.current()).score(text);
    const threshold = this.config.confidenceThreshold;
    const emergency = scores.find(
      (score) => score.intent.outcome === 'emergency' && (score.keywordsHit.length > 0 || score.confidence >= threshold),
    );
    if (emergency) {
      return this.fromIntent('emergency', emergency);
    }
    const best = scores[0];
    if (!best || best.confidence < threshold) {
      return { outcome: 'handoff', intent: null, confidence: round(best?.confidence ?? 0), reply: FALLBACK_REPLY, links: [] };
    }
    return this.fromIntent(best.intent.outcome === 'handoff' ? 'handoff' : 'answer', best);
  }

  private fromIntent(outcome: TriageDecision['outcome'], score: IntentScore): TriageDecision {
    return {
      outcome,
      intent: score.intent.id,
      confidence: round(score.confidence),
      reply: score.intent.answer.text,
      links: score.intent.answer.links.map((link) => ({ ...link })),
    };
  }

  private matcherFor(catalog: IntentCatalog): IntentMatcher {
    let matcher = this.matchers.get(catalog);
    if (!matcher) {
      matcher = new IntentMatcher(catalog);
      this.matchers.set(catalog, matcher);
    }
    return matcher;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
