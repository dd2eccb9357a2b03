import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMemo } from 'react';
import { testId } from '../../../lib/test-id';
import { formatInstant } from '../editor-labels';
import { useEditorData } from '../hooks/useEditorData';
import { IntentList } from './IntentList';
import { PlaygroundPanel } from './PlaygroundPanel';
import { SuggestionList } from './SuggestionList';

/** Props: the bearer token of an account with the editor role. */
export interface EditorPageProps {
  accessToken: string;
}

/**
 * « Éditeur » (`data-testid="editor-page"`), for editors: loads `GET /api/v1/editor/intents` and
 * `GET /api/v1/suggestions` on mount and on « Actualiser » (`data-testid="editor-refresh"`), then shows, in this
 * order: the current validation errors of the intent folder (one line each, as text, `data-testid="editor-error"`),
 * the playground, the officers' suggestions and the searchable intents. A failed load (403 without the editor
 * role, 401 once the session ended, network) is shown in an alert; the last data stays on screen.
 */
export function EditorPage({ accessToken }: EditorPageProps) {
  const { catalog, suggestions, loading, error, refresh, resolveSuggestion } = useEditorData(accessToken);
  const intentTitles = useMemo(
    () => Object.fromEntries((catalog?.intents ?? []).map((intent) => [intent.id, intent.title])),
    [catalog],
  );

  return (
    <div className="editor-page" data-testid="editor-page">
      <h2 className="fr-h4 fr-mb-1w">Éditeur des intentions</h2>
      <p className="fr-text--sm" aria-live="polite">
        {catalog === null
          ? 'Chargement…'
          : `Catalogue ${catalog.version}, chargé le ${formatInstant(Date.parse(catalog.loadedAt))}.`}
        <Button
          className="fr-ml-1w"
          priority="tertiary"
          size="small"
          iconId="fr-icon-refresh-line"
          disabled={loading}
          onClick={refresh}
          nativeButtonProps={testId('editor-refresh')}
        >
          Actualiser
        </Button>
      </p>
      {error !== null && <Alert className="fr-mb-2w" severity="error" small role="alert" description={error} />}
      {catalog !== null && catalog.errors.length > 0 && (
        <Alert
          className="fr-mb-4w"
          severity="error"
          as="h3"
          title="Le dossier des intentions contient des erreurs : le catalogue ci-dessous reste celui d’avant"
          description={
            <ul data-testid="editor-errors">
              {catalog.errors.map((line, index) => (
                // A line may repeat (same problem twice): the position keeps keys unique.
                <li key={`${index}-${line}`} data-testid="editor-error">
                  {line}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {catalog !== null && catalog.errors.length === 0 && (
        <p className="fr-text--sm" data-testid="editor-no-errors">
          Aucune erreur dans le dossier des intentions.
        </p>
      )}
      <PlaygroundPanel accessToken={accessToken} />
      {suggestions !== null && (
        <SuggestionList suggestions={suggestions} intentTitles={intentTitles} onResolve={resolveSuggestion} />
      )}
      {catalog !== null && <IntentList intents={catalog.intents} />}
    </div>
  );
}
