import { Module } from '@nestjs/common';
import { HandoffModule } from '../handoff/handoff.module';
import { AuthModule } from '../officers/auth/auth.module';
import { StatsModule } from '../stats/stats.module';
import { SupervisionController } from './supervision.controller';

/** The supervisor's view of the shift (`GET /api/v1/supervision`). */
@Module({
  imports: [HandoffModule, StatsModule, AuthModule],
  controllers: [SupervisionController],
})
export class SupervisionModule {}
