import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module';
import { IntentsModule } from '../intents/intents.module';
import { CannedAnswersService } from './canned-answers.service';
import { HandoffService } from './handoff.service';

/** Officer-side handoff operations: take, automatic routing, reply, transfer, close; canned answers. */
@Module({
  imports: [ConversationModule, IntentsModule],
  providers: [HandoffService, CannedAnswersService],
  exports: [HandoffService, CannedAnswersService, ConversationModule],
})
export class HandoffModule {}
