import { Body, Controller, Delete, Get, Headers, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import type { EditorCatalogView, IntentSuggestion, TriageDecision, ExplainedDecision } from '../contracts/socket-events';
import { IntentCatalogService } from '../intents/intent-catalog.service';
import { OfficerAuthService } from '../officers/auth/officer-auth.service';
import { MessageTextDto } from '../triage/triage.dto';
import { TriageService } from '../triage/triage.service';
import { SuggestionDto, SuggestionIdDto } from './editor.dto';
import { SuggestionStore } from './suggestion.store';

/**
 * The editors' page API: the catalogue in force with validity, the playground, and the officers' suggestions.
 * Every route needs `Authorization: Bearer <token>` (401 without a valid one) and the role it names (403 without).
 */
@Controller()
export class EditorController {
  constructor(
    private readonly catalogs: IntentCatalogService,
    private readonly triage: TriageService,
    private readonly suggestions: SuggestionStore,
    private readonly auth: OfficerAuthService,
    private readonly clock: Clock,
  ) {}

  /** `GET /api/v1/editor/intents` (editor): every intent with its examples, links and validity, and the current errors. */
  @Get('editor/intents')
  intents(@Headers('authorization') authorization?: string): EditorCatalogView {
    this.auth.requireBearer(authorization, 'editor');
    const status = this.catalogs.status();
    const validity = new Map(this.catalogs.validity(this.clock.now()).map((entry) => [entry.intent, entry]));
    return {
      version: status.version,
      loadedAt: status.loadedAt,
      errors: status.errors,
      intents: this.catalogs.current().intents.map((intent) => ({
        id: intent.id,
        title: intent.title,
        outcome: intent.outcome,
        sourceFile: intent.sourceFile,
        examples: [...intent.examples],
        links: intent.answer.links.map((link) => ({ title: link.title, url: link.url })),
        active: validity.get(intent.id)?.active ?? true,
        activeSince: validity.get(intent.id)?.activeSince ?? null,
        activeUntil: validity.get(intent.id)?.activeUntil ?? null,
      })),
    };
  }

  /**
   * `POST /api/v1/editor/playground` (editor) `{ text }`: the decision the service would take now and its trace
   * (normalised words, rules hit, score per intent, policy step). 400 for a missing, blank or over-long text.
   */
  @Post('editor/playground')
  @HttpCode(200)
  playground(@Body() body: MessageTextDto, @Headers('authorization') authorization?: string): ExplainedDecision {
    this.auth.requireBearer(authorization, 'editor');
    const { decision, trace } = this.triage.explain(body.text);
    return { ...decision, trace };
  }

  /**
   * `POST /api/v1/suggestions` (officer) `{ intent, utterance }`: an example the officer wrote after a chat the bot
   * should have answered. 201 with the kept suggestion (contact details masked); 404 for an unknown intent.
   */
  @Post('suggestions')
  suggest(@Body() body: SuggestionDto, @Headers('authorization') authorization?: string): IntentSuggestion {
    const session = this.auth.requireBearer(authorization, 'officer');
    if (!this.catalogs.current().intents.some((intent) => intent.id === body.intent)) {
      throw new NotFoundException('Cette intention n’existe pas (ou plus) dans le catalogue.');
    }
    return this.suggestions.add(body.intent, body.utterance, session.officer.displayName);
  }

  /** `GET /api/v1/suggestions` (editor): every suggestion, newest first. */
  @Get('suggestions')
  list(@Headers('authorization') authorization?: string): IntentSuggestion[] {
    this.auth.requireBearer(authorization, 'editor');
    return this.suggestions.list();
  }

  /** `DELETE /api/v1/suggestions/:id` (editor): 204 once handled; 404 when unknown. */
  @Delete('suggestions/:id')
  @HttpCode(204)
  remove(@Param() params: SuggestionIdDto, @Headers('authorization') authorization?: string): void {
    this.auth.requireBearer(authorization, 'editor');
    if (!this.suggestions.delete(params.id)) {
      throw new NotFoundException('Cette suggestion n’existe plus.');
    }
  }
}
