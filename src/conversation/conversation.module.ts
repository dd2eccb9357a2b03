import { Module } from '@nestjs/common';
import { HandoffQueue } from '../handoff/handoff-queue';
import { OfficerPresenceService } from '../handoff/officer-presence.service';
import { ScheduleModule } from '../schedule/schedule.module';
import { TriageModule } from '../triage/triage.module';
import { ConversationService } from './conversation.service';
import { ConversationStore } from './conversation.store';

/** Citizen conversations: the bot, the in-memory store, the queue and officer presence. */
@Module({
  imports: [TriageModule, ScheduleModule],
  providers: [ConversationStore, HandoffQueue, OfficerPresenceService, ConversationService],
  exports: [ConversationService, ConversationStore, HandoffQueue, OfficerPresenceService],
})
export class ConversationModule {}
