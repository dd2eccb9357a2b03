import { Module } from '@nestjs/common';
import { AuthModule } from '../officers/auth/auth.module';
import { IntentCatalogService } from './intent-catalog.service';
import { IntentWatcherService } from './intent-watcher.service';
import { IntentsController } from './intents.controller';

/** Loads the intent catalog from the YAML folder, reloads it when the folder changes, and reports its status. */
@Module({
  imports: [AuthModule],
  controllers: [IntentsController],
  providers: [IntentCatalogService, IntentWatcherService],
  exports: [IntentCatalogService],
})
export class IntentsModule {}
