import { Module } from '@nestjs/common';
import { IntentsModule } from '../intents/intents.module';
import { AuthModule } from '../officers/auth/auth.module';
import { TriageModule } from '../triage/triage.module';
import { EditorController } from './editor.controller';
import { SuggestionStore } from './suggestion.store';

/** The editors' page API: catalogue view, playground, officers' example suggestions. */
@Module({
  imports: [IntentsModule, TriageModule, AuthModule],
  controllers: [EditorController],
  providers: [SuggestionStore],
})
export class EditorModule {}
