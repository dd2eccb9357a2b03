import { Module } from '@nestjs/common';
import { HandoffModule } from '../handoff/handoff.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { StatsModule } from '../stats/stats.module';
import { CitizenGateway } from './citizen.gateway';

/** The `/citizen` socket namespace. */
@Module({
  imports: [HandoffModule, StatsModule, ScheduleModule],
  providers: [CitizenGateway],
})
export class CitizenModule {}
