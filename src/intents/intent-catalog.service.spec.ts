import { join } from 'node:path';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { FakeClock } from '../../test/support/fake-clock';
import { AppConfig } from '../config/app-config';
import { IntentCatalogService } from './intent-catalog.service';

const TIME_BOXED = join(__dirname, '..', '..', 'test', 'fixtures', 'intents', 'time-boxed');

describe(IntentCatalogService.name, () => {
  const clock = new FakeClock('2026-11-30T12:00:00Z');
  const sut = new IntentCatalogService(AppConfig.fromEnv({ INTENTS_DIR: TIME_BOXED }), new EventEmitter2(), clock);
  const DECEMBER_1 = Date.parse('2026-11-30T23:00:00Z');
  const JANUARY_1 = Date.parse('2026-12-31T23:00:00Z');

  it('should give since and until when each intent is in force, and whether it is at the instant asked', () => {
    expect(sut.validity(clock.now())).toEqual([
      { intent: 'christmas_market', activeSince: DECEMBER_1, activeUntil: JANUARY_1, active: false, variant: null },
      { intent: 'emergency', activeSince: null, activeUntil: null, active: true, variant: null },
      { intent: 'lost_property', activeSince: null, activeUntil: null, active: true, variant: null },
      { intent: 'summer_games', activeSince: Date.parse('2024-07-25T22:00:00Z'), activeUntil: Date.parse('2024-08-11T22:00:00Z'), active: false, variant: null },
    ]);
  });

  it('should switch intents and answer variants on and off at their instants, without a reload', () => {
    const activeAt = (instant: string) =>
      sut
        .validity(Date.parse(instant))
        .filter((entry) => entry.active)
        .map((entry) => (entry.variant === null ? entry.intent : `${entry.intent}#${entry.variant}`));

    expect(activeAt('2026-11-30T22:59:59.999Z')).toEqual(['emergency', 'lost_property']);
    expect(activeAt('2026-11-30T23:00:00Z')).toEqual(['christmas_market', 'emergency', 'lost_property']);
    expect(activeAt('2026-12-24T11:00:00Z')).toEqual(['christmas_market', 'emergency', 'lost_property#0']);
    expect(activeAt('2026-12-31T23:00:00Z')).toEqual(['emergency', 'lost_property']);
  });

  it('should date its loads with the clock', () => {
    expect(sut.status().loadedAt).toBe('2026-11-30T12:00:00.000Z');
  });
});
