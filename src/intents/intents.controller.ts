import { Controller, Get, Headers } from '@nestjs/common';
import { OfficerAuthService } from '../officers/auth/officer-auth.service';
import { IntentCatalogService, type IntentCatalogStatus } from './intent-catalog.service';

/** `GET /api/v1/intents/status`: the catalog in force and the errors of the last refused change. */
@Controller('intents')
export class IntentsController {
  constructor(
    private readonly catalogs: IntentCatalogService,
    private readonly auth: OfficerAuthService,
  ) {}

  /** 200 with `IntentCatalogStatus` for a signed-in officer (`Authorization: Bearer <token>`), else 401. */
  @Get('status')
  status(@Headers('authorization') authorization?: string): IntentCatalogStatus {
    this.auth.requireBearer(authorization);
    return this.catalogs.status();
  }
}
