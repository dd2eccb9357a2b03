import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime, Settings } from 'luxon';
import { FakeClock } from '../../test/support/fake-clock';
import { activeAnnouncements, describeClosure, hoursSummary, isOpenAt, nextOpeningAfter } from './business-hours';
import { type BusinessSettings, DEFAULT_BUSINESS_SETTINGS } from './business-settings';
import { ScheduleService } from './schedule.service';
import { inspectSettingsFile } from './settings-loader';

const OK = join(__dirname, '..', '..', 'test', 'fixtures', 'settings', 'ok');

/** Loads `settings.yaml` text from a fresh folder, as a restarted service would. */
function settingsOf(text: string): BusinessSettings {
  const directory = mkdtempSync(join(tmpdir(), 'settings-'));
  try {
    writeFileSync(join(directory, 'settings.yaml'), text);
    const { settings, errors } = inspectSettingsFile(directory);
    if (!settings) {
      throw new Error(`invalid test settings: ${JSON.stringify(errors)}`);
    }
    return settings;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Loads a fixture of `test/fixtures/settings/ok`. */
function fixture(file: string): BusinessSettings {
  return settingsOf(readFileSync(join(OK, file), 'utf8'));
}

/** Milliseconds since the epoch of an ISO 8601 instant with its offset. */
const at = (instant: string) => Date.parse(instant);

describe('S-27: business hours follow the configured time zone across daylight saving, whatever the host', () => {
  // Paris times 08:59, 09:00, 17:59, 18:00, written as UTC instants: summer time (UTC+2) on the Monday after the
  // change of 2025-03-30, winter time (UTC+1) on the Monday after the change of 2025-10-26.
  const checks: [string, boolean][] = [
    ['2025-03-31T06:59:00Z', false],
    ['2025-03-31T07:00:00Z', true],
    ['2025-03-31T15:59:00Z', true],
    ['2025-03-31T16:00:00Z', false],
    ['2025-10-27T07:59:00Z', false],
    ['2025-10-27T08:00:00Z', true],
    ['2025-10-27T16:59:00Z', true],
    ['2025-10-27T17:00:00Z', false],
  ];
  const expected = checks.map(([, open]) => open);
  const hostZones = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];

  afterEach(() => {
    Settings.defaultZone = 'system';
  });

  // Jest gives each test file its own copy of process.env, so setting TZ here does not reach Node's clock (checked:
  // `new Date().getHours()` does not move); luxon's own default zone does move, and is what a forgotten `zone` uses.
  it.each(hostZones)('should be closed, open, open, closed on both Mondays with luxon’s default zone set to %s, read again for each check', (hostZone) => {
    Settings.defaultZone = hostZone;
    expect(DateTime.local().zoneName).toBe(hostZone);
    const clock = new FakeClock();

    const results = checks.map(([instant]) => {
      clock.setSystemTime(instant);
      // A new service on settings read again from the file: as if the server restarted between checks.
      const sut = new ScheduleService({ settings: () => fixture('weekdays.yaml') });
      return sut.isOpen(clock.now());
    });

    expect(results).toEqual(expected);
  });

  it('should give the same answers in a Node process started with TZ=UTC, then switched to other host zones', () => {
    const directory = mkdtempSync(join(tmpdir(), 'settings-'));
    try {
      copyFileSync(join(OK, 'weekdays.yaml'), join(directory, 'settings.yaml'));
      // A plain Node process (outside jest's sandbox) honours changes of process.env.TZ; TypeScript is compiled by swc.
      const script = [
        "const { readFileSync } = require('node:fs');",
        "const { transformSync } = require('@swc/core');",
        'const options = { jsc: { parser: { syntax: "typescript", decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: "es2022" }, module: { type: "commonjs" } };',
        "require.extensions['.ts'] = (module, filename) => module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);",
        "require('reflect-metadata');",
        `const { inspectSettingsFile } = require(${JSON.stringify(join(__dirname, 'settings-loader.ts'))});`,
        `const { isOpenAt } = require(${JSON.stringify(join(__dirname, 'business-hours.ts'))});`,
        'const [directory, zones, instants] = JSON.parse(process.argv[1]);',
        'const results = zones.map((zone) => {',
        '  process.env.TZ = zone;',
        '  const { settings } = inspectSettingsFile(directory);',
        '  return { zone, hostHour: new Date(instants[1]).getHours(), open: instants.map((instant) => isOpenAt(settings, Date.parse(instant))) };',
        '});',
        'process.stdout.write(JSON.stringify(results));',
      ].join('\n');
      const argument = JSON.stringify([directory, hostZones, checks.map(([instant]) => instant)]);

      const output = execFileSync(process.execPath, ['-e', script, argument], { cwd: join(__dirname, '..', '..'), env: { ...process.env, TZ: 'UTC' } });

      // 2025-03-31T07:00Z is 07:00 in UTC, 21:00 in Kiritimati (UTC+14) and 00:00 in Los Angeles (UTC-7).
      expect(JSON.parse(output.toString())).toEqual([
        { zone: 'UTC', hostHour: 7, open: expected },
        { zone: 'Pacific/Kiritimati', hostHour: 21, open: expected },
        { zone: 'America/Los_Angeles', hostHour: 0, open: expected },
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should agree with Paris times built by luxon', () => {
    const settings = fixture('weekdays.yaml');
    const paris = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toMillis();

    expect(['2025-03-31T08:59', '2025-03-31T09:00', '2025-10-27T17:59', '2025-10-27T18:00'].map((local) => isOpenAt(settings, paris(local)))).toEqual([false, true, true, false]);
  });
});

describe(isOpenAt.name, () => {
  it('should open 24/7 except on an exceptional closure, the whole local day', () => {
    const settings = fixture('always_open.yaml');

    expect(isOpenAt(settings, at('2025-12-24T22:59:59Z'))).toBe(true);
    expect(isOpenAt(settings, at('2025-12-24T23:00:00Z'))).toBe(false);
    expect(isOpenAt(settings, at('2025-12-25T22:59:59Z'))).toBe(false);
    expect(isOpenAt(settings, at('2025-12-25T23:00:00Z'))).toBe(true);
  });

  it('should close on a closure date, whatever the opening hours', () => {
    const settings = fixture('closures.yaml');

    expect(isOpenAt(settings, at('2025-12-24T12:00:00Z'))).toBe(true);
    expect(isOpenAt(settings, at('2025-12-25T12:00:00Z'))).toBe(false);
    expect(isOpenAt(settings, at('2025-12-26T12:00:00Z'))).toBe(false);
  });

  it('should open a range that starts in the hour skipped when clocks go forward as the clocks reach it', () => {
    const settings = settingsOf('opening_hours:\n  - { days: [sunday], from: "02:30", to: "04:00" }\n');

    // 2025-03-30: Paris clocks jump from 02:00 (UTC+1) to 03:00 (UTC+2) at 01:00 UTC.
    expect(isOpenAt(settings, at('2025-03-30T00:59:59Z'))).toBe(false);
    expect(isOpenAt(settings, at('2025-03-30T01:00:00Z'))).toBe(true);
    expect(isOpenAt(settings, at('2025-03-30T01:59:59Z'))).toBe(true);
    expect(isOpenAt(settings, at('2025-03-30T02:00:00Z'))).toBe(false);
    expect(nextOpeningAfter(settings, at('2025-03-29T12:00:00Z'))).toBe(at('2025-03-30T01:00:00Z'));
  });
});

describe(nextOpeningAfter.name, () => {
  it('should find Monday morning across a weekend', () => {
    expect(nextOpeningAfter(fixture('weekdays.yaml'), at('2025-10-10T16:00:00Z'))).toBe(at('2025-10-13T07:00:00Z'));
  });

  it('should find the next morning across the nights clocks change, in local time', () => {
    // Saturday 20:00 in Paris → Sunday 08:00: 11 hours later in March (UTC+1 → UTC+2), 13 in October.
    expect(nextOpeningAfter(DEFAULT_BUSINESS_SETTINGS, at('2025-03-29T19:00:00Z'))).toBe(at('2025-03-30T06:00:00Z'));
    expect(nextOpeningAfter(DEFAULT_BUSINESS_SETTINGS, at('2025-10-25T18:00:00Z'))).toBe(at('2025-10-26T07:00:00Z'));
    // A weekend and a change of time together: Friday 18:00 (UTC+1) → Monday 09:00 (UTC+2).
    expect(nextOpeningAfter(fixture('weekdays.yaml'), at('2025-03-28T17:00:00Z'))).toBe(at('2025-03-31T07:00:00Z'));
  });

  it('should give the opening after the current period when open, and skip closure days', () => {
    expect(nextOpeningAfter(fixture('weekdays.yaml'), at('2025-10-13T08:00:00Z'))).toBe(at('2025-10-14T07:00:00Z'));
    expect(nextOpeningAfter(fixture('closures.yaml'), at('2025-12-24T20:00:00Z'))).toBe(at('2025-12-27T07:00:00Z'));
  });

  it('should give null when open 24/7, and the end of a closure when one comes', () => {
    const alwaysOpen = fixture('always_open.yaml');

    expect(nextOpeningAfter(alwaysOpen, at('2026-06-01T12:00:00Z'))).toBeNull();
    expect(nextOpeningAfter(alwaysOpen, at('2025-12-20T12:00:00Z'))).toBe(at('2025-12-25T23:00:00Z'));
  });

  it('should give null when the service never opens', () => {
    const neverOpen: BusinessSettings = { ...DEFAULT_BUSINESS_SETTINGS, weeklyHours: DEFAULT_BUSINESS_SETTINGS.weeklyHours.map(() => []) };

    expect(nextOpeningAfter(neverOpen, at('2026-06-01T12:00:00Z'))).toBeNull();
    expect(describeClosure(neverOpen, at('2026-06-01T12:00:00Z'), 'fr')).toBe('Aucun policier ne répond dans ce chat pour le moment.');
    expect(hoursSummary(neverOpen, 'fr')).toBe('aucun horaire d’ouverture');
  });
});

describe(describeClosure.name, () => {
  it('should say when officers are back, in Paris time, in French', () => {
    expect(describeClosure(DEFAULT_BUSINESS_SETTINGS, at('2026-02-27T20:00:00Z'), 'fr')).toBe('Les policiers répondent de nouveau demain à partir de 8 h (heure de Paris).');
    expect(describeClosure(DEFAULT_BUSINESS_SETTINGS, at('2026-02-27T05:00:00Z'), 'fr')).toBe('Les policiers répondent de nouveau aujourd’hui à partir de 8 h (heure de Paris).');
    expect(describeClosure(fixture('weekdays.yaml'), at('2026-02-27T17:30:00Z'), 'fr')).toBe('Les policiers répondent de nouveau lundi 2 mars à partir de 9 h (heure de Paris).');
    expect(describeClosure(fixture('weekdays.yaml'), at('2026-05-29T17:00:00Z'), 'fr')).toBe('Les policiers répondent de nouveau lundi 1er juin à partir de 9 h (heure de Paris).');
    expect(describeClosure(fixture('weekdays.yaml'), at('2027-12-31T17:30:00Z'), 'fr')).toBe('Les policiers répondent de nouveau lundi 3 janvier 2028 à partir de 9 h (heure de Paris).');
  });

  it('should say it in English for English messages', () => {
    expect(describeClosure(DEFAULT_BUSINESS_SETTINGS, at('2026-02-27T20:00:00Z'), 'en')).toBe('Police officers answer again tomorrow from 08:00 (Paris time).');
    expect(describeClosure(fixture('weekdays.yaml'), at('2026-02-27T17:30:00Z'), 'en')).toBe('Police officers answer again on Monday 2 March from 09:00 (Paris time).');
  });

  it('should name the closure of the day, minutes and another time zone', () => {
    expect(describeClosure(fixture('closures.yaml'), at('2025-12-25T09:00:00Z'), 'fr')).toBe(
      'Fermeture exceptionnelle : Noël. Les policiers répondent de nouveau samedi 27 décembre à partir de 8 h (heure de Paris).',
    );
    const halfPast = settingsOf('time_zone: America/Cayenne\nopening_hours:\n  - { days: [monday], from: "09:30", to: "12:00" }\n');
    expect(describeClosure(halfPast, at('2026-03-01T12:00:00Z'), 'fr')).toBe('Les policiers répondent de nouveau demain à partir de 9 h 30 (heure de Cayenne).');
  });
});

describe(hoursSummary.name, () => {
  it('should put the hours in one phrase, grouping days with the same ranges', () => {
    expect(hoursSummary(DEFAULT_BUSINESS_SETTINGS, 'fr')).toBe('tous les jours de 8 h à 20 h (heure de Paris)');
    expect(hoursSummary(DEFAULT_BUSINESS_SETTINGS, 'en')).toBe('every day from 08:00 to 20:00 (Paris time)');
    expect(hoursSummary(fixture('split_week.yaml'), 'fr')).toBe('du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h, le samedi de 9 h à 12 h (heure de Cayenne)');
    expect(hoursSummary(fixture('split_week.yaml'), 'en')).toBe('Monday to Friday from 09:00 to 12:00 and from 14:00 to 18:00, Saturday from 09:00 to 12:00 (Cayenne time)');
    expect(hoursSummary(settingsOf('opening_hours:\n  - { days: [saturday, sunday], from: "10:00", to: "24:00" }\n'), 'fr')).toBe('le samedi et le dimanche de 10 h à 24 h (heure de Paris)');
  });

  it('should say 24/7 when always open', () => {
    expect(hoursSummary(fixture('always_open.yaml'), 'fr')).toBe('24 h/24, 7 j/7');
    expect(hoursSummary(fixture('always_open.yaml'), 'en')).toBe('24/7');
  });
});

describe(activeAnnouncements.name, () => {
  const settings = fixture('announcements.yaml');
  const idsAt = (instant: string) => activeAnnouncements(settings, at(instant)).map((announcement) => announcement.id);

  it('should show an announcement from valid_from included to valid_until excluded, in Paris time', () => {
    expect(idsAt('2026-12-01T06:59:59.999Z')).toEqual(['permanent']);
    expect(idsAt('2026-12-01T07:00:00Z')).toEqual(['greve_transports', 'permanent']);
    expect(idsAt('2026-12-02T22:59:59.999Z')).toEqual(['greve_transports', 'permanent']);
    expect(idsAt('2026-12-02T23:00:00Z')).toEqual(['permanent']);
  });

  it('should give the contract shape, as copies the caller may change', () => {
    const [first] = activeAnnouncements(settings, at('2026-12-01T07:00:00Z'));
    first.links.push({ title: 'x', url: 'https://x.example' });

    expect(activeAnnouncements(settings, at('2026-12-01T07:00:00Z'))[0]).toEqual({
      id: 'greve_transports',
      title: 'Grève des transports',
      text: 'Le commissariat central reste ouvert pendant la grève.',
      links: [{ title: 'Ma Sécurité', url: 'https://www.masecurite.interieur.gouv.fr' }],
    });
  });
});
