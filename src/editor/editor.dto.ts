import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MAX_SUGGESTION_CHARS } from '../contracts/socket-events';

/** Body of `POST /api/v1/suggestions`: an intent id and a non-blank sentence of at most 300 characters. */
export class SuggestionDto {
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'intent must be an intent id' })
  @IsString({ message: 'intent must be a string' })
  intent: string;

  @MaxLength(MAX_SUGGESTION_CHARS, { message: `utterance must be at most ${MAX_SUGGESTION_CHARS} characters` })
  @Matches(/\S/u, { message: 'utterance must not be empty' })
  @IsString({ message: 'utterance must be a string' })
  utterance: string;
}

/** Route parameter naming one suggestion. */
export class SuggestionIdDto {
  @IsUUID('4', { message: 'id must be a suggestion id' })
  id: string;
}
