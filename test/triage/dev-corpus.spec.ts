import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, formatReport, readCorpus } from '../../src/triage/evaluation/intent-evaluation';
import { makeShippedTriage } from '../support/shipped-triage';

/** The labelled development corpus shared beside the project (../shared/corpus/dev.jsonl). */
const DEV_CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'dev.jsonl');

describe('Triage on the shared development corpus', () => {
  it('should reach the floors: accuracy 0.90, alert recall 1.00, false alerts 0.03, none handed off 0.80', () => {
    if (!existsSync(DEV_CORPUS)) {
      throw new Error(`Missing ${DEV_CORPUS}: the development corpus is in ../shared/corpus/ beside the project`);
    }
    const triage = makeShippedTriage();

    const report = evaluate(readCorpus(DEV_CORPUS), (text) => triage.decide(text));

    const broken = [
      report.accuracy < 0.9 && `accuracy ${report.accuracy.toFixed(3)} < 0.90`,
      report.alertRecall < 1 && `alert recall ${report.alertRecall.toFixed(3)} < 1.00`,
      report.falseAlertRate > 0.03 && `false-alert rate ${report.falseAlertRate.toFixed(3)} > 0.03`,
      report.noneHandedOff < 0.8 && `none handed off ${report.noneHandedOff.toFixed(3)} < 0.80`,
    ].filter(Boolean);
    expect({ broken, report: broken.length > 0 ? formatReport(report) : '' }).toEqual({ broken: [], report: '' });
  });
});
