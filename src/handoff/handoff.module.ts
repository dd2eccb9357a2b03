import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module';
import { HandoffService } from './handoff.service';

/** Officer-side handoff operations: take, reply, close. */
@Module({
  imports: [ConversationModule],
  providers: [HandoffService],
  exports: [HandoffService, ConversationModule],
})
export class HandoffModule {}
