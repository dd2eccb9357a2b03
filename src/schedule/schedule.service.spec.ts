import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { FakeClock } from '../../test/support/fake-clock';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { IntentCatalogEvent, IntentCatalogService } from '../intents/intent-catalog.service';
import { IntentCatalogException } from '../intents/intent-loader';
import { IntentWatcherService } from '../intents/intent-watcher.service';
import { ScheduleModule } from './schedule.module';
import { ScheduleService } from './schedule.service';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures');
const WEEKDAYS = 'opening_hours:\n  - days: [monday, tuesday, wednesday, thursday, friday]\n    from: "09:00"\n    to: "18:00"\n';
/** Saturday 2026-12-05, 12:00 in Paris: closed on weekdays-only hours, open with the defaults or 24/7. */
const SATURDAY_NOON = '2026-12-05T11:00:00Z';

describe(ScheduleService.name, () => {
  let folder: string;
  let events: EventEmitter2;
  let clock: FakeClock;

  const boot = () => new IntentCatalogService(AppConfig.fromEnv({ INTENTS_DIR: folder }), events, clock);

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'settings-live-'));
    cpSync(join(FIXTURES, 'intents', 'impact-old'), folder, { recursive: true });
    events = new EventEmitter2();
    clock = new FakeClock(SATURDAY_NOON);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(folder, { recursive: true, force: true });
  });

  it('should serve the defaults without settings.yaml', () => {
    const sut = new ScheduleService(boot());

    expect(sut.isOpen(clock.now())).toBe(true);
    expect(sut.timeZone()).toBe('Europe/Paris');
    expect(sut.hoursSummary()).toBe('tous les jours de 8 h à 20 h (heure de Paris)');
    expect(sut.activeAnnouncements(clock.now())).toEqual([]);
    expect(sut.orientation(clock.now())).toEqual([]);
  });

  it('should serve the settings of the folder, and describe the closure in French by default', () => {
    writeFileSync(join(folder, 'settings.yaml'), WEEKDAYS);
    const sut = new ScheduleService(boot());

    expect(sut.isOpen(clock.now())).toBe(false);
    expect(sut.nextOpening(clock.now())).toBe(Date.parse('2026-12-07T08:00:00Z'));
    expect(sut.describeClosure(clock.now())).toBe('Les policiers répondent de nouveau lundi 7 décembre à partir de 9 h (heure de Paris).');
    expect(sut.describeClosure(clock.now(), 'en')).toBe('Police officers answer again on Monday 7 December from 09:00 (Paris time).');
    expect(sut.hoursSummary('en')).toBe('Monday to Friday from 09:00 to 18:00 (Paris time)');
  });

  it('should serve the orientation sections in force at the given instant, as copies the caller may change', () => {
    // Saturday 5 December 2026 is inside the festival's period; its end, 9 December 00:00 in Paris, is not.
    cpSync(join(FIXTURES, 'settings', 'ok', 'orientation.yaml'), join(folder, 'settings.yaml'));
    const sut = new ScheduleService(boot());

    const shown = sut.orientation(clock.now());
    shown[0].links.pop();

    expect(shown.map((section) => section.id)).toEqual(['victime', 'fete_des_lumieres']);
    expect(sut.orientation(clock.now())[0].links).toEqual([{ title: 'Arrêtons les violences', url: 'https://arretonslesviolences.gouv.fr/' }]);
    expect(sut.orientation(Date.parse('2026-12-08T23:00:00Z')).map((section) => section.id)).toEqual(['victime']);
    expect(sut.orientation(Date.parse('2026-12-04T22:59:59Z')).map((section) => section.id)).toEqual(['victime']);
  });

  it('should be provided by ScheduleModule over the intent folder of the configuration', async () => {
    writeFileSync(join(folder, 'settings.yaml'), WEEKDAYS);
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, EventEmitterModule.forRoot(), ScheduleModule] })
      .overrideProvider(AppConfig)
      .useValue(AppConfig.fromEnv({ INTENTS_DIR: folder }))
      .compile();
    try {
      expect(moduleRef.get(ScheduleService).hoursSummary()).toBe('du lundi au vendredi de 9 h à 18 h (heure de Paris)');
    } finally {
      await moduleRef.close();
    }
  });

  it('should refuse to start on an invalid settings file, with every error of the folder', () => {
    writeFileSync(join(folder, 'settings.yaml'), WEEKDAYS.replace('monday', 'lundi'));
    writeFileSync(join(folder, 'broken.yaml'), 'id: broken\n');

    let thrown: unknown;
    try {
      boot();
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(IntentCatalogException);
    expect((thrown as IntentCatalogException).errors.map((problem) => problem.file)).toEqual(['broken.yaml', 'broken.yaml', 'broken.yaml', 'broken.yaml', 'settings.yaml']);
  });

  describe('hot reload', () => {
    let catalogs: IntentCatalogService;
    let watcher: IntentWatcherService;
    let sut: ScheduleService;
    // A reload is live within a second of the save (the watcher waits 150 ms for the writes to settle).
    const next = (event: string) => events.waitFor(event, 1000);

    beforeEach(() => {
      writeFileSync(join(folder, 'settings.yaml'), WEEKDAYS);
      catalogs = boot();
      watcher = new IntentWatcherService(AppConfig.fromEnv({ INTENTS_DIR: folder }), catalogs);
      watcher.onModuleInit();
      sut = new ScheduleService(catalogs);
    });

    afterEach(() => {
      watcher.onModuleDestroy();
    });

    it('should put a valid change of settings.yaml in force within a second', async () => {
      expect(sut.isOpen(clock.now())).toBe(false);
      const reloaded = next(IntentCatalogEvent.Reloaded);

      writeFileSync(join(folder, 'settings.yaml'), 'always_open: true\n');
      await reloaded;

      expect(sut.isOpen(clock.now())).toBe(true);
      expect(sut.hoursSummary()).toBe('24 h/24, 7 j/7');
      expect(catalogs.status().errors).toEqual([]);
    });

    it('should keep the last good settings on an invalid change, and report it in the log and the status', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const rejected = next(IntentCatalogEvent.Rejected);

      writeFileSync(join(folder, 'settings.yaml'), 'opening_hours:\n  - { days: [samedi], from: "12:00", to: "08:00" }\n');
      await rejected;

      expect(sut.isOpen(clock.now())).toBe(false);
      expect(sut.hoursSummary()).toBe('du lundi au vendredi de 9 h à 18 h (heure de Paris)');
      const expected = [
        'settings.yaml:2:14: opening_hours[0].days[0] : jour inconnu « samedi » : vouliez-vous dire « saturday » ?',
        'settings.yaml:2:42: opening_hours[0].to : doit être après from (« 12:00 ») : une plage ne passe pas minuit ; pour ouvrir de 22 h à 6 h, écrivez une plage jusqu’à "24:00" et une autre, le lendemain, à partir de "00:00"',
      ];
      expect(catalogs.status().errors).toEqual(expected);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(expected[1]));
    });

    it('should put the intents and the settings in force only together', async () => {
      const rejected = next(IntentCatalogEvent.Rejected);

      writeFileSync(join(folder, 'settings.yaml'), 'always_open: true\n');
      writeFileSync(join(folder, 'lost_property.yaml'), 'id: lost_property\n');
      await rejected;

      expect(sut.isOpen(clock.now())).toBe(false);
      expect(catalogs.current().intents.find((intent) => intent.id === 'lost_property')?.title).toBe('Objet perdu');
    });
  });
});
