import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MAX_MESSAGE_LENGTH_CHARS } from '../contracts/socket-events';

/** Payload naming one conversation (`handoff:take`, `conversation:close`). */
export class ConversationIdDto {
  @IsUUID('4', { message: 'conversationId must be a conversation id' })
  conversationId: string;
}

/** Payload of the officer's `conversation:message`: non-blank text of at most 2 000 characters. */
export class OfficerMessageDto extends ConversationIdDto {
  @MaxLength(MAX_MESSAGE_LENGTH_CHARS, { message: `text must be at most ${MAX_MESSAGE_LENGTH_CHARS} characters` })
  @Matches(/\S/u, { message: 'text must not be empty' })
  @IsString({ message: 'text must be a string' })
  text: string;
}
