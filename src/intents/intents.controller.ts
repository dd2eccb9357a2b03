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

  /** 200 with `IntentCatalogStatus` for a signed-in editor (`Authorization: Bearer <token>`); 401 signed out, 403 without the editor role. */
  @Get('status')
  status(@Headers('authorization') authorization?: string): IntentCatalogStatus {
    this.auth.requireBearer(authorization, 'editor');
    return this.catalogs.status();
  }
}
