import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { IntentCatalog } from './intent-catalog';
import { loadIntentCatalog } from './intent-loader';

/**
 * Holds the current intent catalog. The catalog is loaded when the service is built, so an invalid intent
 * folder stops the start with `IntentCatalogException` (every error, with file and line).
 */
@Injectable()
export class IntentCatalogService {
  private readonly logger = new Logger(IntentCatalogService.name);
  private catalog: IntentCatalog;

  constructor(config: AppConfig) {
    this.catalog = loadIntentCatalog(config.intentsDir);
    this.logger.log(`Loaded ${this.catalog.intents.length} intents (version ${this.catalog.version})`);
  }

  /** The catalog in force; callers keep the reference for the whole decision, so a decision sees one catalog. */
  current(): IntentCatalog {
    return this.catalog;
  }
}
