import { Body, Controller, HttpCode, NotFoundException, type OnModuleInit, Post, ServiceUnavailableException } from '@nestjs/common';
import { CoreBus, SERVICE_UNAVAILABLE } from '../cluster/core-bus';
import { RatingDto } from './rating.dto';
import { RatingService } from './rating.service';

/** Answer to a token that is unknown, already used or expired (shown to the citizen). */
export const RATING_TOKEN_INVALID_MESSAGE = 'Cette évaluation n’est plus possible : le lien a expiré ou a déjà servi.';

/** Core bus method that counts a rating on the core (payload `RatingDto`, result: whether it was counted). */
const RATE_METHOD = 'ratings.rate';

/**
 * `POST /api/v1/ratings`: a citizen rates a closed chat with the token `conversation:closed` gave them. The tokens
 * and counts live on the core (`RatingService`); an edge passes the rating on through the `CoreBus`.
 */
@Controller('ratings')
export class RatingsController implements OnModuleInit {
  constructor(
    private readonly ratings: RatingService,
    private readonly bus: CoreBus,
  ) {}

  onModuleInit(): void {
    this.bus.serve(RATE_METHOD, ({ ratingToken, score }: RatingDto) => this.ratings.rate(ratingToken, score));
  }

  /**
   * 204 when the rating was counted. 404 with a French message when the token is unknown, already used or expired.
   * 400 (global validation pipe) when the body is not a `RatingDto`; 503 when an edge cannot reach the core.
   */
  @Post()
  @HttpCode(204)
  async rate(@Body() body: RatingDto): Promise<void> {
    const counted = await this.bus.call<boolean>(RATE_METHOD, { ratingToken: body.ratingToken, score: body.score }).catch(() => {
      throw new ServiceUnavailableException(SERVICE_UNAVAILABLE.message);
    });
    if (!counted) {
      throw new NotFoundException(RATING_TOKEN_INVALID_MESSAGE);
    }
  }
}
