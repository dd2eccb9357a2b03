import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useId, useState } from 'react';
import type { IntentSuggestion } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import { formatInstant } from '../editor-labels';

/**
 * Props: the suggestions, newest first, intent titles by id (an unknown id is shown as is), and
 * `onResolve(id)`, which resolves with the French error text or null once handled.
 */
export interface SuggestionListProps {
  suggestions: IntentSuggestion[];
  intentTitles: Readonly<Record<string, string>>;
  onResolve: (id: string) => Promise<string | null>;
}

/**
 * « Suggestions des officiers » (`data-testid="editor-suggestions"`): one entry per suggestion
 * (`data-testid="editor-suggestion"`) with intent, sentence (as text, contact details already masked by the
 * server), officer and date in Paris time, and « Traité », which deletes it.
 */
export function SuggestionList({ suggestions, intentTitles, onResolve }: SuggestionListProps) {
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);

  const resolve = async (id: string) => {
    setPendingId(id);
    setError(await onResolve(id));
    setPendingId(null);
  };

  return (
    <section className="fr-mb-4w" aria-labelledby={headingId} data-testid="editor-suggestions">
      <h3 id={headingId} className="fr-h5">
        Suggestions des officiers ({suggestions.length})
      </h3>
      {error !== null && <Alert className="fr-mb-2w" severity="error" small role="alert" description={error} />}
      {suggestions.length === 0 && <p className="fr-text--sm">Aucune suggestion en attente.</p>}
      <ul className="fr-raw-list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.id} className="fr-mb-2w" data-testid="editor-suggestion" data-suggestion-id={suggestion.id}>
            <p className="fr-mb-1v">
              <span className="fr-text--bold">{intentTitles[suggestion.intent] ?? suggestion.intent}</span>{' '}
              <code>{suggestion.intent}</code>
            </p>
            <blockquote className="fr-mb-1v" data-testid="suggestion-utterance">
              {suggestion.utterance}
            </blockquote>
            <p className="fr-text--sm fr-mb-1v">
              Proposée par {suggestion.officerName} le {formatInstant(suggestion.suggestedAt)}
            </p>
            <Button
              priority="secondary"
              size="small"
              iconId="fr-icon-check-line"
              disabled={pendingId === suggestion.id}
              onClick={() => void resolve(suggestion.id)}
              nativeButtonProps={{
                'aria-label': `Traité : suggestion de ${suggestion.officerName} pour ${suggestion.intent}`,
                ...testId('suggestion-resolve'),
              }}
            >
              Traité
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
