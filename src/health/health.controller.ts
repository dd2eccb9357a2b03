import { Controller, Get } from '@nestjs/common';
import { CoreBus } from '../cluster/core-bus';
import type { InstanceRole } from '../config/app-config';
import { AppConfig } from '../config/app-config';
import { IntentCatalogService } from '../intents/intent-catalog.service';
import { APP_VERSION } from './app-version';

/** How long `GET /api/v1/health` on an edge waits for the core's answer, in ms. */
const HEALTH_CORE_TIMEOUT_MS = 1_000;

/** Answer of `GET /api/v1/health`. */
export interface HealthResponse {
  status: 'ok';
  version: string;
  intents: { count: number; version: string };
  /**
   * With several instances (`REDIS_URL`): this instance's role, whether all its Redis connections are ready, and
   * whether the core answered within 1 s (on an edge; citizens are told « indisponible » while it does not).
   */
  cluster?: { role: InstanceRole; redis: boolean; core: boolean };
}

/**
 * `GET /api/v1/health`: liveness, the service version, the intent catalog in force and, with several instances, the
 * link to Redis and the core. It stays 200 while the core or Redis is down: the instance still serves the page and
 * tells citizens to call 17 / 112, which a load balancer should keep doing.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly catalogs: IntentCatalogService,
    private readonly config: AppConfig,
    private readonly bus: CoreBus,
  ) {}

  @Get()
  async health(): Promise<HealthResponse> {
    const catalog = this.catalogs.current();
    const health: HealthResponse = { status: 'ok', version: APP_VERSION, intents: { count: catalog.intents.length, version: catalog.version } };
    if (this.config.cluster !== undefined) {
      health.cluster = { role: this.config.cluster.role, redis: this.bus.linked, core: await this.bus.coreAnswers(HEALTH_CORE_TIMEOUT_MS) };
    }
    return health;
  }
}
