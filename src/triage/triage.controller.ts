import { Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import type { TriageDecision, ExplainedDecision } from '../contracts/socket-events';
import { OfficerAuthService } from '../officers/auth/officer-auth.service';
import { MessageTextDto, TriageQueryDto } from './triage.dto';
import { TriageService } from './triage.service';

/** `POST /api/v1/triage`: the decision for one message, without opening a conversation. */
@Controller('triage')
export class TriageController {
  constructor(
    private readonly triage: TriageService,
    private readonly auth: OfficerAuthService,
  ) {}

  /**
   * 200 with `TriageDecision`; with `?explain=1` (signed-in officers only: `Authorization: Bearer <token>`, else
   * 401) the decision and its `trace`. 400 when `text` is missing, not a string, blank or over 2 000 characters.
   */
  @Post()
  @HttpCode(200)
  decide(
    @Body() body: MessageTextDto,
    @Query() query: TriageQueryDto,
    @Headers('authorization') authorization?: string,
  ): TriageDecision | (ExplainedDecision) {
    if (query.explain !== '1') {
      return this.triage.decide(body.text);
    }
    this.auth.requireBearer(authorization);
    const { decision, trace } = this.triage.explain(body.text);
    return { ...decision, trace };
  }
}
