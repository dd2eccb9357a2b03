import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Validate,
  type ValidationArguments,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CLOSE_OUTCOMES, type CloseOutcome, MAX_MESSAGE_LENGTH_CHARS, MAX_TRANSFER_NOTE_CHARS, type OfficerStatus } from '../contracts/socket-events';

/** Most link cards one officer message may carry (as an intent answer). */
const MAX_LINKS_PER_MESSAGE = 6;

/** Payload naming one conversation (`handoff:take`). */
export class ConversationIdDto {
  @IsUUID('4', { message: 'conversationId must be a conversation id' })
  conversationId: string;
}

/** A link card of an officer's message; the service also checks it is a link of the intent catalogue. */
export class LinkDto {
  @MaxLength(120, { message: 'link title must be at most 120 characters' })
  @IsString({ message: 'link title must be a string' })
  title: string;

  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'link url must be an https address' })
  url: string;
}

/** An officer message's text may be blank only when the message carries link cards (a canned answer alone). */
@ValidatorConstraint({ name: 'textOrLinks' })
class TextOrLinks implements ValidatorConstraintInterface {
  validate(text: unknown, args: ValidationArguments): boolean {
    const { links } = args.object as { links?: unknown };
    return typeof text === 'string' && (/\S/u.test(text) || (Array.isArray(links) && links.length > 0));
  }
}

/**
 * Payload of the officer's `conversation:message`: text of at most 2 000 characters, not blank unless the message
 * carries canned links (at most 6).
 */
export class OfficerMessageDto extends ConversationIdDto {
  @MaxLength(MAX_MESSAGE_LENGTH_CHARS, { message: `text must be at most ${MAX_MESSAGE_LENGTH_CHARS} characters` })
  @Validate(TextOrLinks, { message: 'text must not be empty without links' })
  @IsString({ message: 'text must be a string' })
  text: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => LinkDto)
  @ArrayMaxSize(MAX_LINKS_PER_MESSAGE, { message: `links must hold at most ${MAX_LINKS_PER_MESSAGE} links` })
  @IsArray({ message: 'links must be a list of { title, url }' })
  links?: LinkDto[];
}

/** Payload of `conversation:close`: the conversation and how it ended. */
export class CloseConversationDto extends ConversationIdDto {
  @IsIn(CLOSE_OUTCOMES, { message: `outcome must be one of ${CLOSE_OUTCOMES.join(', ')}` })
  @IsDefined({ message: 'outcome is required' })
  outcome: CloseOutcome;
}

/** Payload of `officer:status`. */
export class OfficerStatusDto {
  @IsIn(['available', 'busy', 'away'], { message: 'status must be available, busy or away' })
  status: OfficerStatus;
}

/** Payload of `handoff:transfer`: to a colleague's id or `queue`, with a non-blank note of at most 500 characters. */
export class TransferDto extends ConversationIdDto {
  @Matches(/^(queue|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'to must be an officer id or queue' })
  @IsString({ message: 'to must be a string' })
  to: string;

  @MaxLength(MAX_TRANSFER_NOTE_CHARS, { message: `note must be at most ${MAX_TRANSFER_NOTE_CHARS} characters` })
  @Matches(/\S/u, { message: 'note must not be empty' })
  @IsString({ message: 'note must be a string' })
  note: string;
}

/** Payload of the officer's `conversation:typing`. */
export class OfficerTypingDto extends ConversationIdDto {
  @IsBoolean({ message: 'typing must be true or false' })
  typing: boolean;
}
