import { Module } from '@nestjs/common';
import { DailyStatsService } from './daily-stats.service';
import { RatingService } from './rating.service';
import { RatingsController } from './ratings.controller';

/**
 * Today's figures for the supervisor (`DailyStatsService`) and chat ratings (`RatingService`, issued when a chat
 * closes; `POST /api/v1/ratings`). Both are fed and read through domain events and exported services only.
 */
@Module({
  controllers: [RatingsController],
  providers: [DailyStatsService, RatingService],
  exports: [DailyStatsService, RatingService],
})
export class StatsModule {}
