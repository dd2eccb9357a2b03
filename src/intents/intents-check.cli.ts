import 'reflect-metadata';
import { existsSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppConfig } from '../config/app-config';
import { type LabelledMessage, readCorpus } from '../triage/evaluation/intent-evaluation';
import { checkIntents, checkPassed, exportIntentsAtRef, formatCheckReport } from './intents-check';

const USAGE = 'Usage : npm run intents:check -- [--intents <dossier>] [--against <dossier ou référence git> [--corpus <fichier.jsonl>]]\n';

/**
 * `npm run intents:check -- [--intents <folder>] [--against <folder or git ref> [--corpus <file.jsonl>]]`: validates
 * every intent file, runs the editors' `tests:`, warns about examples decided as another intent, and with
 * `--against` lists the sentences (examples, tests, corpus messages) decided differently than with the other
 * catalog. Exit code 0 when everything passed (warnings allowed), 1 on an invalid file or a failed test, 2 on a
 * wrong command line.
 */
function main(): void {
  let values: { intents?: string; against?: string; corpus?: string };
  try {
    ({ values } = parseArgs({ options: { intents: { type: 'string' }, against: { type: 'string' }, corpus: { type: 'string' } }, strict: true }));
  } catch {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  if (values.corpus !== undefined && values.against === undefined) {
    process.stderr.write(`--corpus ne sert qu’avec --against.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = AppConfig.fromEnv({ ...process.env, ...(values.intents ? { INTENTS_DIR: values.intents } : {}) });
  const against = values.against;
  const isFolder = against !== undefined && existsSync(against) && statSync(against).isDirectory();
  let againstDir: string | undefined;
  try {
    againstDir = against === undefined || isFolder ? against : exportIntentsAtRef(against, config.intentsDir);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    let corpus: LabelledMessage[] | undefined;
    try {
      corpus = values.corpus === undefined ? undefined : readCorpus(values.corpus);
    } catch (error) {
      process.stderr.write(`corpus illisible : ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    const report = checkIntents({ intentsDir: config.intentsDir, againstDir, corpus, config });
    process.stdout.write(`${formatCheckReport(report, against)}\n`);
    process.exitCode = checkPassed(report) ? 0 : 1;
  } finally {
    if (againstDir !== undefined && !isFolder) {
      rmSync(againstDir, { recursive: true, force: true });
    }
  }
}

main();
