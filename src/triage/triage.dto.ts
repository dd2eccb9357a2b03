import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_MESSAGE_LENGTH_CHARS } from '../contracts/socket-events';

/**
 * Body of `POST /api/v1/triage` and payload of the citizen's `conversation:message`: a non-blank string of at
 * most `MAX_MESSAGE_LENGTH_CHARS` (2 000) characters. Error messages never repeat the text.
 */
export class MessageTextDto {
  // class-validator runs a property's decorators bottom-up; with stopAtFirstError the lowest one reports first.
  @MaxLength(MAX_MESSAGE_LENGTH_CHARS, { message: `text must be at most ${MAX_MESSAGE_LENGTH_CHARS} characters` })
  @Matches(/\S/u, { message: 'text must not be empty' })
  @IsString({ message: 'text must be a string' })
  @IsDefined({ message: 'text is required' })
  text: string;
}

/** Query of `POST /api/v1/triage`: `explain=1` adds the decision's trace (officers only). */
export class TriageQueryDto {
  @IsOptional()
  @IsIn(['0', '1'], { message: 'explain must be 0 or 1' })
  explain?: '0' | '1';
}

/** Payload of the citizen's `conversation:choose`: the id of an offered intent. */
export class IntentChoiceDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'intent must be an intent id' })
  @IsString({ message: 'intent must be a string' })
  intent: string;
}
