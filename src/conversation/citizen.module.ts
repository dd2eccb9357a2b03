import { Module } from '@nestjs/common';
import { HandoffModule } from '../handoff/handoff.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { StatsModule } from '../stats/stats.module';
import { CitizenGateway } from './citizen.gateway';
import { CitizenSessions } from './citizen-sessions';

/** The `/citizen` socket namespace. */
@Module({
  imports: [HandoffModule, StatsModule, ScheduleModule],
  providers: [CitizenGateway, CitizenSessions],
})
export class CitizenModule {}
