import { Module } from '@nestjs/common';
import { CitizenRateLimiter } from '../common/security/citizen-rate-limiter';
import { AppConfig } from '../config/app-config';
import { HandoffModule } from '../handoff/handoff.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { StatsModule } from '../stats/stats.module';
import { CitizenGateway } from './citizen.gateway';
import { CitizenSessions } from './citizen-sessions';

/**
 * The `/citizen` socket namespace: the gateway on every instance, the sessions on the core, and the abuse limits
 * (`CitizenRateLimiter`, settings in `AppConfig`) they share.
 */
@Module({
  imports: [HandoffModule, StatsModule, ScheduleModule],
  providers: [
    CitizenGateway,
    CitizenSessions,
    {
      provide: CitizenRateLimiter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new CitizenRateLimiter({
          perSocket: config.citizenSocketMessageLimit,
          perAddress: config.citizenIpMessageLimit,
          maxConversationsPerAddress: config.maxConversationsPerIp,
        }),
    },
  ],
})
export class CitizenModule {}
