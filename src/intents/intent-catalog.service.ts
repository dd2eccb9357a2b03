import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import type { BusinessSettings } from '../schedule/business-settings';
import { loadIntentsAndSettings } from '../schedule/settings-loader';
import { type IntentCatalog, isInForce, variantInForce } from './intent-catalog';
import { formatIntentFileError, IntentCatalogException, type IntentFileError } from './intent-loader';

/** Events of the catalog: a new catalog (and settings) is in force, or a changed folder was refused (the old one stays). */
export const IntentCatalogEvent = {
  /** Payload: the new `IntentCatalog`; the settings of the same folder are in force too. */
  Reloaded: 'intents.reloaded',
  /** Payload: the `IntentFileError[]` that refused the change. */
  Rejected: 'intents.rejected',
} as const;

/** What `GET /api/v1/intents/status` reports. Times are ISO 8601. */
export interface IntentCatalogStatus {
  version: string;
  loadedAt: string;
  intents: number;
  /** Errors of the last refused change, `file:line:column: field : message`; empty when the folder is valid. */
  errors: string[];
  lastCheckedAt: string;
}

/**
 * When one intent of the catalog in force is in force, as officers and editors see it: the bounds of its
 * validity period in ms since the epoch (`activeSince` null: no start date; `activeUntil` null: no end date),
 * whether it is in force at the instant asked, and the answer variant in force then (index in `variants:`, null
 * for the intent's own answer).
 */
export interface IntentValidity {
  intent: string;
  activeSince: number | null;
  activeUntil: number | null;
  active: boolean;
  variant: number | null;
}

/**
 * Holds the intent catalog and the settings (`settings.yaml`: opening hours, announcements) in force, and swaps
 * them whole, together. The first load happens when the service is built, so an invalid intent folder or settings
 * file stops the start with `IntentCatalogException` (every error, with file and line); later reloads never throw:
 * an invalid folder keeps the last good catalog and settings serving and its errors are reported in the log and in
 * `status()`, so the service never runs with a half-read or empty catalog.
 */
@Injectable()
export class IntentCatalogService {
  private readonly logger = new Logger(IntentCatalogService.name);
  private catalog: IntentCatalog;
  private businessSettings: BusinessSettings;
  private errors: IntentFileError[] = [];
  private lastCheckedAt: number;

  constructor(
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {
    const { catalog, settings } = loadIntentsAndSettings(config.intentsDir, () => clock.now());
    this.catalog = catalog;
    this.businessSettings = settings;
    this.lastCheckedAt = this.catalog.loadedAt;
    this.logger.log(`Loaded ${this.catalog.intents.length} intents (version ${this.catalog.version}), time zone ${this.businessSettings.timeZone}`);
  }

  /** The catalog in force; callers keep the reference for the whole decision, so a decision sees one catalog. */
  current(): IntentCatalog {
    return this.catalog;
  }

  /** The settings in force (`settings.yaml`, or the defaults without it), from the same folder state as `current()`. */
  settings(): BusinessSettings {
    return this.businessSettings;
  }

  /**
   * When each intent of the catalog in force is in force, sorted by intent id, as seen at `at` (ms since the
   * epoch): intents with `valid_from` / `valid_until` switch on and off by themselves at those instants.
   */
  validity(at: number): IntentValidity[] {
    return this.catalog.intents.map((intent) => ({
      intent: intent.id,
      activeSince: intent.validity?.validFrom ?? null,
      activeUntil: intent.validity?.validUntil ?? null,
      active: isInForce(intent.validity, at),
      variant: variantInForce(intent, at),
    }));
  }

  /**
   * Reads the intent folder and its settings again. A valid folder replaces both in one step
   * (`intents.reloaded`); an invalid one leaves them in place (`intents.rejected`). Unexpected errors (an
   * unreadable folder) count as a refused change too.
   * @returns true when the new catalog and settings are in force.
   */
  reload(): boolean {
    this.lastCheckedAt = this.clock.now();
    try {
      const { catalog, settings } = loadIntentsAndSettings(this.config.intentsDir, () => this.clock.now());
      this.catalog = catalog;
      this.businessSettings = settings;
      this.errors = [];
      this.logger.log(`Reloaded ${catalog.intents.length} intents (version ${catalog.version})`);
      this.events.emit(IntentCatalogEvent.Reloaded, catalog);
      return true;
    } catch (error) {
      this.errors =
        error instanceof IntentCatalogException
          ? error.errors
          : [{ file: this.config.intentsDir, line: 1, column: 1, field: '', message: `dossier illisible (${error instanceof Error ? error.name : 'erreur'})` }];
      this.logger.warn(`Intent change refused, version ${this.catalog.version} still serving:\n${this.errors.map(formatIntentFileError).join('\n')}`);
      this.events.emit(IntentCatalogEvent.Rejected, this.errors);
      return false;
    }
  }

  /** Version, load time and the errors of the last refused change. */
  status(): IntentCatalogStatus {
    return {
      version: this.catalog.version,
      loadedAt: new Date(this.catalog.loadedAt).toISOString(),
      intents: this.catalog.intents.length,
      errors: this.errors.map(formatIntentFileError),
      lastCheckedAt: new Date(this.lastCheckedAt).toISOString(),
    };
  }
}
