import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SystemClock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { loadIntentsAndSettings } from '../../schedule/settings-loader';
import { TriageService } from '../triage.service';
import { evaluate, formatReport, readCorpus } from './intent-evaluation';

/**
 * `npm run intents:eval -- --corpus <file.jsonl> [--json] [--intents <folder>]`: decides every message of a labelled
 * corpus with the intents in force and prints accuracy, alert recall, false-alert rate, the share of `none`
 * handed off, per-label precision and recall, and the confusions; `--json` prints one JSON line instead. Messages
 * are decided now (system clock): intents out of their validity period take no part.
 */
function main(): void {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, json: { type: 'boolean', default: false }, intents: { type: 'string' } },
    strict: true,
  });
  if (!values.corpus) {
    process.stderr.write('Usage: npm run intents:eval -- --corpus <file.jsonl> [--json] [--intents <folder>]\n');
    process.exitCode = 2;
    return;
  }
  const config = AppConfig.fromEnv({ ...process.env, ...(values.intents ? { INTENTS_DIR: values.intents } : {}) });
  const { catalog } = loadIntentsAndSettings(config.intentsDir);
  const triage = new TriageService({ current: () => catalog }, config, new SystemClock());
  const report = evaluate(readCorpus(values.corpus), (text) => triage.decide(text, { allowClarify: true }));
  if (values.json) {
    const { accuracy, alertRecall, falseAlertRate, noneHandedOff, total } = report;
    process.stdout.write(`${JSON.stringify({ total, accuracy, alertRecall, falseAlertRate, noneHandedOff, labels: report.labels })}\n`);
  } else {
    process.stdout.write(`${formatReport(report)}\n`);
  }
}

main();
