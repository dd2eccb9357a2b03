import { Module } from '@nestjs/common';
import { IntentsModule } from '../intents/intents.module';
import { AuthModule } from '../officers/auth/auth.module';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

/** French triage of citizen messages against the intent catalog. */
@Module({
  imports: [IntentsModule, AuthModule],
  controllers: [TriageController],
  providers: [TriageService],
  exports: [TriageService],
})
export class TriageModule {}
