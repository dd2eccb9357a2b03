import { join } from 'node:path';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { FakeClock } from '../../test/support/fake-clock';
import { AppConfig } from '../config/app-config';
import { IntentCatalogService } from '../intents/intent-catalog.service';
import { CannedAnswersService } from './canned-answers.service';

/** The valid fixture folder: `christmas_market` is in force from 1 December 2026 to 1 January 2027, Paris time. */
const OK_INTENTS = join(__dirname, '..', '..', 'test', 'fixtures', 'intents', 'ok');
/** Saturday 5 December 2026, noon in Paris: inside the Christmas market's period. */
const DURING_MARKET = '2026-12-05T11:00:00Z';

describe(CannedAnswersService.name, () => {
  let clock: FakeClock;
  let sut: CannedAnswersService;

  beforeEach(() => {
    clock = new FakeClock(DURING_MARKET);
    sut = new CannedAnswersService(new IntentCatalogService(AppConfig.fromEnv({ INTENTS_DIR: OK_INTENTS }), new EventEmitter2(), clock), clock);
  });

  it('should give each intent with links, by French title, with the period of a time-boxed one and null bounds otherwise', () => {
    const answers = sut.answers();

    expect(answers.map(({ intent, activeSince, activeUntil }) => ({ intent, activeSince, activeUntil }))).toEqual([
      { intent: 'christmas_market', activeSince: Date.parse('2026-11-30T23:00:00Z'), activeUntil: Date.parse('2026-12-31T23:00:00Z') },
      { intent: 'lost_property', activeSince: null, activeUntil: null },
      { intent: 'emergency', activeSince: null, activeUntil: null },
    ]);
    expect(answers[1].links).toEqual([
      { title: "Annuaire de l'administration : mairies et services publics", url: 'https://lannuaire.service-public.fr/' },
    ]);
  });

  it('should leave out a time-boxed intent outside its period', () => {
    clock.setSystemTime('2026-11-30T22:59:59Z');

    expect(sut.answers().map((answer) => answer.intent)).toEqual(['lost_property', 'emergency']);
  });
});
