import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppConfig } from '../config/app-config';
import type { IntentCatalog } from './intent-catalog';
import { formatIntentFileError, IntentCatalogException, type IntentFileError, loadIntentCatalog } from './intent-loader';

/** Events of the catalog: a new catalog is in force, or a changed folder was refused (the old one stays). */
export const IntentCatalogEvent = {
  /** Payload: the new `IntentCatalog`. */
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
 * Holds the intent catalog in force and swaps it whole. The first load happens when the service is built, so an
 * invalid intent folder stops the start with `IntentCatalogException` (every error, with file and line); later
 * reloads never throw: an invalid folder keeps the last good catalog serving and its errors are reported in the
 * log and in `status()`, so the service never runs with a half-read or empty catalog.
 */
@Injectable()
export class IntentCatalogService {
  private readonly logger = new Logger(IntentCatalogService.name);
  private catalog: IntentCatalog;
  private errors: IntentFileError[] = [];
  private lastCheckedAt: number;

  constructor(
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {
    this.catalog = loadIntentCatalog(config.intentsDir);
    this.lastCheckedAt = this.catalog.loadedAt;
    this.logger.log(`Loaded ${this.catalog.intents.length} intents (version ${this.catalog.version})`);
  }

  /** The catalog in force; callers keep the reference for the whole decision, so a decision sees one catalog. */
  current(): IntentCatalog {
    return this.catalog;
  }

  /**
   * Reads the intent folder again. A valid folder replaces the catalog in one assignment (`intents.reloaded`);
   * an invalid one leaves it in place (`intents.rejected`). Unexpected errors (an unreadable folder) count as a
   * refused change too.
   * @returns true when the new catalog is in force.
   */
  reload(): boolean {
    this.lastCheckedAt = Date.now();
    try {
      const catalog = loadIntentCatalog(this.config.intentsDir);
      this.catalog = catalog;
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
