import { Controller, Get, Headers } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { OfficerAuthService } from '../officers/auth/officer-auth.service';
import { IntentCatalogService, type IntentCatalogStatus, type IntentValidity } from './intent-catalog.service';

/**
 * `GET /api/v1/intents/status`: the catalog in force and the errors of the last refused change (editors);
 * `GET /api/v1/intents/validity`: since and until when each intent is in force (every signed-in account).
 */
@Controller('intents')
export class IntentsController {
  constructor(
    private readonly catalogs: IntentCatalogService,
    private readonly auth: OfficerAuthService,
    private readonly clock: Clock,
  ) {}

  /** 200 with `IntentCatalogStatus` for a signed-in editor (`Authorization: Bearer <token>`); 401 signed out, 403 without the editor role. */
  @Get('status')
  status(@Headers('authorization') authorization?: string): IntentCatalogStatus {
    this.auth.requireBearer(authorization, 'editor');
    return this.catalogs.status();
  }

  /**
   * 200 with `{ intents: IntentValidity[] }` as of now (instants in ms since the epoch), for any signed-in
   * officer, supervisor or editor (`Authorization: Bearer <token>`); 401 signed out.
   */
  @Get('validity')
  validity(@Headers('authorization') authorization?: string): { intents: IntentValidity[] } {
    this.auth.requireBearer(authorization);
    return { intents: this.catalogs.validity(this.clock.now()) };
  }
}
