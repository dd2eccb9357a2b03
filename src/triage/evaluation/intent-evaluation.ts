import { readFileSync } from 'node:fs';
import type { TriageDecision } from '../../contracts/socket-events';

/** One labelled message of a corpus (`*.jsonl`, one JSON object a line). */
export interface LabelledMessage {
  id: string;
  text: string;
  /** The intent id the bot should recognise, or `none` (hand off). */
  expected: string;
  /** Other labels that are also right. */
  acceptable?: string[];
  /** Missing the emergency / suicide answer on this message would be a safety failure. */
  must_alert?: boolean;
  tags?: string[];
}

/** Precision and recall of one label, in [0, 1] (1 when the label never occurs on that side). */
export interface LabelFigures {
  label: string;
  support: number;
  precision: number;
  recall: number;
}

/** The figures of one evaluation run. Rates are in [0, 1]. */
export interface EvaluationReport {
  total: number;
  /** Share of messages decided as their expected label or an acceptable one. */
  accuracy: number;
  /** Share of `must_alert` messages that got an emergency answer (danger now or suicide risk). */
  alertRecall: number;
  /** Share of the other messages that got an emergency answer. */
  falseAlertRate: number;
  /** Share of `none` messages handed off to an officer. */
  noneHandedOff: number;
  labels: LabelFigures[];
  /** `confusion[expected][predicted]` counts. */
  confusion: Record<string, Record<string, number>>;
  /** Messages decided wrongly: id, expected, predicted (never the text: reports may be kept). */
  errors: { id: string; expected: string; predicted: string }[];
}

/**
 * The label a decision stands for: the answered intent (the first choice for `clarify`); for a handoff, its intent
 * when the corpus knows that label (`talk_to_officer`), else `none` (a fallback, or a handoff rule such as a case
 * follow-up that the corpus counts as `none`).
 */
export function predictedLabel(decision: TriageDecision, knownLabels: ReadonlySet<string>): string {
  if (decision.intent === null || (decision.outcome === 'handoff' && !knownLabels.has(decision.intent))) {
    return 'none';
  }
  return decision.intent;
}

/**
 * Reads a `*.jsonl` corpus.
 * @throws Error naming the line of a malformed row.
 */
export function readCorpus(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const row = JSON.parse(line) as LabelledMessage;
      if (typeof row.text !== 'string' || typeof row.expected !== 'string') {
        throw new Error(`${path}:${number}: each row needs "text" and "expected"`);
      }
      return row;
    });
}

/** Decides every message of `corpus` with `decide` and computes the figures of `EvaluationReport`. */
export function evaluate(corpus: LabelledMessage[], decide: (text: string) => TriageDecision): EvaluationReport {
  const confusion: Record<string, Record<string, number>> = {};
  const errors: EvaluationReport['errors'] = [];
  let correct = 0;
  let alerts = 0;
  let alertsCaught = 0;
  let others = 0;
  let falseAlerts = 0;
  let nones = 0;
  let nonesHandedOff = 0;
  const knownLabels = new Set(corpus.flatMap((message) => [message.expected, ...(message.acceptable ?? [])]));
  for (const message of corpus) {
    const decision = decide(message.text);
    const predicted = predictedLabel(decision, knownLabels);
    confusion[message.expected] ??= {};
    confusion[message.expected][predicted] = (confusion[message.expected][predicted] ?? 0) + 1;
    if (predicted === message.expected || (message.acceptable ?? []).includes(predicted)) {
      correct++;
    } else {
      errors.push({ id: message.id, expected: message.expected, predicted });
    }
    if (message.must_alert) {
      alerts++;
      alertsCaught += decision.outcome === 'emergency' ? 1 : 0;
    } else {
      others++;
      falseAlerts += decision.outcome === 'emergency' ? 1 : 0;
    }
    if (message.expected === 'none') {
      nones++;
      nonesHandedOff += decision.outcome === 'handoff' ? 1 : 0;
    }
  }
  const labels = [...new Set(corpus.flatMap((message) => [message.expected, ...Object.keys(confusion[message.expected] ?? {})]))].sort();
  return {
    total: corpus.length,
    accuracy: ratio(correct, corpus.length),
    alertRecall: ratio(alertsCaught, alerts),
    falseAlertRate: others === 0 ? 0 : falseAlerts / others,
    noneHandedOff: ratio(nonesHandedOff, nones),
    labels: labels.map((label) => {
      const truePositives = confusion[label]?.[label] ?? 0;
      const predictedAs = Object.values(confusion).reduce((sum, row) => sum + (row[label] ?? 0), 0);
      const support = Object.values(confusion[label] ?? {}).reduce((sum, count) => sum + count, 0);
      return { label, support, precision: ratio(truePositives, predictedAs), recall: ratio(truePositives, support) };
    }),
    confusion,
    errors,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** The report as text: headline figures, per-label precision and recall, and the confusions. */
export function formatReport(report: EvaluationReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  const lines = [
    `messages            ${report.total}`,
    `accuracy            ${percent(report.accuracy)}`,
    `alert recall        ${percent(report.alertRecall)}`,
    `false-alert rate    ${percent(report.falseAlertRate)}`,
    `none handed off     ${percent(report.noneHandedOff)}`,
    '',
    'label                 support  precision  recall',
    ...report.labels.map((figures) => `${figures.label.padEnd(22)}${String(figures.support).padStart(7)}  ${percent(figures.precision).padStart(9)}  ${percent(figures.recall).padStart(6)}`),
    '',
    'confusions (expected → predicted: count)',
    ...Object.entries(report.confusion).flatMap(([expected, row]) =>
      Object.entries(row)
        .filter(([predicted]) => predicted !== expected)
        .map(([predicted, count]) => `  ${expected} → ${predicted}: ${count}`),
    ),
    '',
    `wrong decisions: ${report.errors.map((error) => error.id).join(' ') || 'none'}`,
  ];
  return lines.join('\n');
}
