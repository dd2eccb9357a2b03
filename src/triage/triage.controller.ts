import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { TriageDecision } from '../contracts/socket-events';
import { MessageTextDto } from './triage.dto';
import { TriageService } from './triage.service';

/** `POST /api/v1/triage`: the decision for one message, without opening a conversation. */
@Controller('triage')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  /** 200 with `TriageDecision`; 400 when `text` is missing, not a string, blank or over 2 000 characters. */
  @Post()
  @HttpCode(200)
  decide(@Body() body: MessageTextDto): TriageDecision {
    return this.triage.decide(body.text);
  }
}
