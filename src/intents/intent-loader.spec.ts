import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { formatIntentFileError, inspectIntentFolder, IntentCatalogException, loadIntentCatalog } from './intent-loader';
import { checkIntents } from './intents-check';

const PROJECT_INTENTS = join(__dirname, '..', '..', 'intents');
const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'intents');
const OK = join(FIXTURES, 'ok');
const NOT_OK = join(FIXTURES, 'not-ok');
const TIME_BOXED = join(FIXTURES, 'time-boxed');

function errorsOf(directory: string): string[] {
  try {
    loadIntentCatalog(directory);
  } catch (error) {
    if (error instanceof IntentCatalogException) {
      return error.errors.map(formatIntentFileError);
    }
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

function folderWith(files: string[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'intents-'));
  for (const file of files) {
    copyFileSync(join(NOT_OK, file), join(directory, file));
  }
  return directory;
}

describe(loadIntentCatalog.name, () => {
  it('should load the shipped intents, each frozen and sorted by id', () => {
    const catalog = loadIntentCatalog(PROJECT_INTENTS, () => 1234);

    const ids = catalog.intents.map((intent) => intent.id);
    expect(ids).toEqual(expect.arrayContaining(['emergency', 'travel_restrictions', 'complaint', 'fraud', 'illicit_content', 'greeting', 'talk_to_officer']));
    expect(ids).toEqual([...ids].sort());
    expect(catalog.loadedAt).toBe(1234);
    expect(Object.isFrozen(catalog.intents[0].answer.links)).toBe(true);
  });

  it('should give the same version to the same files', () => {
    expect(loadIntentCatalog(PROJECT_INTENTS).version).toBe(loadIntentCatalog(PROJECT_INTENTS).version);
  });

  const cases = readdirSync(NOT_OK).filter((file) => file.endsWith('.yaml'));
  it.each(cases)('should reject %s with its file, line, column, field and French message', (file) => {
    const directory = folderWith([file]);
    try {
      const expected = readFileSync(join(NOT_OK, file.replace('.yaml', '.expected')), 'utf8').trim().split('\n');

      expect(errorsOf(directory)).toEqual(expected);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should report the errors of every file at once', () => {
    const directory = folderWith(['http_link.yaml', 'unknown_key.yaml']);
    try {
      expect(errorsOf(directory).map((line) => line.split(':')[0])).toEqual(['http_link.yaml', 'unknown_key.yaml']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should refuse a folder without any intent file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'intents-'));
    try {
      expect(errorsOf(directory)).toEqual([`${directory}:1:1: aucun fichier d’intention (*.yaml) dans ce dossier`]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe(inspectIntentFolder.name, () => {
  it('should give each example and test with its file, line and column when the folder is valid', () => {
    const { catalog, errors, sentences } = inspectIntentFolder(join(FIXTURES, 'impact-old'));

    expect(errors).toEqual([]);
    expect(catalog?.intents.map((intent) => intent.id)).toEqual(['emergency', 'lost_property']);
    const lostProperty = sentences.find((file) => file.intentId === 'lost_property');
    expect(lostProperty?.examples[1]).toEqual({ file: 'lost_property.yaml', line: 8, column: 5, field: 'examples[1]', text: "j'ai perdu mes clés dans le bus" });
    expect(lostProperty?.tests).toEqual([
      { file: 'lost_property.yaml', line: 23, column: 5, field: 'tests[0]', text: "j'ai perdu mon portefeuille au marché", expected: 'lost_property' },
    ]);
  });

  it('should return every error without a catalog when a file is invalid', () => {
    const directory = folderWith(['bom.yaml', 'yaml_values.yaml']);
    try {
      const { catalog, errors } = inspectIntentFolder(directory);

      expect(catalog).toBeUndefined();
      expect(errors.map((error) => error.file)).toEqual(['bom.yaml', ...Array<string>(9).fill('yaml_values.yaml')]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the ok/ fixture folder, which uses every feature of the intent files', () => {
  it('should load with no error, each intent with what its file says', () => {
    const { catalog, errors, sentences } = inspectIntentFolder(OK, () => 1234);

    expect(errors).toEqual([]);
    expect(catalog?.intents.map((intent) => [intent.id, intent.outcome, intent.smallTalk])).toEqual([
      ['christmas_market', 'answer', false],
      ['emergency', 'emergency', false],
      ['greeting', 'answer', true],
      ['lost_property', 'answer', false],
      ['talk_to_officer', 'handoff', false],
    ]);
    const intent = (id: string) => catalog?.intents.find((candidate) => candidate.id === id);
    expect(intent('emergency')?.combinations).toEqual([{ name: 'violence en cours', all: [['frappe', 'cogne', 'menace'], ['maintenant', 'en ce moment']] }]);
    expect(intent('emergency')?.exclusions).toEqual(['pas une urgence']);
    expect(intent('emergency')?.answerEn).toEqual({
      text: 'Call 17 or 112 now (text 114 if you cannot speak).',
      links: [{ title: "Urgence 114 – appel d'urgence par SMS, application ou visio", url: 'https://www.urgence114.fr' }],
    });
    expect(intent('lost_property')?.keywords).toEqual(['perdu', 'objets trouvés']);
    expect(intent('lost_property')?.patterns.map((pattern) => pattern.test('j ai egare mes cles'))).toEqual([true]);
    expect(intent('lost_property')?.examples).toHaveLength(10);
    expect(intent('lost_property')?.answerEn?.links).toEqual([{ title: 'Service-Public – directory of public services', url: 'https://lannuaire.service-public.fr/' }]);
    expect(intent('lost_property')?.variants?.map((variant) => [variant.validity, variant.answerEn?.text])).toEqual([
      [
        { validFrom: Date.parse('2026-12-24T11:00:00Z'), validUntil: Date.parse('2026-12-26T23:00:00Z') },
        'The lost property office is closed until 27 December: report the loss online.',
      ],
    ]);
    expect(intent('christmas_market')?.validity).toEqual({ validFrom: Date.parse('2026-11-30T23:00:00Z'), validUntil: Date.parse('2026-12-31T23:00:00Z') });
    expect(catalog?.lexicon).toEqual(new Map([['jai', 'j ai'], ['jsuis', 'je suis']]));
    expect(sentences.flatMap((file) => file.tests.map((test) => `${test.file}:${test.line} → ${test.expected}`))).toEqual([
      'christmas_market.yaml:26 → christmas_market',
      'emergency.yaml:36 → emergency',
      'emergency.yaml:38 → emergency',
      'lost_property.yaml:42 → lost_property',
      'lost_property.yaml:44 → lost_property',
      'talk_to_officer.yaml:23 → handoff',
    ]);
    expect(catalog?.loadedAt).toBe(1234);
  });

  it('should pass every test of its files (npm run intents:check)', () => {
    const report = checkIntents({ intentsDir: OK, config: AppConfig.fromEnv({}) });

    expect(report.errors).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.testsRun).toBe(6);
  });
});

describe('time-limited intents', () => {
  it('should read valid_from and valid_until as Paris local times, across the change to winter time', () => {
    const catalog = loadIntentCatalog(TIME_BOXED);

    const christmasMarket = catalog.intents.find((intent) => intent.id === 'christmas_market');
    expect(christmasMarket?.validity).toEqual({ validFrom: Date.parse('2026-11-30T23:00:00Z'), validUntil: Date.parse('2026-12-31T23:00:00Z') });
    const summerGames = catalog.intents.find((intent) => intent.id === 'summer_games');
    expect(summerGames?.validity).toEqual({ validFrom: Date.parse('2024-07-25T22:00:00Z'), validUntil: Date.parse('2024-08-11T22:00:00Z') });
    expect(catalog.intents.find((intent) => intent.id === 'emergency')?.validity).toBeUndefined();
  });

  it('should read the answer variants with their periods, the English links defaulting to the variant’s', () => {
    const lostProperty = loadIntentCatalog(TIME_BOXED).intents.find((intent) => intent.id === 'lost_property');

    expect(lostProperty?.validity).toBeUndefined();
    expect(lostProperty?.variants).toEqual([
      {
        answer: {
          text: "Le service des objets trouvés est fermé jusqu'au 27 décembre : déclarez la perte en ligne.",
          links: [{ title: 'Déclarer une perte', url: 'https://www.service-public.fr/particuliers/vosdroits/F1941' }],
        },
        answerEn: undefined,
        validity: { validFrom: Date.parse('2026-12-24T11:00:00Z'), validUntil: Date.parse('2026-12-26T23:00:00Z') },
      },
    ]);
    expect(Object.isFrozen(lostProperty?.variants?.[0].validity)).toBe(true);
  });

  it('should read the dates in the time zone it is given', () => {
    const catalog = loadIntentCatalog(TIME_BOXED, Date.now, 'America/Cayenne');

    expect(catalog.intents.find((intent) => intent.id === 'christmas_market')?.validity?.validFrom).toBe(Date.parse('2026-12-01T03:00:00Z'));
  });
});

describe('settings.yaml in the intent folder', () => {
  it('should not read settings.yaml as an intent, but change the version when it changes', () => {
    const directory = mkdtempSync(join(tmpdir(), 'intents-'));
    try {
      cpSync(join(FIXTURES, 'impact-old'), directory, { recursive: true });
      const without = loadIntentCatalog(directory).version;
      writeFileSync(join(directory, 'settings.yaml'), 'always_open: true\n');

      const { catalog, errors } = inspectIntentFolder(directory);

      expect(errors).toEqual([]);
      expect(catalog?.intents.map((intent) => intent.id)).toEqual(['emergency', 'lost_property']);
      expect(catalog?.version).not.toBe(without);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
