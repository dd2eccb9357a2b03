import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { checkIntents, checkPassed, exportIntentsAtRef, formatCheckReport, type IntentsCheckReport } from './intents-check';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'intents');
const IMPACT_OLD = join(FIXTURES, 'impact-old');
const IMPACT_NEW = join(FIXTURES, 'impact-new');
const CHECK_FAILING = join(FIXTURES, 'check-failing');
const config = AppConfig.fromEnv({});

/** A temporary folder holding `files` of the fixture folder `from`. */
function folderWith(from: string, files: string[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'intents-check-'));
  for (const file of files) {
    copyFileSync(join(from, file), join(directory, file));
  }
  return directory;
}

describe(checkIntents.name, () => {
  it('should pass with every test counted when each test is decided as expected', () => {
    const report = checkIntents({ intentsDir: IMPACT_NEW, config });

    expect(report.errors).toEqual([]);
    expect(report.testsRun).toBe(4);
    expect(report.failures).toEqual([]);
    expect(checkPassed(report)).toBe(true);
  });

  it('should fail with the file, line and column of each test when a test is decided otherwise or expects an unknown id', () => {
    const report = checkIntents({ intentsDir: CHECK_FAILING, config });

    expect(report.failures).toEqual([
      'lost_property.yaml:26:5: tests[1] : « quel temps fera-t-il demain » : attendu lost_property, décidé handoff/aucune',
      'lost_property.yaml:28:5: tests[2] : « fraud » n’est ni une intention du catalogue ni une issue (emergency, handoff, clarify, answer)',
    ]);
    expect(checkPassed(report)).toBe(false);
  });

  it('should warn with the file and line when an example is decided as another intent', () => {
    const report = checkIntents({ intentsDir: CHECK_FAILING, config });

    expect(report.warnings).toEqual(["lost_property.yaml:17: exemple décidé comme emergency : « j'ai perdu mon couteau suisse »"]);
  });

  it('should not fail when the only findings are warnings', () => {
    const directory = folderWith(CHECK_FAILING, ['emergency.yaml']);
    try {
      const lostProperty = readFileSync(join(CHECK_FAILING, 'lost_property.yaml'), 'utf8');
      writeFileSync(join(directory, 'lost_property.yaml'), lostProperty.slice(0, lostProperty.indexOf('tests:')));

      const report = checkIntents({ intentsDir: directory, config });

      expect(report.warnings).toHaveLength(1);
      expect(checkPassed(report)).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should list the examples, tests and corpus messages decided differently when compared with the former folder', () => {
    const corpus = [{ id: 'c1', text: 'victime d’une escroquerie sur internet', expected: 'fraud' }];

    const report = checkIntents({ intentsDir: IMPACT_NEW, againstDir: IMPACT_OLD, corpus, config });

    expect(report.changes).toEqual(
      expect.arrayContaining([
        '« je crois que je me suis fait arnaquer » : handoff/aucune → answer/fraud',
        '« arnaque au faux conseiller bancaire » : handoff/aucune → answer/fraud',
        '« victime d’une escroquerie sur internet » : handoff/aucune → answer/fraud',
      ]),
    );
    expect(report.changes.filter((line) => line.includes('lost_property') || line.includes('emergency'))).toEqual([]);
    expect(report.sentencesCompared).toBe(35);
    expect(checkPassed(report)).toBe(true);
  });

  it('should report the errors and decide nothing when a file is invalid', () => {
    const directory = folderWith(join(FIXTURES, 'not-ok'), ['http_link.yaml']);
    try {
      const report = checkIntents({ intentsDir: directory, config });

      expect(report.errors).toEqual([
        'http_link.yaml:10:12: answer.links[0].url : doit être une adresse web complète en https:// (exemple : https://www.masecurite.interieur.gouv.fr)',
      ]);
      expect(report.testsRun).toBe(0);
      expect(checkPassed(report)).toBe(false);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should report the errors of settings.yaml too, as the service would refuse to start', () => {
    const directory = folderWith(IMPACT_OLD, ['emergency.yaml', 'lost_property.yaml']);
    try {
      writeFileSync(join(directory, 'settings.yaml'), 'opening_hours:\n  - days: [lundi]\n    from: "09:00"\n    to: "18:00"\n');

      const report = checkIntents({ intentsDir: directory, config });

      expect(report.errors).toEqual(['settings.yaml:2:12: opening_hours[0].days[0] : jour inconnu « lundi » : vouliez-vous dire « monday » ?']);
      expect(report.testsRun).toBe(0);
      expect(checkPassed(report)).toBe(false);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('should run the tests and examples of an intent out of its period while it is in force', () => {
    const report = checkIntents({ intentsDir: join(FIXTURES, 'time-boxed'), config });

    expect(report.errors).toEqual([]);
    expect(report.testsRun).toBe(4);
    expect(report.failures).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('should still run the tests but fail when the folder to compare with is invalid', () => {
    const directory = folderWith(join(FIXTURES, 'not-ok'), ['http_link.yaml']);
    try {
      const report = checkIntents({ intentsDir: IMPACT_NEW, againstDir: directory, config });

      expect(report.comparisonErrors).toHaveLength(1);
      expect(report.testsRun).toBe(4);
      expect(report.changes).toEqual([]);
      expect(checkPassed(report)).toBe(false);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe(formatCheckReport.name, () => {
  const report: IntentsCheckReport = {
    errors: [],
    comparisonErrors: [],
    testsRun: 3,
    failures: ['fraud.yaml:40:5: tests[0] : « mon colis » : attendu fraud, décidé handoff/aucune'],
    warnings: ['fraud.yaml:12: exemple décidé comme complaint : « je veux porter plainte »'],
    sentencesCompared: 20,
    changes: ['« mon colis » : answer/fraud → handoff/aucune'],
  };

  it('should print the tests, warnings, changes and a failing result in French when a test failed', () => {
    const text = formatCheckReport(report, 'main');

    expect(text.split('\n')).toEqual([
      'Tests : 2 réussi(s) sur 3',
      'fraud.yaml:40:5: tests[0] : « mon colis » : attendu fraud, décidé handoff/aucune',
      '',
      'Avertissements (1) : exemples décidés comme une autre intention',
      'fraud.yaml:12: exemple décidé comme complaint : « je veux porter plainte »',
      '',
      'Comparaison avec main : 1 phrase(s) décidée(s) autrement sur 20',
      '« mon colis » : answer/fraud → handoff/aucune',
      '',
      'Résultat : à corriger (1 test(s) en échec)',
    ]);
  });

  it('should print only the errors when a file is invalid', () => {
    const text = formatCheckReport({ ...report, errors: ['fraud.yaml:3:5: keywords[0] : …'], testsRun: 0, failures: [], warnings: [], changes: [] });

    expect(text.split('\n')).toEqual([
      'Erreurs (1) : le service refuserait de démarrer',
      'fraud.yaml:3:5: keywords[0] : …',
      '',
      'Résultat : à corriger (1 erreur(s))',
    ]);
  });
});

describe(exportIntentsAtRef.name, () => {
  let repository: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repository, stdio: 'pipe' });

  beforeEach(() => {
    repository = mkdtempSync(join(tmpdir(), 'intents-repo-'));
    mkdirSync(join(repository, 'intents'));
    git('init', '--quiet');
  });

  afterEach(() => {
    rmSync(repository, { recursive: true, force: true });
  });

  it('should write the intent files of the commit, not of the working copy, when given a ref', () => {
    writeFileSync(join(repository, 'intents', 'emergency.yaml'), 'id: emergency\n');
    writeFileSync(join(repository, 'intents', 'notes.txt'), 'pas une intention\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'intents');
    writeFileSync(join(repository, 'intents', 'emergency.yaml'), 'id: changed\n');

    const exported = exportIntentsAtRef('HEAD', join(repository, 'intents'));
    try {
      expect(readdirSync(exported)).toEqual(['emergency.yaml']);
      expect(readFileSync(join(exported, 'emergency.yaml'), 'utf8')).toBe('id: emergency\n');
    } finally {
      rmSync(exported, { recursive: true, force: true });
    }
  });

  it('should throw a French error when the ref is neither a branch, a tag nor a commit', () => {
    expect(() => exportIntentsAtRef('--output=/tmp/x', join(repository, 'intents'))).toThrow('« --output=/tmp/x » n’est ni un dossier ni une référence git (branche, étiquette ou commit)');
  });
});
