import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { TriageSummary } from '../../../../../src/contracts/socket-events';
import { confidenceLabel, intentLabel, languageLabel, safetyFlagLabel, type IntentTitles } from '../triage-labels';

/** Props: what triage saw in one conversation, and intent titles by id (from the canned answers). */
export interface TriageSummaryDetailsProps {
  summary: TriageSummary;
  intentTitles: IntentTitles;
}

/**
 * What the bot saw before the handoff, as a description list (`data-testid="triage-summary"`): « Intentions
 * essayées » (titles, first seen first), « Meilleure confiance » (as %), « Signalements » (safety flags as red
 * badges) and « Langue ». Never message text.
 */
export function TriageSummaryDetails({ summary, intentTitles }: TriageSummaryDetailsProps) {
  return (
    <dl className="triage-summary fr-text--sm fr-mb-1w" data-testid="triage-summary">
      <dt>Intentions essayées</dt>
      <dd data-testid="summary-intents">
        {summary.intents.length === 0
          ? 'aucune'
          : summary.intents.map((intent) => intentLabel(intent, intentTitles)).join(', ')}
      </dd>
      <dt>Meilleure confiance</dt>
      <dd data-testid="summary-confidence">{confidenceLabel(summary.bestConfidence)}</dd>
      <dt>Signalements</dt>
      <dd data-testid="summary-flags">
        {summary.flags.length === 0
          ? 'aucun'
          : summary.flags.map((flag) => (
              <Badge key={flag} as="span" small severity="error" className="fr-mr-1v">
                {safetyFlagLabel(flag)}
              </Badge>
            ))}
      </dd>
      <dt>Langue</dt>
      <dd data-testid="summary-language">{languageLabel(summary.language)}</dd>
    </dl>
  );
}
