import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIntentFileError } from '../intents/intent-loader';
import { DEFAULT_BUSINESS_SETTINGS } from './business-settings';
import { inspectIntentFolderWithSettings, inspectSettingsFile } from './settings-loader';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures');
const OK = join(FIXTURES, 'settings', 'ok');
const NOT_OK = join(FIXTURES, 'settings', 'not-ok');

/** Runs `check` on a temporary folder whose `settings.yaml` holds `text`, then removes the folder. */
function withSettings<T>(text: string | Buffer, check: (directory: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'settings-'));
  try {
    writeFileSync(join(directory, 'settings.yaml'), text);
    return check(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe(inspectSettingsFile.name, () => {
  const cases = readdirSync(NOT_OK).filter((file) => file.endsWith('.yaml'));
  it.each(cases)('should reject %s with its line, column, field and French message', (file) => {
    const expected = readFileSync(join(NOT_OK, file.replace('.yaml', '.expected')), 'utf8').trim().split('\n');

    const { settings, errors } = withSettings(readFileSync(join(NOT_OK, file)), inspectSettingsFile);

    expect(settings).toBeUndefined();
    expect(errors.map(formatIntentFileError)).toEqual(expected);
  });

  it.each(readdirSync(OK))('should accept %s', (file) => {
    const { settings, errors } = withSettings(readFileSync(join(OK, file)), inspectSettingsFile);

    expect(errors).toEqual([]);
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('should read the opening hours of each weekday in minutes, Monday first, with the time zone', () => {
    const { settings } = withSettings(readFileSync(join(OK, 'weekdays.yaml')), inspectSettingsFile);

    const nineToSix = [{ fromMinutes: 540, toMinutes: 1080 }];
    expect(settings?.weeklyHours).toEqual([nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, [], []]);
    expect(settings?.timeZone).toBe('Europe/Paris');
  });

  it('should merge ranges of a day that overlap or touch, and keep the others apart', () => {
    const yaml = [
      'opening_hours:',
      '  - { days: [monday], from: "14:00", to: "15:00" }',
      '  - { days: [monday], from: "09:00", to: "12:00" }',
      '  - { days: [monday], from: "11:00", to: "14:00" }',
      '  - { days: [monday], from: "16:00", to: "24:00" }',
    ].join('\n');

    const { settings } = withSettings(yaml, inspectSettingsFile);

    expect(settings?.weeklyHours[0]).toEqual([
      { fromMinutes: 540, toMinutes: 900 },
      { fromMinutes: 960, toMinutes: 1440 },
    ]);
  });

  it('should read the closures with their labels and the announcements with their periods in Paris time', () => {
    const closures = withSettings(readFileSync(join(OK, 'closures.yaml')), inspectSettingsFile).settings?.closures;
    const announcements = withSettings(readFileSync(join(OK, 'announcements.yaml')), inspectSettingsFile).settings?.announcements;

    expect([...(closures ?? [])]).toEqual([
      ['2025-12-25', 'Noël'],
      ['2025-12-26', undefined],
    ]);
    expect(announcements?.map(({ announcement, validity }) => ({ id: announcement.id, links: announcement.links, validity }))).toEqual([
      {
        id: 'greve_transports',
        links: [{ title: 'Ma Sécurité', url: 'https://www.masecurite.interieur.gouv.fr' }],
        validity: { validFrom: Date.parse('2026-12-01T07:00:00Z'), validUntil: Date.parse('2026-12-02T23:00:00Z') },
      },
      { id: 'permanent', links: [], validity: { validFrom: null, validUntil: null } },
    ]);
  });

  it('should spell the time zone as IANA does', () => {
    expect(withSettings('time_zone: europe/paris\n', inspectSettingsFile).settings?.timeZone).toBe('Europe/Paris');
  });

  it('should give the defaults without settings.yaml, and for a file of comments only', () => {
    const directory = mkdtempSync(join(tmpdir(), 'settings-'));
    try {
      expect(inspectSettingsFile(directory)).toEqual({ settings: DEFAULT_BUSINESS_SETTINGS, errors: [] });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    expect(withSettings('# rien\n', inspectSettingsFile).settings).toBe(DEFAULT_BUSINESS_SETTINGS);
  });

  it('should read the orientation sections with their links and periods in Paris time, trimmed and frozen', () => {
    const { settings } = withSettings(readFileSync(join(OK, 'orientation.yaml')), inspectSettingsFile);

    expect(settings?.orientation).toEqual([
      {
        section: { id: 'victime', title: 'Je suis victime', links: [{ title: 'Arrêtons les violences', url: 'https://arretonslesviolences.gouv.fr/' }] },
        validity: { validFrom: null, validUntil: null },
      },
      {
        section: { id: 'fete_des_lumieres', title: 'Fête des Lumières', links: [{ title: 'Ma Sécurité', url: 'https://www.masecurite.interieur.gouv.fr' }] },
        validity: { validFrom: Date.parse('2026-12-04T23:00:00Z'), validUntil: Date.parse('2026-12-08T23:00:00Z') },
      },
    ]);
    expect(Object.isFrozen(settings?.orientation[0].section.links[0])).toBe(true);
    expect(settings?.announcements).toEqual([]);
  });

  it('should load the shipped settings: every day from 8 h to 20 h, Paris time, no closure nor announcement', () => {
    const { settings, errors } = inspectSettingsFile(join(__dirname, '..', '..', 'intents'));

    expect(errors).toEqual([]);
    expect({ ...settings, orientation: [] }).toEqual(DEFAULT_BUSINESS_SETTINGS);
  });

  it('should ship the three orientation sections, always shown, with 1 to 8 https links each', () => {
    const { settings } = inspectSettingsFile(join(__dirname, '..', '..', 'intents'));

    expect(settings?.orientation.map(({ section }) => [section.id, section.title])).toEqual([
      ['victime', 'Je suis victime'],
      ['signalement', 'Je veux signaler'],
      ['information', "Je m'informe"],
    ]);
    for (const { section, validity } of settings?.orientation ?? []) {
      expect(validity).toEqual({ validFrom: null, validUntil: null });
      expect(section.links.length).toBeGreaterThanOrEqual(1);
      expect(section.links.length).toBeLessThanOrEqual(8);
      expect(section.links.every((link) => new URL(link.url).protocol === 'https:')).toBe(true);
    }
    expect(settings?.orientation[1].section.links.map((link) => link.url)).toEqual(
      expect.arrayContaining(['https://www.internet-signalement.gouv.fr', 'https://www.service-public.fr/particuliers/vosdroits/R46526']),
    );
  });
});

describe(inspectIntentFolderWithSettings.name, () => {
  it('should load the ok/ intent folder with its settings (every key) and no error', () => {
    const { catalog, settings, errors } = inspectIntentFolderWithSettings(join(FIXTURES, 'intents', 'ok'));

    expect(errors).toEqual([]);
    expect(catalog?.intents).toHaveLength(5);
    const weekday = [
      { fromMinutes: 540, toMinutes: 720 },
      { fromMinutes: 840, toMinutes: 1080 },
    ];
    expect(settings?.weeklyHours).toEqual([weekday, weekday, weekday, weekday, weekday, [{ fromMinutes: 540, toMinutes: 720 }], []]);
    expect([...(settings?.closures ?? [])]).toEqual([
      ['2026-12-25', 'Noël'],
      ['2027-01-01', undefined],
    ]);
    expect(settings?.announcements.map(({ announcement }) => announcement.id)).toEqual(['greve_transports']);
    expect(settings?.orientation.map(({ section, validity }) => [section.id, section.links.length, validity.validFrom])).toEqual([
      ['victime', 1, null],
      ['signalement', 2, null],
      ['marche_de_noel', 1, Date.parse('2026-11-30T23:00:00Z')],
    ]);
  });

  it('should read the intents’ dates in the time zone of settings.yaml', () => {
    const directory = mkdtempSync(join(tmpdir(), 'intents-'));
    try {
      cpSync(join(FIXTURES, 'intents', 'time-boxed'), directory, { recursive: true });
      writeFileSync(join(directory, 'settings.yaml'), 'time_zone: America/Cayenne\n');

      const { catalog, settings } = inspectIntentFolderWithSettings(directory);

      expect(settings?.timeZone).toBe('America/Cayenne');
      expect(catalog?.intents.find((intent) => intent.id === 'christmas_market')?.validity?.validFrom).toBe(Date.parse('2026-12-01T03:00:00Z'));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should give neither catalog nor settings, and the errors of both, when either is invalid', () => {
    const directory = mkdtempSync(join(tmpdir(), 'intents-'));
    try {
      cpSync(join(FIXTURES, 'intents', 'impact-old'), directory, { recursive: true });
      copyFileSync(join(FIXTURES, 'intents', 'not-ok', 'http_link.yaml'), join(directory, 'http_link.yaml'));
      copyFileSync(join(NOT_OK, 'tab_indent.yaml'), join(directory, 'settings.yaml'));

      const { catalog, settings, errors } = inspectIntentFolderWithSettings(directory);

      expect(catalog).toBeUndefined();
      expect(settings).toBeUndefined();
      expect(errors.map((error) => `${error.file}:${error.line}`)).toEqual(['http_link.yaml:10', 'settings.yaml:4']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
