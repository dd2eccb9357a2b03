import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
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
