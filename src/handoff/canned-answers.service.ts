import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import type { CannedAnswer, ServiceLink } from '../contracts/socket-events';
import { catalogInForce, type IntentCatalog } from '../intents/intent-catalog';
import { IntentCatalogService } from '../intents/intent-catalog.service';

/**
 * Canned answers for officers, built from the intents in force now: one per intent with links, so the bot and the
 * officers share one source of links. An officer's message may only carry links of those intents.
 */
@Injectable()
export class CannedAnswersService {
  constructor(
    private readonly catalogs: IntentCatalogService,
    private readonly clock: Clock,
  ) {}

  /**
   * One canned answer per intent in force that has links (French answer, then English links not already there), by
   * title in French order, with since and until when the intent is in force (`activeSince` / `activeUntil`, ms
   * since the epoch, null for an open bound: `IntentCatalogService.validity`).
   */
  answers(): CannedAnswer[] {
    const now = this.clock.now();
    const validity = new Map(this.catalogs.validity(now).map((intent) => [intent.intent, intent]));
    return catalogInForce(this.catalogs.current(), now)
      .intents.map((intent) => {
        const links = [...intent.answer.links, ...(intent.answerEn?.links ?? [])];
        const unique = links.filter((link, index) => links.findIndex((other) => other.url === link.url) === index);
        return {
          intent: intent.id,
          title: intent.title,
          links: unique.map((link) => ({ title: link.title, url: link.url })),
          activeSince: validity.get(intent.id)?.activeSince ?? null,
          activeUntil: validity.get(intent.id)?.activeUntil ?? null,
        };
      })
      .filter((answer) => answer.links.length > 0)
      .sort((left, right) => left.title.localeCompare(right.title, 'fr'));
  }

  /** The intents in force now (time-boxed ones outside their period left out). */
  private inForce(): IntentCatalog {
    return catalogInForce(this.catalogs.current(), this.clock.now());
  }

  /** Whether `link` is, title and address alike, a link of the catalogue in force. */
  isCatalogLink(link: ServiceLink): boolean {
    return this.inForce()
      .intents.some((intent) => [...intent.answer.links, ...(intent.answerEn?.links ?? [])].some((known) => known.url === link.url && known.title === link.title));
  }
}
