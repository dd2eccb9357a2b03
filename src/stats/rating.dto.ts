import { IsDefined, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { RatingRequest } from '../contracts/socket-events';

/** Longest rating token accepted, in characters (issued tokens have 22). */
const MAX_RATING_TOKEN_LENGTH_CHARS = 64;

/**
 * Body of `POST /api/v1/ratings`: `ratingToken`, a base64url string of at most 64 characters, and `score`, an
 * integer from 1 to 5 (a numeric string is refused). Error messages never repeat the values.
 */
export class RatingDto implements RatingRequest {
  // class-validator runs a property's decorators bottom-up; with stopAtFirstError the lowest one reports first.
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'ratingToken must be a rating token' })
  @MaxLength(MAX_RATING_TOKEN_LENGTH_CHARS, { message: `ratingToken must be at most ${MAX_RATING_TOKEN_LENGTH_CHARS} characters` })
  @IsString({ message: 'ratingToken must be a string' })
  @IsDefined({ message: 'ratingToken is required' })
  ratingToken: string;

  @Max(5, { message: 'score must be from 1 to 5' })
  @Min(1, { message: 'score must be from 1 to 5' })
  @IsInt({ message: 'score must be an integer' })
  @IsDefined({ message: 'score is required' })
  score: number;
}
