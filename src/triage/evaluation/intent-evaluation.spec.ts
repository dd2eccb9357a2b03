import type { TriageDecision } from '../../contracts/socket-events';
import { evaluate, type LabelledMessage } from './intent-evaluation';

function decision(overrides: Partial<TriageDecision>): TriageDecision {
  return { outcome: 'answer', intent: null, intents: [], confidence: 1, language: 'fr', reply: '', links: [], ...overrides };
}

const CORPUS: LabelledMessage[] = [
  { id: 'a', text: 'arnaque', expected: 'fraud' },
  { id: 'b', text: 'couteau', expected: 'emergency', must_alert: true },
  { id: 'c', text: 'dossier', expected: 'none' },
  { id: 'd', text: 'humain', expected: 'talk_to_officer' },
  { id: 'e', text: 'vol', expected: 'complaint', acceptable: ['fraud'] },
  { id: 'f', text: 'meteo', expected: 'none' },
];

const DECISIONS: Record<string, TriageDecision> = {
  arnaque: decision({ intent: 'fraud' }),
  couteau: decision({ outcome: 'emergency', intent: 'emergency' }),
  dossier: decision({ outcome: 'handoff', intent: 'case_followup' }),
  humain: decision({ outcome: 'handoff', intent: 'talk_to_officer' }),
  vol: decision({ intent: 'fraud' }),
  meteo: decision({ outcome: 'emergency', intent: 'emergency' }),
};

describe(evaluate.name, () => {
  const sut = evaluate(CORPUS, (text) => DECISIONS[text]);

  it('should count expected and acceptable labels as right, and a handoff rule unknown to the corpus as none', () => {
    expect(sut.accuracy).toBeCloseTo(5 / 6);
    expect(sut.errors).toEqual([{ id: 'f', expected: 'none', predicted: 'emergency' }]);
  });

  it('should measure alert recall, false alerts and none handed off', () => {
    expect(sut.alertRecall).toBe(1);
    expect(sut.falseAlertRate).toBeCloseTo(1 / 5);
    expect(sut.noneHandedOff).toBe(0.5);
  });

  it('should give per-label precision and recall', () => {
    expect(sut.labels.find((figures) => figures.label === 'emergency')).toEqual({ label: 'emergency', support: 1, precision: 0.5, recall: 1 });
  });
});
