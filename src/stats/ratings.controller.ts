import { Body, Controller, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { RatingDto } from './rating.dto';
import { RatingService } from './rating.service';

/** Answer to a token that is unknown, already used or expired (shown to the citizen). */
export const RATING_TOKEN_INVALID_MESSAGE = 'Cette évaluation n’est plus possible : le lien a expiré ou a déjà servi.';

/** `POST /api/v1/ratings`: a citizen rates a closed chat with the token `conversation:closed` gave them. */
@Controller('ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingService) {}

  /**
   * 204 when the rating was counted. 404 with a French message when the token is unknown, already used or expired.
   * 400 (global validation pipe) when the body is not a `RatingDto`.
   */
  @Post()
  @HttpCode(204)
  rate(@Body() body: RatingDto): void {
    if (!this.ratings.rate(body.ratingToken, body.score)) {
      throw new NotFoundException(RATING_TOKEN_INVALID_MESSAGE);
    }
  }
}
