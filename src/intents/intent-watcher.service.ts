import { type FSWatcher, watch } from 'node:fs';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { IntentCatalogService } from './intent-catalog.service';

/** Quiet time after the last change before reloading, in ms: an editor's save is often several writes. */
export const RELOAD_DEBOUNCE_MS = 150;

/**
 * Watches the intent folder (Node's `fs.watch`) and reloads the catalog and `settings.yaml` once the writes
 * settle, so an editor's change is live within a second without a restart. A burst of saves gives one reload of
 * the final state.
 */
@Injectable()
export class IntentWatcherService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IntentWatcherService.name);
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly catalogs: IntentCatalogService,
  ) {}

  onModuleInit(): void {
    this.watcher = watch(this.config.intentsDir, () => this.schedule());
    this.watcher.on('error', (error) => this.logger.warn(`Intent folder watch stopped: ${error.name}`));
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.catalogs.reload(), RELOAD_DEBOUNCE_MS);
  }
}
