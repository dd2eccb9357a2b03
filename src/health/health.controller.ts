import { Controller, Get } from '@nestjs/common';
import { IntentCatalogService } from '../intents/intent-catalog.service';
import { APP_VERSION } from './app-version';

/** Answer of `GET /api/v1/health`. */
export interface HealthResponse {
  status: 'ok';
  version: string;
  intents: { count: number; version: string };
}

/** `GET /api/v1/health`: liveness, the service version and the intent catalog in force. */
@Controller('health')
export class HealthController {
  constructor(private readonly catalogs: IntentCatalogService) {}

  @Get()
  health(): HealthResponse {
    const catalog = this.catalogs.current();
    return { status: 'ok', version: APP_VERSION, intents: { count: catalog.intents.length, version: catalog.version } };
  }
}
