import { Module } from '@nestjs/common';
import { IntentCatalogService } from './intent-catalog.service';

/** Loads and serves the intent catalog from the YAML folder. */
@Module({
  providers: [IntentCatalogService],
  exports: [IntentCatalogService],
})
export class IntentsModule {}
