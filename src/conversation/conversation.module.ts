import { Module } from '@nestjs/common';
import { HandoffQueue } from '../handoff/handoff-queue';
import { OfficerPresenceService } from '../handoff/officer-presence.service';
import { TriageModule } from '../triage/triage.module';
import { CitizenGateway } from './citizen.gateway';
import { ConversationService } from './conversation.service';
import { ConversationStore } from './conversation.store';

/** Citizen conversations: the `/citizen` socket namespace, the bot, the in-memory store and the queue. */
@Module({
  imports: [TriageModule],
  providers: [ConversationStore, HandoffQueue, OfficerPresenceService, ConversationService, CitizenGateway],
  exports: [ConversationService, ConversationStore, HandoffQueue, OfficerPresenceService],
})
export class ConversationModule {}
