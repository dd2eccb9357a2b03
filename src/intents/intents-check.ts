import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SystemClock } from '../common/clock/clock';
import type { AppConfig } from '../config/app-config';
import type { TriageDecision } from '../contracts/socket-events';
import { inspectIntentFolderWithSettings } from '../schedule/settings-loader';
import type { LabelledMessage } from '../triage/evaluation/intent-evaluation';
import { TriageService } from '../triage/triage.service';
import { type IntentCatalog, isInForce } from './intent-catalog';
import { formatIntentFileError, type IntentFileSentences } from './intent-loader';
import { TEST_EXPECTED_OUTCOMES } from './intent-rule.dto';

/** What `npm run intents:check` checks. */
export interface IntentsCheckOptions {
  /** The intent folder to check. */
  intentsDir: string;
  /** A folder of the intents before the change: every sentence decided differently is listed. */
  againstDir?: string;
  /** Labelled messages (`readCorpus`) decided too when comparing with `againstDir`. */
  corpus?: readonly LabelledMessage[];
  /** Triage settings (confidence threshold). */
  config: AppConfig;
}

/** The outcome of `checkIntents`; every line is French text for editors. */
export interface IntentsCheckReport {
  /** Invalid files, as `file:line:column: field : message`; when present, nothing was decided. */
  errors: string[];
  /** Invalid files of `againstDir`, same form; when present, nothing was compared. */
  comparisonErrors: string[];
  /** Number of editors' tests run. */
  testsRun: number;
  /** Failed tests, as `file:line:column: tests[i] : …`. */
  failures: string[];
  /** Examples decided as another intent, as `file:line: exemple décidé comme <id> : « … »`. */
  warnings: string[];
  /** Number of sentences decided with both catalogs (0 without `againstDir`). */
  sentencesCompared: number;
  /** Sentences decided differently, as `« sentence » : old-outcome/old-intent → new-outcome/new-intent`. */
  changes: string[];
}

/** The decision as editors read it: `outcome/intent`, `aucune` when no intent was chosen. */
function describe(decision: TriageDecision): string {
  return `${decision.outcome}/${decision.intent ?? 'aucune'}`;
}

/**
 * Whether a decision meets a test's expectation: the expected outcome (`emergency`, `handoff`, `clarify`,
 * `answer`), or an intent whose answer the citizen gets (so not a `clarify` question).
 */
function meets(decision: TriageDecision, expected: string): boolean {
  if ((TEST_EXPECTED_OUTCOMES as readonly string[]).includes(expected) && decision.outcome === expected) {
    return true;
  }
  return decision.outcome !== 'clarify' && decision.intents.includes(expected);
}

/** Decides a text at an instant (ms since the epoch). */
type Decide = (text: string, at: number) => TriageDecision;

/**
 * The instant an intent's own tests and examples are decided at: now when the intent is in force, else the start
 * of its period to come, else the last millisecond of its past period, so that they are checked while it answers.
 */
function checkInstant(catalog: IntentCatalog, intentId: string, now: number): number {
  const validity = catalog.intents.find((intent) => intent.id === intentId)?.validity;
  if (validity === undefined || isInForce(validity, now)) {
    return now;
  }
  return validity.validFrom !== null && validity.validFrom > now ? validity.validFrom : (validity.validUntil ?? now) - 1;
}

function runTests(sentences: IntentFileSentences[], catalog: IntentCatalog, decide: Decide, now: number): Pick<IntentsCheckReport, 'testsRun' | 'failures'> {
  const known = new Set<string>([...TEST_EXPECTED_OUTCOMES, ...catalog.intents.map((intent) => intent.id)]);
  const failures: string[] = [];
  let testsRun = 0;
  for (const { test, at } of sentences.flatMap((file) => file.tests.map((test) => ({ test, at: checkInstant(catalog, file.intentId, now) })))) {
    testsRun++;
    const where = `${test.file}:${test.line}:${test.column}: ${test.field} :`;
    if (!known.has(test.expected)) {
      failures.push(`${where} « ${test.expected} » n’est ni une intention du catalogue ni une issue (${TEST_EXPECTED_OUTCOMES.join(', ')})`);
      continue;
    }
    const decision = decide(test.text, at);
    if (!meets(decision, test.expected)) {
      failures.push(`${where} « ${test.text} » : attendu ${test.expected}, décidé ${describe(decision)}`);
    }
  }
  return { testsRun, failures };
}

function findConflicts(sentences: IntentFileSentences[], catalog: IntentCatalog, decide: Decide, now: number): string[] {
  const warnings: string[] = [];
  for (const { intentId, examples } of sentences) {
    const at = checkInstant(catalog, intentId, now);
    for (const example of examples) {
      const { intent } = decide(example.text, at);
      if (intent !== null && intent !== intentId) {
        warnings.push(`${example.file}:${example.line}: exemple décidé comme ${intent} : « ${example.text} »`);
      }
    }
  }
  return warnings;
}

function triageOf(catalog: IntentCatalog, config: AppConfig): Decide {
  const triage = new TriageService({ current: () => catalog }, config, new SystemClock());
  return (text, at) => triage.decide(text, { allowClarify: true, at });
}

/** The text of every test and example of the files. */
function sentenceTexts(sentences: IntentFileSentences[]): string[] {
  return sentences.flatMap((file) => [...file.tests, ...file.examples].map((sentence) => sentence.text));
}

/**
 * Checks an intent folder as `npm run intents:check` does: validates every file, `settings.yaml` included (as the
 * service does at start); when they are valid, runs the editors' `tests:` with the real `TriageService`, warns
 * about examples decided as another intent, and, given `againstDir`, decides every example, test and corpus
 * message with both catalogs and lists those decided differently. Decisions allow one clarification, as the chat
 * does for a new question, and are made now (system clock), except the tests and examples of an intent out of
 * its validity period, decided while it is in force (`checkInstant`).
 *
 * @returns the report; `checkPassed` tells whether it passed (warnings and changes do not fail it).
 * @throws the file-system error when a folder cannot be read.
 */
export function checkIntents(options: IntentsCheckOptions): IntentsCheckReport {
  const now = new SystemClock().now();
  const current = inspectIntentFolderWithSettings(options.intentsDir);
  const previous = options.againstDir === undefined ? undefined : inspectIntentFolderWithSettings(options.againstDir);
  const errors = current.errors.map(formatIntentFileError);
  const comparisonErrors = (previous?.errors ?? []).map(formatIntentFileError);
  if (!current.catalog) {
    return { errors, comparisonErrors, testsRun: 0, failures: [], warnings: [], sentencesCompared: 0, changes: [] };
  }
  const decide = triageOf(current.catalog, options.config);
  const { testsRun, failures } = runTests(current.sentences, current.catalog, decide, now);
  const warnings = findConflicts(current.sentences, current.catalog, decide, now);
  const changes: string[] = [];
  let sentencesCompared = 0;
  if (previous?.catalog) {
    const decideBefore = triageOf(previous.catalog, options.config);
    const texts = new Set([...sentenceTexts(current.sentences), ...sentenceTexts(previous.sentences), ...(options.corpus ?? []).map((message) => message.text)]);
    sentencesCompared = texts.size;
    for (const text of texts) {
      const [before, after] = [describe(decideBefore(text, now)), describe(decide(text, now))];
      if (before !== after) {
        changes.push(`« ${text} » : ${before} → ${after}`);
      }
    }
  }
  return { errors, comparisonErrors, testsRun, failures, warnings, sentencesCompared, changes };
}

/** Whether the check passed: no invalid file on either side and no failed test (warnings and changes do not count). */
export function checkPassed(report: IntentsCheckReport): boolean {
  return report.errors.length === 0 && report.comparisonErrors.length === 0 && report.failures.length === 0;
}

/**
 * The report as French text for editors: errors, tests, warnings, the comparison when one was asked for
 * (`compared` names what the catalog was compared with), and a last line `Résultat : …`.
 */
export function formatCheckReport(report: IntentsCheckReport, compared?: string): string {
  const lines: string[] = [];
  if (report.errors.length > 0) {
    lines.push(`Erreurs (${report.errors.length}) : le service refuserait de démarrer`, ...report.errors, '');
  } else {
    lines.push(`Tests : ${report.testsRun - report.failures.length} réussi(s) sur ${report.testsRun}`, ...report.failures, '');
    if (report.warnings.length > 0) {
      lines.push(`Avertissements (${report.warnings.length}) : exemples décidés comme une autre intention`, ...report.warnings, '');
    }
  }
  if (compared !== undefined && report.comparisonErrors.length > 0) {
    lines.push(`Comparaison impossible : ${compared} contient des erreurs (${report.comparisonErrors.length})`, ...report.comparisonErrors, '');
  } else if (compared !== undefined && report.errors.length === 0) {
    lines.push(`Comparaison avec ${compared} : ${report.changes.length} phrase(s) décidée(s) autrement sur ${report.sentencesCompared}`, ...report.changes, '');
  }
  const problems = [
    { count: report.errors.length, what: 'erreur(s)' },
    { count: report.comparisonErrors.length, what: 'erreur(s) dans le catalogue de comparaison' },
    { count: report.failures.length, what: 'test(s) en échec' },
  ].filter(({ count }) => count > 0);
  lines.push(checkPassed(report) ? 'Résultat : tout est bon' : `Résultat : à corriger (${problems.map(({ count, what }) => `${count} ${what}`).join(', ')})`);
  return lines.join('\n');
}

/**
 * Writes the `*.yaml` files that the folder `intentsDir` held at a git commit into a new temporary folder (the
 * caller removes it). Git runs inside `intentsDir`, so the folder may sit anywhere in the repository.
 *
 * @param ref a branch, tag or commit (`main`, `HEAD~1`, `v1.2`).
 * @returns the path of the temporary folder.
 * @throws Error in French when `ref` is not a commit of the repository holding `intentsDir`.
 */
export function exportIntentsAtRef(ref: string, intentsDir: string): string {
  const git = (args: string[]) => execFileSync('git', args, { cwd: intentsDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString().trim();
  } catch {
    throw new Error(`« ${ref} » n’est ni un dossier ni une référence git (branche, étiquette ou commit)`);
  }
  const files = git(['ls-tree', '--name-only', commit, '.'])
    .toString()
    .split('\n')
    .filter((name) => /\.ya?ml$/.test(name));
  const directory = mkdtempSync(join(tmpdir(), 'intents-'));
  for (const file of files) {
    writeFileSync(join(directory, basename(file)), git(['show', `${commit}:./${file}`]));
  }
  return directory;
}
