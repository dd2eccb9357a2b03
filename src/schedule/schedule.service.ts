import { Inject, Injectable } from '@nestjs/common';
import type { Announcement, OrientationSection } from '../contracts/socket-events';
import { IntentCatalogService } from '../intents/intent-catalog.service';
import { activeAnnouncements, activeOrientation, describeClosure, hoursSummary, isOpenAt, nextOpeningAfter, type ScheduleLanguage } from './business-hours';

/**
 * When officers answer in the chat, the announcements to pin and the orientation menu, from `intents/settings.yaml` as in force now
 * (reloaded with the intents: `IntentCatalogService.settings()`). Every method takes the instant `at` in
 * milliseconds since the epoch (callers pass `clock.now()`) and reads local times in the file's `time_zone`
 * (Europe/Paris by default), never in the host's.
 */
@Injectable()
export class ScheduleService {
  constructor(@Inject(IntentCatalogService) private readonly catalogs: Pick<IntentCatalogService, 'settings'>) {}

  /** Whether officers answer at `at`: inside an opening range of the local weekday, and not on a closure date. */
  isOpen(at: number): boolean {
    return isOpenAt(this.catalogs.settings(), at);
  }

  /**
   * When officers start answering again after `at`, in ms since the epoch (when open, the opening after the
   * current period); null when the service is open 24/7 with no closure to come, or never opens again.
   */
  nextOpening(at: number): number | null {
    return nextOpeningAfter(this.catalogs.settings(), at);
  }

  /**
   * The sentence for a citizen handed off out of hours: « Les policiers répondent de nouveau demain à partir de
   * 8 h (heure de Paris). » (French), or its English version for `language` 'en'.
   */
  describeClosure(at: number, language: ScheduleLanguage = 'fr'): string {
    return describeClosure(this.catalogs.settings(), at, language);
  }

  /** The opening hours in one phrase: « tous les jours de 8 h à 20 h (heure de Paris) » (French by default). */
  hoursSummary(language: ScheduleLanguage = 'fr'): string {
    return hoursSummary(this.catalogs.settings(), language);
  }

  /** The announcements in force at `at`, in the file's order (new objects, ready to send in `conversation:started`). */
  activeAnnouncements(at: number): Announcement[] {
    return activeAnnouncements(this.catalogs.settings(), at);
  }

  /**
   * The orientation menu of a chat that opens at `at` (« Je suis victime », « Je veux signaler », « Je m'informe »):
   * the sections in force then, in the file's order (new objects, ready to send in `conversation:started`); empty
   * when the settings define none.
   */
  orientation(at: number): OrientationSection[] {
    return activeOrientation(this.catalogs.settings(), at);
  }

  /** The IANA time zone local times are read in, e.g. `Europe/Paris`. */
  timeZone(): string {
    return this.catalogs.settings().timeZone;
  }
}
