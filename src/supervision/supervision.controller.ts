import { Controller, Get, Headers } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import type { SupervisionSnapshot } from '../contracts/socket-events';
import { HandoffQueue } from '../handoff/handoff-queue';
import { HandoffService } from '../handoff/handoff.service';
import { OfficerAuthService } from '../officers/auth/officer-auth.service';
import { DailyStatsService } from '../stats/daily-stats.service';

/** `GET /api/v1/supervision`: the shift at a glance for supervisors. Counts only, never message text. */
@Controller('supervision')
export class SupervisionController {
  constructor(
    private readonly queue: HandoffQueue,
    private readonly handoff: HandoffService,
    private readonly stats: DailyStatsService,
    private readonly auth: OfficerAuthService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * 200 with `SupervisionSnapshot` (queue length, longest wait in ms, routing mode, officers with status and load,
   * today's figures) for a signed-in supervisor (`Authorization: Bearer <token>`); 401 signed out, 403 without the
   * supervisor role.
   */
  @Get()
  snapshot(@Headers('authorization') authorization?: string): SupervisionSnapshot {
    this.auth.requireBearer(authorization, 'supervisor');
    const oldest = this.queue.oldestQueuedAt();
    return {
      queueLength: this.queue.list().length,
      longestWaitMs: oldest === undefined ? 0 : Math.max(0, this.clock.now() - oldest),
      routingMode: this.config.routingMode,
      officers: this.handoff.roster(),
      today: this.stats.today(),
    };
  }
}
